package io.basalt.planner.exec.expr;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/** STUB until the expression compiler lands. */
public final class ExpressionCompiler {
  private ExpressionCompiler() {}

  public static @Nullable VectorExpression compile(RexNode node, RelDataType inputRowType) {
    return null;
  }

  public static @Nullable VectorFilter compileFilter(RexNode condition, RelDataType inputRowType) {
    return null;
  }
}
