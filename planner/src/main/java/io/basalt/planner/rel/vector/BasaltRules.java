package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.ColumnKinds;
import io.basalt.planner.rel.SourceTableScan;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.rules.JoinCommuteRule;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The rules that plan operators into Basalt's engine. Each refuses (returns null) what the
 * engine cannot run, and Volcano then keeps Calcite's Enumerable operator for that subtree, with
 * converters where rows cross between the two.
 */
public final class BasaltRules {
  private BasaltRules() {}

  /** Every rule of the engine, for a server with these settings. */
  public static List<RelOptRule> all(EngineSettings settings) {
    List<RelOptRule> rules = new ArrayList<>();
    rules.add(rule(SourceTableScan.class, "BasaltTableScanRule", rel ->
        ColumnKinds.supportsRow(rel.getRowType())
            ? new BasaltTableScan((SourceTableScan) rel, basaltTraits(rel)) : null));
    rules.add(rule(LogicalFilter.class, "BasaltFilterRule", rel -> {
      LogicalFilter filter = (LogicalFilter) rel;
      if (!ColumnKinds.supportsRow(filter.getRowType())
          || !BasaltFilter.supports(filter.getCondition(), filter.getInput())) {
        return null;
      }
      return new BasaltFilter(rel.getCluster(), basaltTraits(rel), basalt(filter.getInput()),
          filter.getCondition());
    }));
    rules.add(rule(LogicalProject.class, "BasaltProjectRule", rel -> {
      LogicalProject project = (LogicalProject) rel;
      if (!ColumnKinds.supportsRow(project.getInput().getRowType())
          || !BasaltProject.supports(project.getProjects(), project.getInput(),
              project.getRowType())) {
        return null;
      }
      return new BasaltProject(rel.getCluster(), basaltTraits(rel), basalt(project.getInput()),
          project.getProjects(), project.getRowType());
    }));
    rules.add(rule(LogicalAggregate.class, "BasaltAggregateRule", rel -> {
      LogicalAggregate aggregate = (LogicalAggregate) rel;
      if (!ColumnKinds.supportsRow(aggregate.getInput().getRowType())
          || !ColumnKinds.supportsRow(aggregate.getRowType())
          || !BasaltAggregate.supports(aggregate)) {
        return null;
      }
      return new BasaltAggregate(rel.getCluster(), basaltTraits(rel),
          basalt(aggregate.getInput()), aggregate.getGroupSet(), aggregate.getGroupSets(),
          aggregate.getAggCallList());
    }));
    rules.add(rule(LogicalJoin.class, "BasaltHashJoinRule", rel -> {
      LogicalJoin join = (LogicalJoin) rel;
      if (!ColumnKinds.supportsRow(join.getLeft().getRowType())
          || !ColumnKinds.supportsRow(join.getRight().getRowType())
          || !BasaltHashJoin.supports(join)) {
        return null;
      }
      if (buildsOnLargerSide(join)) {
        RelNode swapped = swappedJoin(join);
        if (swapped != null) {
          return swapped;
        }
      }
      return new BasaltHashJoin(rel.getCluster(), basaltTraits(rel), basalt(join.getLeft()),
          basalt(join.getRight()), join.getCondition(), join.getJoinType());
    }));
    rules.add(rule(LogicalSort.class, "BasaltSortRule", rel -> {
      LogicalSort sort = (LogicalSort) rel;
      if (!BasaltSort.supports(sort)) {
        return null;
      }
      return new BasaltSort(rel.getCluster(), basaltTraits(rel).replace(sort.getCollation()),
          basalt(sort.getInput()), sort.getCollation(), sort.offset, sort.fetch);
    }));
    rules.add(rule(LogicalUnion.class, "BasaltUnionRule", rel -> {
      LogicalUnion union = (LogicalUnion) rel;
      if (!union.all || !ColumnKinds.supportsRow(union.getRowType())
          || !BasaltUnion.supports(union.getInputs().size())) {
        return null;
      }
      List<RelNode> inputs = new ArrayList<>();
      for (RelNode input : union.getInputs()) {
        if (!ColumnKinds.supportsRow(input.getRowType())) {
          return null;
        }
        inputs.add(basalt(input));
      }
      return new BasaltUnion(rel.getCluster(), basaltTraits(rel), inputs);
    }));
    rules.add(rule(LogicalValues.class, "BasaltValuesRule", rel ->
        ColumnKinds.supportsRow(rel.getRowType())
            ? new BasaltValues((LogicalValues) rel, basaltTraits(rel)) : null));
    rules.add(new ConverterRule(ConverterRule.Config.INSTANCE.withConversion(RelNode.class,
        BasaltRel.CONVENTION, EnumerableConvention.INSTANCE, "BasaltToEnumerableRule")) {
      @Override
      public RelNode convert(RelNode rel) {
        return new BasaltToEnumerableConverter(rel.getCluster(),
            BasaltToEnumerableConverter.traits(rel), rel, settings);
      }
    });
    rules.add(new ConverterRule(ConverterRule.Config.INSTANCE.withConversion(RelNode.class,
        EnumerableConvention.INSTANCE, BasaltRel.CONVENTION, "EnumerableToBasaltRule")) {
      @Override
      public @Nullable RelNode convert(RelNode rel) {
        if (!ColumnKinds.supportsRow(rel.getRowType())) {
          return null;
        }
        return new EnumerableToBasaltConverter(rel.getCluster(),
            rel.getTraitSet().replace(BasaltRel.CONVENTION), rel);
      }
    });
    return rules;
  }

  /** How much larger the build side may be before the hash join builds on the other input. */
  private static final double SWAP_RATIO = 1.5;

  /**
   * Whether the right input (the build side) is expected to be much larger than the left. The
   * heuristic join order puts the smaller input on the right, but filters and joins below can
   * invert that (TPC-H Q3 joins a filtered lineitem to the orders of one market segment).
   * Semi and anti joins choose their build side at run time.
   */
  private static boolean buildsOnLargerSide(LogicalJoin join) {
    JoinRelType type = join.getJoinType();
    if (type != JoinRelType.INNER && type != JoinRelType.LEFT && type != JoinRelType.RIGHT) {
      return false;
    }
    return BuildSideEstimate.rows(join.getRight())
        > SWAP_RATIO * BuildSideEstimate.rows(join.getLeft());
  }

  /** The join with its inputs swapped, under a projection restoring the field order. */
  private static @Nullable RelNode swappedJoin(LogicalJoin join) {
    RexNode condition = JoinCommuteRule.swapJoinCond(join.getCondition(), join,
        join.getCluster().getRexBuilder());
    LogicalJoin logical = join.copy(join.getTraitSet(), condition, join.getRight(),
        join.getLeft(), join.getJoinType().swap(), join.isSemiJoinDone());
    if (!BasaltHashJoin.supports(logical)) {
      return null;
    }
    BasaltHashJoin swapped = new BasaltHashJoin(join.getCluster(), basaltTraits(join),
        basalt(join.getRight()), basalt(join.getLeft()), condition, join.getJoinType().swap());
    List<RexNode> fields = RelOptUtil.createSwappedJoinExprs(swapped, join, true);
    return new BasaltProject(join.getCluster(), basaltTraits(join), swapped, fields,
        join.getRowType());
  }

  private interface Conversion {
    @Nullable RelNode convert(RelNode rel);
  }

  private static ConverterRule rule(Class<? extends RelNode> type, String name,
      Conversion conversion) {
    return new ConverterRule(ConverterRule.Config.INSTANCE.withConversion(type, Convention.NONE,
        BasaltRel.CONVENTION, name)) {
      @Override
      public @Nullable RelNode convert(RelNode rel) {
        return conversion.convert(rel);
      }
    };
  }

  private static org.apache.calcite.plan.RelTraitSet basaltTraits(RelNode rel) {
    return rel.getTraitSet().replace(BasaltRel.CONVENTION);
  }

  private static RelNode basalt(RelNode input) {
    return convert(input, input.getTraitSet().replace(BasaltRel.CONVENTION));
  }

  private static RelNode convert(RelNode rel, org.apache.calcite.plan.RelTraitSet traits) {
    return RelOptRule.convert(rel, traits);
  }

}
