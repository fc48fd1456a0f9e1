package io.basalt.planner.rel;

import io.basalt.planner.rel.pushdown.SourceScanToRemoteRule;
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
 * Narrows a source scan to the columns a projection uses, so the source reads no others.
 *
 * <pre>
 * Project(a + 1, c)                   Project($0 + 1, $1)
 *   SourceTableScan(t[a,b,c,d])  =&gt;     SourceTableScan(t, columns=[a, c])
 * </pre>
 */
public final class ProjectIntoSourceScanRule extends RelRule<RuleConfig> {
  /** The rule instance. */
  public static final ProjectIntoSourceScanRule INSTANCE = (ProjectIntoSourceScanRule)
      RuleConfig.of("ProjectIntoSourceScanRule",
          b0 -> b0.operand(Project.class).oneInput(
              b1 -> b1.operand(SourceTableScan.class).noInputs()),
          ProjectIntoSourceScanRule::new).toRule();

  private ProjectIntoSourceScanRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Project project = call.rel(0);
    SourceTableScan scan = call.rel(1);
    if (SourceScanToRemoteRule.takesOver(call.getPlanner(), scan, null)) {
      return; // The source's own SQL reads only the columns used.
    }
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
    SourceTableScan narrowed = scan.withColumns(ImmutableIntList.copyOf(columns));
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
