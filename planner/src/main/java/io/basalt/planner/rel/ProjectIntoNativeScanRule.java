package io.basalt.planner.rel;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.ImmutableIntList;

/**
 * Narrows a native scan to the columns a projection uses, so the store decodes no others.
 *
 * <pre>
 * Project(a + 1, c)                   Project($0 + 1, $1)
 *   NativeTableScan(t[a,b,c,d])  =&gt;     NativeTableScan(t, columns=[a, c])
 * </pre>
 */
public final class ProjectIntoNativeScanRule extends RelRule<NativeRuleConfig> {
  /** The rule instance. */
  public static final ProjectIntoNativeScanRule INSTANCE = (ProjectIntoNativeScanRule)
      NativeRuleConfig.of("ProjectIntoNativeScanRule",
          b0 -> b0.operand(Project.class).oneInput(
              b1 -> b1.operand(NativeTableScan.class).noInputs()),
          ProjectIntoNativeScanRule::new).toRule();

  private ProjectIntoNativeScanRule(NativeRuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Project project = call.rel(0);
    NativeTableScan scan = call.rel(1);
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
    if (used.cardinality() == scan.columns.size()) {
      return;
    }
    List<Integer> columns = new ArrayList<>();
    int[] newPosition = new int[scan.columns.size()];
    for (int position : used) {
      newPosition[position] = columns.size();
      columns.add(scan.columns.get(position));
    }
    NativeTableScan narrowed = scan.withColumns(ImmutableIntList.copyOf(columns));
    List<RexNode> projects = new ArrayList<>();
    for (RexNode expression : project.getProjects()) {
      projects.add(expression.accept(new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return new RexInputRef(newPosition[ref.getIndex()], ref.getType());
        }
      }));
    }
    call.transformTo(call.builder().push(narrowed)
        .project(projects, project.getRowType().getFieldNames(), true)
        .build());
  }
}
