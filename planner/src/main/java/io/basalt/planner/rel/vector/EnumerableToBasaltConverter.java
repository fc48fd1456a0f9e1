package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.PlanNode;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterImpl;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Where the engine takes rows from a subtree Calcite's Enumerable engine runs (an operator
 * Basalt's engine does not support): EXPLAIN shows it between the two. The generated code
 * builds the subtree's Enumerable and the engine reads it as batches.
 */
final class EnumerableToBasaltConverter extends ConverterImpl implements BasaltRel {
  /** Volcano compares row counts only: crossing engines must cost less than the gain. */
  private static final double COST_PER_ROW = 0.01;

  EnumerableToBasaltConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    super(cluster, null, traits, input);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new EnumerableToBasaltConverter(getCluster(), traitSet, sole(inputs));
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = mq.getRowCount(getInput());
    return planner.getCostFactory().makeCost(rows * COST_PER_ROW, rows * COST_PER_ROW, 0);
  }

  @Override
  public PlanNode compile(PlanCompiler compiler) {
    return compiler.fallback(this);
  }
}
