package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.FilterNode;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.expr.ExpressionCompiler;
import io.basalt.planner.exec.expr.VectorFilter;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;

/** A filter in the engine, its condition compiled to vector kernels. */
final class BasaltFilter extends Filter implements BasaltRel {
  BasaltFilter(RelOptCluster cluster, RelTraitSet traits, RelNode input, RexNode condition) {
    super(cluster, traits, input, condition);
  }

  static boolean supports(RexNode condition, RelNode input) {
    return ExpressionCompiler.compileFilter(condition, input.getRowType()) != null;
  }

  @Override
  public Filter copy(RelTraitSet traitSet, RelNode input, RexNode condition) {
    return new BasaltFilter(getCluster(), traitSet, input, condition);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(COST_FACTOR);
  }

  @Override
  public PlanNode compile(PlanCompiler compiler) {
    VectorFilter filter = ExpressionCompiler.compileFilter(condition, getInput().getRowType());
    return new FilterNode(compiler.compile(getInput()), filter);
  }
}
