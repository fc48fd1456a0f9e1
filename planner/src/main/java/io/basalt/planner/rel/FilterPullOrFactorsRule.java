package io.basalt.planner.rel;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Pulls conditions common to every branch of an OR out in front of it, so that a join condition
 * repeated in each branch (TPC-H Q19) becomes an equi-join instead of a cross product.
 *
 * <pre>
 * Filter((a = b AND x) OR (a = b AND y))   =&gt;   Filter(a = b AND (x OR y))
 * </pre>
 */
public final class FilterPullOrFactorsRule
    extends org.apache.calcite.plan.RelRule<RuleConfig> {
  /** The rule instance. */
  public static final FilterPullOrFactorsRule INSTANCE = (FilterPullOrFactorsRule)
      RuleConfig.of("FilterPullOrFactorsRule",
          b0 -> b0.operand(Filter.class).predicate(FilterPullOrFactorsRule::hasOr).anyInputs(),
          FilterPullOrFactorsRule::new).toRule();

  private FilterPullOrFactorsRule(RuleConfig config) {
    super(config);
  }

  private static boolean hasOr(Filter filter) {
    return RexUtil.findOperatorCall(org.apache.calcite.sql.fun.SqlStdOperatorTable.OR,
        filter.getCondition()) != null;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    RexNode condition = filter.getCondition();
    RexNode pulled = RexUtil.pullFactors(filter.getCluster().getRexBuilder(), condition);
    if (pulled.equals(condition)) {
      return;
    }
    call.transformTo(filter.copy(filter.getTraitSet(), filter.getInput(), pulled));
  }
}
