package io.basalt.planner.exec.join;

import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.expr.VectorExpression;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.checkerframework.checker.nullness.qual.Nullable;

/** STUB until the join lands. */
public final class HashJoinNode {
  private HashJoinNode() {}

  public static @Nullable PlanNode create(PlanNode left, PlanNode right, RelDataType leftRowType,
      RelDataType rightRowType, int[] leftKeys, int[] rightKeys, JoinRelType joinType,
      @Nullable VectorExpression residual, RelDataType outputRowType) {
    return null;
  }
}
