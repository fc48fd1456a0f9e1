package io.basalt.planner.rel.pushdown;

import io.basalt.planner.rel.RuleConfig;
import io.basalt.planner.rel.SourceTableScan;
import io.basalt.planner.source.SqlPushdown;
import java.util.Optional;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rex.RexNode;

/**
 * Starts remote planning: the plain scan of a table of a SQL source becomes, in the same set, a
 * scan inside that source's {@link RemoteConvention}, on which the convention's JDBC rules build
 * remote filters, projections, aggregates, sorts and joins.
 *
 * <pre>
 * SourceTableScan(pg.customers)   =&gt;   RemoteTableScan(pg.customers)   [JDBC.pg#0]
 * </pre>
 *
 * <p>Only in a planning with {@link RemoteConventions} (Basalt's engine on), only for a source
 * that offers {@link SqlPushdown}, and only for the plain scan: a scan that already took filters,
 * columns or a limit through the table-source seam is an alternative to the remote plan.
 */
public final class SourceScanToRemoteRule extends RelRule<RuleConfig> {
  /** The rule instance. */
  public static final SourceScanToRemoteRule INSTANCE = (SourceScanToRemoteRule)
      RuleConfig.of("SourceScanToRemoteRule",
          b0 -> b0.operand(SourceTableScan.class).trait(Convention.NONE).noInputs(),
          SourceScanToRemoteRule::new).toRule();

  private SourceScanToRemoteRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    SourceTableScan scan = call.rel(0);
    Optional<RemoteConventions> conventions = RemoteConventions.of(call.getPlanner());
    Optional<SqlPushdown> pushdown = scan.source().sqlPushdown();
    if (conventions.isEmpty() || pushdown.isEmpty() || !scan.isPlain()) {
      return;
    }
    RemoteConvention convention = conventions.get().convention(pushdown.get().source());
    call.transformTo(new RemoteTableScan(scan, scan.getTraitSet().replace(convention),
        pushdown.get().remoteName()));
  }

  /**
   * Whether remote planning takes over the work above {@code scan}, so the table-source seam's
   * own pushdown rules leave the plain scan alone: a projection or a limit always, a filter when
   * the source evaluates all of it ({@code condition} over the scan's columns; null for none).
   * A filter the source can run only part of still goes through the seam, which splits it.
   */
  public static boolean takesOver(RelOptPlanner planner, SourceTableScan scan,
      RexNode condition) {
    Optional<SqlPushdown> pushdown = scan.source().sqlPushdown();
    if (RemoteConventions.of(planner).isEmpty() || pushdown.isEmpty() || !scan.isPlain()) {
      return false;
    }
    return condition == null || RemoteExpressions.of(pushdown.get().source()).value(condition);
  }
}
