package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.BatchesNode;
import io.basalt.planner.exec.LocalAggregateNode;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.agg.HashAggregateNode;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A hash aggregation in the engine: partial per slice, then final after a hash exchange. */
final class BasaltAggregate extends Aggregate implements BasaltRel {
  BasaltAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      ImmutableBitSet groupSet, @Nullable List<ImmutableBitSet> groupSets,
      List<AggregateCall> calls) {
    super(cluster, traits, List.of(), input, groupSet, groupSets, calls);
  }

  static boolean supports(Aggregate aggregate) {
    return aggregate.getGroupType() == Group.SIMPLE
        && HashAggregateNode.create(new BatchesNode(List.of(), false),
            aggregate.getInput().getRowType(), aggregate.getGroupSet(),
            aggregate.getAggCallList(), aggregate.getRowType()) != null;
  }

  @Override
  public Aggregate copy(RelTraitSet traitSet, RelNode input, ImmutableBitSet groupSet,
      @Nullable List<ImmutableBitSet> groupSets, List<AggregateCall> calls) {
    return new BasaltAggregate(getCluster(), traitSet, input, groupSet, groupSets, calls);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(COST_FACTOR);
  }

  @Override
  public PlanNode compile(PlanCompiler compiler) {
    PlanNode input = compiler.compile(getInput());
    PlanNode regular = over(input);
    for (int key : groupSet) {
      BasaltTableScan scan = SliceAlignment.scanDistributedOn(getInput(), key);
      if (scan != null && compiler.scanNode(scan) != null) {
        return new LocalAggregateNode(input, compiler.scanNode(scan), regular, this::over);
      }
    }
    return regular;
  }

  private PlanNode over(PlanNode input) {
    return HashAggregateNode.create(input, getInput().getRowType(), groupSet, aggCalls,
        getRowType());
  }
}
