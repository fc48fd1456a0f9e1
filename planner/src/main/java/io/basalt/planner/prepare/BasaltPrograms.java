package io.basalt.planner.prepare;

import io.basalt.planner.rel.ExistsToSemiJoinRule;
import io.basalt.planner.rel.FilterPullOrFactorsRule;
import io.basalt.planner.rel.ScanMetadata;
import io.basalt.planner.rel.OrPredicateDerivation;
import io.basalt.planner.rel.SnapshotFolding;
import io.basalt.planner.rel.pushdown.RemoteConventions;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.JoinPushThroughJoinRule;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql2rel.ConvertToChecked;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.tools.RelBuilder;

/**
 * Basalt's optimization phases, declared once: time travel folded into the scans, checked
 * arithmetic, [NOT] EXISTS as semi and anti joins, then Calcite's standard sequence (sub-queries,
 * decorrelation, field trimming, cost-based planning, calc merging) with two additions before
 * the cost-based pass: common factors are pulled out of ORs and pushed into joins, and joins are
 * ordered heuristically by estimated size. Without the latter, a comma join is planned in the
 * order the FROM clause lists it, which for TPC-H means cross products.
 */
final class BasaltPrograms {
  /** Joins are reordered as soon as a query has two of them. */
  private static final int MIN_JOINS_TO_REORDER = 2;

  private BasaltPrograms() {}

  static Program standard() {
    RelMetadataProvider metadata = ScanMetadata.PROVIDER;
    return Programs.sequence(
        (planner, rel, traits, materializations, lattices) -> SnapshotFolding.fold(rel),
        BasaltPrograms::checkOverflow,
        Programs.of(new HepProgramBuilder()
            .addRuleInstance(ExistsToSemiJoinRule.INSTANCE).build(), true, metadata),
        Programs.subQuery(metadata),
        BasaltPrograms::decorrelate,
        BasaltPrograms::trimFields,
        Programs.of(pushConditions(), true, metadata),
        (planner, rel, traits, materializations, lattices) -> OrPredicateDerivation.derive(rel),
        Programs.of(pushConditions(), true, metadata),
        BasaltPrograms::orderJoins,
        Programs.calc(metadata));
  }

  /**
   * As Calcite's heuristic join order, but with Basalt's statistics: Calcite's version resets the
   * cluster to the default metadata provider, which knows no distinct-value counts.
   */
  private static RelNode orderJoins(RelOptPlanner planner, RelNode rel, RelTraitSet traits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    RemoteConventions.registerRules(planner, rel);
    if (RelOptUtil.countJoins(rel) < MIN_JOINS_TO_REORDER) {
      return Programs.ofRules(planner.getRules())
          .run(planner, rel, traits, materializations, lattices);
    }
    HepProgram toMultiJoin = new HepProgramBuilder()
        .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
        .addMatchOrder(HepMatchOrder.BOTTOM_UP)
        .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
        .build();
    RelNode multiJoin = Programs.of(toMultiJoin, false, ScanMetadata.PROVIDER)
        .run(planner, rel, traits, materializations, lattices);
    List<RelOptRule> rules = new ArrayList<>(planner.getRules());
    rules.removeAll(List.of(CoreRules.JOIN_COMMUTE, CoreRules.JOIN_ASSOCIATE,
        JoinPushThroughJoinRule.LEFT, JoinPushThroughJoinRule.RIGHT));
    rules.add(CoreRules.MULTI_JOIN_OPTIMIZE);
    return Programs.ofRules(rules).run(planner, multiJoin, traits, materializations, lattices);
  }

  private static HepProgram pushConditions() {
    return new HepProgramBuilder()
        .addMatchOrder(HepMatchOrder.BOTTOM_UP)
        .addRuleInstance(CoreRules.FILTER_REDUCE_EXPRESSIONS)
        .addRuleInstance(FilterPullOrFactorsRule.INSTANCE)
        .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
        .addRuleInstance(CoreRules.JOIN_CONDITION_PUSH)
        .build();
  }

  /**
   * Integer arithmetic that overflows is an error in Redshift (as in PostgreSQL), not a silent
   * wrap-around; Calcite checks it only for conformances that say so, which Babel does not.
   */
  private static RelNode checkOverflow(RelOptPlanner planner, RelNode rel, RelTraitSet traits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    return new ConvertToChecked(rel.getCluster().getRexBuilder(), true).visit(rel);
  }

  private static RelNode decorrelate(
      RelOptPlanner planner, RelNode rel,
      RelTraitSet traits, List<RelOptMaterialization> materializations,
      List<RelOptLattice> lattices) {
    CalciteConnectionConfig config = planner.getContext()
        .maybeUnwrap(CalciteConnectionConfig.class).orElse(CalciteConnectionConfig.DEFAULT);
    if (!config.forceDecorrelate()) {
      return rel;
    }
    RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
    return RelDecorrelator.decorrelateQuery(rel, builder);
  }

  private static RelNode trimFields(
      RelOptPlanner planner, RelNode rel,
      RelTraitSet traits, List<RelOptMaterialization> materializations,
      List<RelOptLattice> lattices) {
    RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
    return new RelFieldTrimmer(null, builder).trim(rel);
  }
}
