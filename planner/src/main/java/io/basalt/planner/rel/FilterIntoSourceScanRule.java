package io.basalt.planner.rel;

import io.basalt.planner.rel.pushdown.SourceScanToRemoteRule;
import io.basalt.planner.source.PredicateSupport;
import io.basalt.planner.source.TableSource;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;

/**
 * Pushes the conjuncts of a filter that a table source can use into its scan. A conjunct the
 * source evaluates exactly leaves the filter; one it only prunes with (partitions, row groups)
 * is pushed and also kept above.
 *
 * <pre>
 * Filter(a = 1 AND b &gt; 2 AND f(c))          Filter(b &gt; 2 AND f(c))
 *   SourceTableScan(t)           =&gt;         SourceTableScan(t, filters=[a = 1, b &gt; 2])
 * </pre>
 * (here the source evaluates {@code a = 1} exactly and prunes with {@code b > 2}).
 */
public final class FilterIntoSourceScanRule extends RelRule<RuleConfig> {
  /** The rule instance. */
  public static final FilterIntoSourceScanRule INSTANCE = (FilterIntoSourceScanRule)
      RuleConfig.of("FilterIntoSourceScanRule",
          b0 -> b0.operand(Filter.class).oneInput(
              b1 -> b1.operand(SourceTableScan.class).noInputs()),
          FilterIntoSourceScanRule::new).toRule();

  private FilterIntoSourceScanRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    SourceTableScan scan = call.rel(1);
    if (scan.limit.isPresent()) {
      return; // The limit was taken of the rows before this filter.
    }
    if (SourceScanToRemoteRule.takesOver(call.getPlanner(), scan, filter.getCondition())) {
      return; // The source runs the whole filter in its own SQL.
    }
    TableSource source = scan.source;
    RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
    List<RexNode> pushed = new ArrayList<>(scan.filters);
    List<RexNode> remaining = new ArrayList<>();
    boolean changed = false;
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      RexNode overTable = toTableColumns(conjunct, scan, rexBuilder);
      PredicateSupport support = PredicateTranslator.translate(overTable, source.columns())
          .map(source::support).orElse(PredicateSupport.NONE);
      if (support != PredicateSupport.NONE && !pushed.contains(overTable)) {
        pushed.add(overTable);
        changed = true;
      }
      if (support != PredicateSupport.EXACT) {
        remaining.add(conjunct);
      }
    }
    if (!changed) {
      return;
    }
    RelBuilder builder = call.builder();
    builder.push(scan.withFilters(pushed));
    if (!remaining.isEmpty()) {
      builder.filter(RexUtil.composeConjunction(rexBuilder, remaining));
    }
    call.transformTo(builder.build());
  }

  /** Rewrites references to scan output positions into references to table columns. */
  private static RexNode toTableColumns(RexNode node, SourceTableScan scan, RexBuilder rexBuilder) {
    var fields = scan.getTable().getRowType().getFieldList();
    return node.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        int column = scan.columns.get(ref.getIndex());
        return rexBuilder.makeInputRef(fields.get(column).getType(), column);
      }
    });
  }
}
