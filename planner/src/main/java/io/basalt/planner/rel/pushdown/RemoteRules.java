package io.basalt.planner.rel.pushdown;

import io.basalt.planner.exec.ColumnKinds;
import io.basalt.planner.rel.vector.BasaltRel;
import java.util.List;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The rules of one {@link RemoteConvention}: Calcite's JDBC rules for filters, projections,
 * aggregates, sorts and joins, each configured to take only what {@link RemoteExpressions}
 * allows for the convention's source, and the rule that reads a remote subtree's result into
 * Basalt's engine ({@link RemoteQuery}). Calcite's own set also has rules for set operations,
 * VALUES, table modification and its Enumerable converter, which Basalt does not use.
 */
final class RemoteRules {
  private RemoteRules() {}

  static List<RelOptRule> rules(RemoteConvention out) {
    RemoteExpressions expressions = RemoteExpressions.of(out.source());
    return List.of(
        ConverterRule.Config.INSTANCE
            .withConversion(LogicalFilter.class, expressions::filter, Convention.NONE, out,
                "RemoteFilterRule")
            .withRuleFactory(FilterRule::new).toRule(),
        ConverterRule.Config.INSTANCE
            .withConversion(LogicalProject.class, expressions::project, Convention.NONE, out,
                "RemoteProjectRule")
            .withRuleFactory(ProjectRule::new).toRule(),
        ConverterRule.Config.INSTANCE
            .withConversion(LogicalAggregate.class, expressions::aggregate, Convention.NONE,
                out, "RemoteAggregateRule")
            .withRuleFactory(AggregateRule::new).toRule(),
        ConverterRule.Config.INSTANCE
            .withConversion(LogicalSort.class, expressions::sort, Convention.NONE, out,
                "RemoteSortRule")
            .withRuleFactory(SortRule::new).toRule(),
        ConverterRule.Config.INSTANCE
            .withConversion(LogicalJoin.class, expressions::join, Convention.NONE, out,
                "RemoteJoinRule")
            .withRuleFactory(JoinRule::new).toRule(),
        ConverterRule.Config.INSTANCE
            .withConversion(RelNode.class, out, BasaltRel.CONVENTION, "RemoteQueryRule")
            .withRuleFactory(QueryRule::new).toRule());
  }

  /** Calcite's filter rule, for what the source evaluates as Basalt does. */
  private static final class FilterRule extends JdbcRules.JdbcFilterRule {
    FilterRule(Config config) {
      super(config);
    }
  }

  /** Calcite's projection rule, for expressions the source computes as Basalt does. */
  private static final class ProjectRule extends JdbcRules.JdbcProjectRule {
    ProjectRule(Config config) {
      super(config);
    }
  }

  /** Calcite's aggregate rule, for the aggregate functions and keys the source shares. */
  private static final class AggregateRule extends JdbcRules.JdbcAggregateRule {
    AggregateRule(Config config) {
      super(config);
    }
  }

  /** Calcite's sort rule (ORDER BY with LIMIT and OFFSET), for keys sorted as in Basalt. */
  private static final class SortRule extends JdbcRules.JdbcSortRule {
    SortRule(Config config) {
      super(config);
    }
  }

  /** Calcite's join rule: both inputs must be in this convention, i.e. of the same source. */
  private static final class JoinRule extends JdbcRules.JdbcJoinRule {
    JoinRule(Config config) {
      super(config);
    }
  }

  /** Reads the result of a remote subtree into the engine, when the engine holds its row type. */
  private static final class QueryRule extends ConverterRule {
    QueryRule(Config config) {
      super(config);
    }

    @Override
    public @Nullable RelNode convert(RelNode rel) {
      if (!ColumnKinds.supportsRow(rel.getRowType()) || !RemoteQuery.mapsColumns(rel)) {
        return null;
      }
      return new RemoteQuery(rel.getCluster(),
          rel.getTraitSet().replace(BasaltRel.CONVENTION), rel);
    }
  }
}
