package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.QueryContext;
import java.util.List;

/** SQL's three-valued logic: AND, OR, NOT, and the IS tests that never return NULL. */
final class Logic {
  private Logic() {}

  /**
   * AND (or OR) of operands; an operand is evaluated only on rows the earlier ones left
   * undecided, so a guard like {@code x <> 0 AND y / x > 1} never divides by zero.
   */
  record Junction(List<VectorExpression> operands, boolean and) implements VectorExpression {
    Junction {
      operands = List.copyOf(operands);
    }

    @Override
    public Column evaluate(Batch input, QueryContext context) {
      int size = input.size();
      // Decided rows hold the dominant value (FALSE for AND, TRUE for OR).
      long dominant = and ? 0 : 1;
      long[] values = new long[size];
      java.util.Arrays.fill(values, 1 - dominant);
      boolean[] nulls = null;
      boolean[] decided = new boolean[size];
      int[] positions = new int[size];
      for (VectorExpression operand : operands) {
        int count = 0;
        for (int i = 0; i < size; i++) {
          if (!decided[i]) {
            positions[count++] = i;
          }
        }
        if (count == 0) {
          break;
        }
        Column column = Columns.evaluateAt(operand, input, context, positions, count);
        for (int k = 0; k < count; k++) {
          int row = positions[k];
          if (column.isNull(k)) {
            if (nulls == null) {
              nulls = new boolean[size];
            }
            nulls[row] = true;
          } else if (column.longs[k] == dominant) {
            decided[row] = true;
            values[row] = dominant;
            if (nulls != null) {
              nulls[row] = false;
            }
          }
        }
      }
      return Column.ofLongs(size, values, nulls);
    }
  }

  /** NOT: NULL stays NULL. */
  record Not(VectorExpression operand) implements VectorExpression {
    @Override
    public Column evaluate(Batch input, QueryContext context) {
      Column a = operand.evaluate(input, context);
      long[] result = new long[a.size];
      for (int i = 0; i < a.size; i++) {
        result[i] = 1 - a.longs[i];
      }
      return Column.ofLongs(a.size, result, a.nulls);
    }
  }

  /** The IS tests, which never return NULL. */
  enum Test { IS_NULL, IS_NOT_NULL, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE }

  /** IS [NOT] NULL / TRUE / FALSE of one operand. */
  record Is(VectorExpression operand, Test test) implements VectorExpression {
    @Override
    public Column evaluate(Batch input, QueryContext context) {
      Column a = operand.evaluate(input, context);
      int size = a.size;
      long[] result = new long[size];
      for (int i = 0; i < size; i++) {
        boolean isNull = a.isNull(i);
        boolean value = switch (test) {
          case IS_NULL -> isNull;
          case IS_NOT_NULL -> !isNull;
          case IS_TRUE -> !isNull && a.longs[i] != 0;
          case IS_NOT_TRUE -> isNull || a.longs[i] == 0;
          case IS_FALSE -> !isNull && a.longs[i] == 0;
          case IS_NOT_FALSE -> isNull || a.longs[i] != 0;
        };
        result[i] = value ? 1 : 0;
      }
      return Column.ofLongs(size, result, null);
    }
  }

  /** IS [NOT] DISTINCT FROM: NULLs equal each other and differ from every value. */
  record Distinct(VectorExpression left, VectorExpression right, boolean distinct)
      implements VectorExpression {
    @Override
    public Column evaluate(Batch input, QueryContext context) {
      Column a = left.evaluate(input, context);
      Column b = right.evaluate(input, context);
      int size = input.size();
      long[] result = new long[size];
      for (int i = 0; i < size; i++) {
        boolean nullA = a.isNull(i);
        boolean nullB = b.isNull(i);
        boolean same = nullA || nullB ? nullA == nullB : Comparison.compare(a, i, b, i) == 0;
        result[i] = same != distinct ? 1 : 0;
      }
      return Column.ofLongs(size, result, null);
    }
  }
}
