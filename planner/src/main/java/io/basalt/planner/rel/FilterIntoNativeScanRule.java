package io.basalt.planner.rel;

import io.basalt.storage.TableDefinition;
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
 * Moves the conjuncts of a filter that the store can evaluate exactly into the native scan.
 *
 * <pre>
 * Filter(a = 1 AND f(b))            Filter(f(b))
 *   NativeTableScan(t)       =&gt;       NativeTableScan(t, filters=[a = 1])
 * </pre>
 */
public final class FilterIntoNativeScanRule extends RelRule<NativeRuleConfig> {
  /** The rule instance. */
  public static final FilterIntoNativeScanRule INSTANCE = (FilterIntoNativeScanRule)
      NativeRuleConfig.of("FilterIntoNativeScanRule",
          b0 -> b0.operand(Filter.class).oneInput(
              b1 -> b1.operand(NativeTableScan.class).noInputs()),
          FilterIntoNativeScanRule::new).toRule();

  private FilterIntoNativeScanRule(NativeRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    NativeTableScan scan = call.rel(1);
    TableDefinition table = scan.nativeTable.definition();
    RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
    List<RexNode> pushed = new ArrayList<>(scan.filters);
    List<RexNode> remaining = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      RexNode overTable = toTableColumns(conjunct, scan, rexBuilder);
      if (PredicateTranslator.translate(overTable, table).isPresent()) {
        pushed.add(overTable);
      } else {
        remaining.add(conjunct);
      }
    }
    if (pushed.size() == scan.filters.size()) {
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
  private static RexNode toTableColumns(RexNode node, NativeTableScan scan, RexBuilder rexBuilder) {
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
