package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.PlanNode;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/** STUB until the aggregation lands. */
public final class HashAggregateNode {
  private HashAggregateNode() {}

  public static @Nullable PlanNode create(PlanNode input, RelDataType inputRowType,
      ImmutableBitSet groupSet, List<AggregateCall> calls, RelDataType outputRowType) {
    return null;
  }
}
