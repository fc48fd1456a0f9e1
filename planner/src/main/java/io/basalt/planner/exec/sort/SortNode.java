package io.basalt.planner.exec.sort;

import io.basalt.planner.exec.PlanNode;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.type.RelDataType;
import org.checkerframework.checker.nullness.qual.Nullable;

/** STUB until the sort lands. */
public final class SortNode {
  private SortNode() {}

  public static @Nullable PlanNode create(PlanNode input, RelDataType rowType,
      RelCollation collation, long offset, long fetch) {
    return null;
  }
}
