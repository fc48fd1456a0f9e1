package io.basalt.planner.rel;

import io.basalt.planner.rel.pushdown.SourceScanToRemoteRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Tells a source that can stop early (a federated database, see
 * {@link io.basalt.planner.source.TableSource#supportsLimit}) how many rows a LIMIT right above
 * its scan takes, so it sends no more; the LIMIT stays, and the engine still applies it.
 *
 * <pre>
 * Sort(fetch=10)                       Sort(fetch=10)
 *   SourceTableScan(t)        =&gt;         SourceTableScan(t, limit=10)
 * </pre>
 *
 * <p>Only a LIMIT without ORDER BY, with literal counts, right on a scan whose pushed filters
 * the source applies exactly (the only ones a scan holds with no Filter left above it).
 */
public final class LimitIntoSourceScanRule extends RelRule<RuleConfig> {
  /** The rule instance. */
  public static final LimitIntoSourceScanRule INSTANCE = (LimitIntoSourceScanRule)
      RuleConfig.of("LimitIntoSourceScanRule",
          b0 -> b0.operand(Sort.class).oneInput(
              b1 -> b1.operand(SourceTableScan.class).noInputs()),
          LimitIntoSourceScanRule::new).toRule();

  private LimitIntoSourceScanRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Sort sort = call.rel(0);
    SourceTableScan scan = call.rel(1);
    if (SourceScanToRemoteRule.takesOver(call.getPlanner(), scan, null)) {
      return; // The source's own SQL has the LIMIT.
    }
    if (!scan.source.supportsLimit() || scan.limit.isPresent() || sort.fetch == null
        || !sort.getCollation().getFieldCollations().isEmpty()) {
      return;
    }
    long rows = count(sort.fetch);
    long skipped = sort.offset == null ? 0 : count(sort.offset);
    if (rows < 0 || skipped < 0) {
      return;
    }
    call.transformTo(sort.copy(sort.getTraitSet(), scan.withLimit(rows + skipped),
        sort.getCollation(), sort.offset, sort.fetch));
  }

  /** A literal row count, or -1 for anything else (a statement parameter). */
  private static long count(RexNode node) {
    if (node instanceof RexLiteral literal) {
      Number value = literal.getValueAs(Long.class);
      return value == null ? -1 : Math.min(value.longValue(), Long.MAX_VALUE / 2);
    }
    return -1;
  }
}
