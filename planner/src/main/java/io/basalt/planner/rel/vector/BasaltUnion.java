package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.BatchesNode;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.sort.UnionAllNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/** UNION ALL in the engine (UNION, which removes duplicates, is left to an aggregate). */
final class BasaltUnion extends Union implements BasaltRel {
  BasaltUnion(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs) {
    super(cluster, traits, List.of(), inputs, true);
  }

  static boolean supports(int inputs) {
    List<PlanNode> empty = new ArrayList<>();
    for (int i = 0; i < inputs; i++) {
      empty.add(new BatchesNode(List.of(), false));
    }
    return UnionAllNode.create(empty) != null;
  }

  @Override
  public SetOp copy(RelTraitSet traitSet, List<RelNode> inputs, boolean all) {
    return new BasaltUnion(getCluster(), traitSet, inputs);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(COST_FACTOR);
  }

  @Override
  public PlanNode compile(PlanCompiler compiler) {
    List<PlanNode> nodes = new ArrayList<>();
    for (RelNode input : getInputs()) {
      nodes.add(compiler.compile(input));
    }
    return UnionAllNode.create(nodes);
  }
}
