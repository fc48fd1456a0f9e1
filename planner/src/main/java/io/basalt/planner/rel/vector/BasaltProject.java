package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.ColumnKinds;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.ProjectNode;
import io.basalt.planner.exec.expr.ExpressionCompiler;
import io.basalt.planner.exec.expr.VectorExpression;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/** A projection in the engine: field references pass columns through, others are compiled. */
final class BasaltProject extends Project implements BasaltRel {
  BasaltProject(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<RexNode> projects,
      RelDataType rowType) {
    super(cluster, traits, List.of(), input, projects, rowType, java.util.Set.of());
  }

  static boolean supports(List<RexNode> projects, RelNode input, RelDataType rowType) {
    if (!ColumnKinds.supportsRow(rowType)) {
      return false;
    }
    for (RexNode project : projects) {
      if (!(project instanceof RexInputRef)
          && ExpressionCompiler.compile(project, input.getRowType()) == null) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Project copy(RelTraitSet traitSet, RelNode input, List<RexNode> projects,
      RelDataType rowType) {
    return new BasaltProject(getCluster(), traitSet, input, projects, rowType);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(COST_FACTOR);
  }

  @Override
  public PlanNode compile(PlanCompiler compiler) {
    List<VectorExpression> expressions = new ArrayList<>();
    int[] passThrough = new int[exps.size()];
    for (int i = 0; i < exps.size(); i++) {
      RexNode project = exps.get(i);
      if (project instanceof RexInputRef ref) {
        passThrough[i] = ref.getIndex();
        expressions.add(null);
      } else {
        passThrough[i] = -1;
        expressions.add(ExpressionCompiler.compile(project, getInput().getRowType()));
      }
    }
    return new ProjectNode(compiler.compile(getInput()), expressions, passThrough);
  }
}
