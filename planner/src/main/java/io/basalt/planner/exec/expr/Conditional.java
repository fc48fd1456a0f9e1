package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import io.basalt.planner.exec.QueryContext;
import java.math.BigDecimal;
import java.util.List;

/**
 * CASE and COALESCE: each branch is evaluated only on the rows that take it, so a branch's
 * errors (division by zero, overflow) arise only where Calcite would raise them too.
 */
final class Conditional {
  private Conditional() {}

  /** CASE WHEN c1 THEN v1 ... ELSE e END; operands as Calcite lists them. */
  record Case(List<VectorExpression> operands, ColumnKind kind, int scale)
      implements VectorExpression {
    Case {
      operands = List.copyOf(operands);
    }

    @Override
    public Column evaluate(Batch input, QueryContext context) {
      int size = input.size();
      Builder builder = new Builder(kind, scale, size);
      int[] remaining = identity(size);
      int remainingCount = size;
      int[] taken = new int[size];
      int[] next = new int[size];
      for (int w = 0; w + 1 < operands.size() && remainingCount > 0; w += 2) {
        Column condition = Columns.evaluateAt(operands.get(w), input, context, remaining,
            remainingCount);
        int takenCount = 0;
        int nextCount = 0;
        for (int k = 0; k < remainingCount; k++) {
          if (!condition.isNull(k) && condition.longs[k] != 0) {
            taken[takenCount++] = remaining[k];
          } else {
            next[nextCount++] = remaining[k];
          }
        }
        if (takenCount > 0) {
          builder.put(Columns.evaluateAt(operands.get(w + 1), input, context, taken, takenCount),
              taken, takenCount);
        }
        int[] swap = remaining;
        remaining = next;
        next = swap;
        remainingCount = nextCount;
      }
      if (remainingCount > 0) {
        builder.put(Columns.evaluateAt(operands.get(operands.size() - 1), input, context,
            remaining, remainingCount), remaining, remainingCount);
      }
      return builder.build();
    }
  }

  /** COALESCE(a, b, ...): the first operand that is not NULL. */
  record Coalesce(List<VectorExpression> operands, ColumnKind kind, int scale)
      implements VectorExpression {
    Coalesce {
      operands = List.copyOf(operands);
    }

    @Override
    public Column evaluate(Batch input, QueryContext context) {
      int size = input.size();
      Builder builder = new Builder(kind, scale, size);
      int[] remaining = identity(size);
      int remainingCount = size;
      for (VectorExpression operand : operands) {
        if (remainingCount == 0) {
          break;
        }
        Column column = Columns.evaluateAt(operand, input, context, remaining, remainingCount);
        builder.put(column, remaining, remainingCount);
        int nextCount = 0;
        for (int k = 0; k < remainingCount; k++) {
          if (column.isNull(k)) {
            remaining[nextCount++] = remaining[k];
          }
        }
        remainingCount = nextCount;
      }
      return builder.build();
    }
  }

  static int[] identity(int size) {
    int[] positions = new int[size];
    for (int i = 0; i < size; i++) {
      positions[i] = i;
    }
    return positions;
  }

  /** Assembles a column from parts computed for scattered rows; unset rows are NULL. */
  static final class Builder {
    private final ColumnKind kind;
    private final int scale;
    private final int size;
    private final boolean[] nulls;
    private final long[] longs;
    private final double[] doubles;
    private Object[] objects;

    Builder(ColumnKind kind, int scale, int size) {
      this.kind = kind;
      this.scale = scale;
      this.size = size;
      this.nulls = new boolean[size];
      java.util.Arrays.fill(nulls, true);
      this.longs = kind == ColumnKind.LONG || kind == ColumnKind.DECIMAL ? new long[size] : null;
      this.doubles = kind == ColumnKind.DOUBLE ? new double[size] : null;
      this.objects = kind == ColumnKind.STRING ? new Object[size] : null;
    }

    /** Writes value k of {@code column} to row positions[k]. */
    void put(Column column, int[] positions, int count) {
      if (kind == ColumnKind.DECIMAL && column.objects != null && objects == null) {
        objects = new Object[size];
      }
      for (int k = 0; k < count; k++) {
        int row = positions[k];
        if (column.isNull(k)) {
          continue;
        }
        nulls[row] = false;
        switch (kind) {
          case LONG -> longs[row] = column.longs[k];
          case DOUBLE -> doubles[row] = column.doubles[k];
          case STRING -> objects[row] = column.objects[k];
          case DECIMAL -> {
            if (column.objects != null) {
              objects[row] = column.objects[k];
            } else {
              longs[row] = column.longs[k];
            }
          }
        }
      }
    }

    Column build() {
      boolean anyNull = false;
      for (int i = 0; i < size && !anyNull; i++) {
        anyNull = nulls[i];
      }
      boolean[] resultNulls = anyNull ? nulls : null;
      return switch (kind) {
        case LONG -> Column.ofLongs(size, longs, resultNulls);
        case DOUBLE -> Column.ofDoubles(size, doubles, resultNulls);
        case STRING -> Column.ofStrings(size, objects, resultNulls);
        case DECIMAL -> {
          if (objects == null) {
            yield Column.ofDecimals(size, scale, longs, resultNulls);
          }
          for (int i = 0; i < size; i++) {
            if (!nulls[i] && objects[i] == null) {
              objects[i] = BigDecimal.valueOf(longs[i], scale);
            }
          }
          yield Column.ofBigDecimals(size, scale, objects, resultNulls);
        }
      };
    }
  }
}
