package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.agg.HashAggregateNode;
import io.basalt.planner.exec.join.HashJoinNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.util.ImmutableIntList;

/**
 * Semi-join reduction under an aggregate: when an inner join matches an aggregate's group keys
 * with a smaller input, only the aggregate's input rows whose keys that input has can reach the
 * join's output, so the aggregate reads {@code input SEMI JOIN other} instead of all its input.
 * TPC-H Q17 and Q20 aggregate lineitem per part (and supplier) for a few thousand parts: they
 * then group thousands of rows instead of millions. The other input is computed twice.
 */
final class SemiJoinReduction {
  private SemiJoinReduction() {}

  /**
   * The aggregate {@code side} over its semi-joined input, or {@code compiled} unchanged when the
   * reduction does not apply.
   */
  static PlanNode reduce(RelNode side, ImmutableIntList sideKeys, RelNode other,
      ImmutableIntList otherKeys, PlanCompiler compiler, PlanNode compiled) {
    RelNode rel = Resolved.rel(side);
    if (!(rel instanceof BasaltAggregate aggregate)
        || aggregate.getGroupType() != Aggregate.Group.SIMPLE
        || aggregate.getGroupCount() == 0) {
      return compiled;
    }
    int[] inputKeys = new int[sideKeys.size()];
    for (int i = 0; i < inputKeys.length; i++) {
      if (sideKeys.get(i) >= aggregate.getGroupCount()) {
        return compiled;
      }
      inputKeys[i] = aggregate.getGroupSet().nth(sideKeys.get(i));
    }
    RelNode input = aggregate.getInput();
    if (BuildSideEstimate.rows(other) >= BuildSideEstimate.rows(input)) {
      return compiled;
    }
    PlanNode semi = HashJoinNode.create(compiler.compile(input), compiler.compile(other),
        input.getRowType(), other.getRowType(), inputKeys, otherKeys.toIntArray(),
        JoinRelType.SEMI, null, input.getRowType());
    if (semi == null) {
      return compiled;
    }
    PlanNode reduced = HashAggregateNode.create(semi, input.getRowType(),
        aggregate.getGroupSet(), aggregate.getAggCallList(), aggregate.getRowType());
    return reduced == null ? compiled : reduced;
  }
}
