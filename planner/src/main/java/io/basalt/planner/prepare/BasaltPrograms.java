package io.basalt.planner.prepare;

import io.basalt.planner.rel.FilterPullOrFactorsRule;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.tools.RelBuilder;

/**
 * Basalt's optimization phases, declared once: Calcite's standard sequence (sub-queries,
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
    RelMetadataProvider metadata = DefaultRelMetadataProvider.INSTANCE;
    return Programs.sequence(
        Programs.subQuery(metadata),
        BasaltPrograms::decorrelate,
        BasaltPrograms::trimFields,
        Programs.of(pushConditions(), true, metadata),
        (planner, rel, traits, materializations, lattices) ->
            Programs.heuristicJoinOrder(planner.getRules(), false, MIN_JOINS_TO_REORDER)
                .run(planner, rel, traits, materializations, lattices),
        Programs.calc(metadata));
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

  private static org.apache.calcite.rel.RelNode decorrelate(
      org.apache.calcite.plan.RelOptPlanner planner, org.apache.calcite.rel.RelNode rel,
      org.apache.calcite.plan.RelTraitSet traits,
      java.util.List<org.apache.calcite.plan.RelOptMaterialization> materializations,
      java.util.List<org.apache.calcite.plan.RelOptLattice> lattices) {
    CalciteConnectionConfig config = planner.getContext()
        .maybeUnwrap(CalciteConnectionConfig.class).orElse(CalciteConnectionConfig.DEFAULT);
    if (!config.forceDecorrelate()) {
      return rel;
    }
    RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
    return RelDecorrelator.decorrelateQuery(rel, builder);
  }

  private static org.apache.calcite.rel.RelNode trimFields(
      org.apache.calcite.plan.RelOptPlanner planner, org.apache.calcite.rel.RelNode rel,
      org.apache.calcite.plan.RelTraitSet traits,
      java.util.List<org.apache.calcite.plan.RelOptMaterialization> materializations,
      java.util.List<org.apache.calcite.plan.RelOptLattice> lattices) {
    RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
    return new RelFieldTrimmer(null, builder).trim(rel);
  }
}
