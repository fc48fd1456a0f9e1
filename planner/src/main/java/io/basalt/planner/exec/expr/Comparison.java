package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import io.basalt.planner.exec.QueryContext;

/**
 * A comparison (=, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=) of two values of compatible kinds: numbers
 * by value (DECIMALs at any scale and form), strings by {@link String#compareTo} as Calcite does.
 */
final class Comparison implements VectorExpression {
  /** The comparison operators. */
  enum Op {
    EQ, NE, LT, LE, GT, GE;

    boolean test(int comparison) {
      return switch (this) {
        case EQ -> comparison == 0;
        case NE -> comparison != 0;
        case LT -> comparison < 0;
        case LE -> comparison <= 0;
        case GT -> comparison > 0;
        case GE -> comparison >= 0;
      };
    }

    Op flip() {
      return switch (this) {
        case EQ, NE -> this;
        case LT -> GT;
        case LE -> GE;
        case GT -> LT;
        case GE -> LE;
      };
    }
  }

  private final Op op;
  private final VectorExpression left;
  private final VectorExpression right;

  Comparison(Op op, VectorExpression left, VectorExpression right) {
    this.op = op;
    this.left = left;
    this.right = right;
  }

  Op op() {
    return op;
  }

  VectorExpression left() {
    return left;
  }

  VectorExpression right() {
    return right;
  }

  @Override
  public Column evaluate(Batch input, QueryContext context) {
    Column a = left.evaluate(input, context);
    Column b = right.evaluate(input, context);
    int size = input.size();
    long[] result = new long[size];
    if (a.kind == ColumnKind.LONG && b.kind == ColumnKind.LONG) {
      long[] x = a.longs;
      long[] y = b.longs;
      for (int i = 0; i < size; i++) {
        result[i] = op.test(Long.compare(x[i], y[i])) ? 1 : 0;
      }
    } else if (a.kind == ColumnKind.DOUBLE && b.kind == ColumnKind.DOUBLE) {
      double[] x = a.doubles;
      double[] y = b.doubles;
      for (int i = 0; i < size; i++) {
        result[i] = op.test(compareDoubles(x[i], y[i])) ? 1 : 0;
      }
    } else {
      boolean[] nulls = Columns.orNulls(a.nulls, b.nulls, size);
      for (int i = 0; i < size; i++) {
        if (nulls == null || !nulls[i]) {
          result[i] = op.test(compare(a, i, b, i)) ? 1 : 0;
        }
      }
      return Column.ofLongs(size, result, nulls);
    }
    return Column.ofLongs(size, result, Columns.orNulls(a.nulls, b.nulls, size));
  }

  /** Java's primitive comparison of doubles, as Enumerable's generated code uses. */
  static int compareDoubles(double x, double y) {
    return x < y ? -1 : x > y ? 1 : x == y ? 0 : Double.compare(x, y);
  }

  /** Compares two non-null values of compatible kinds. */
  static int compare(Column a, int i, Column b, int j) {
    ColumnKind x = a.kind;
    ColumnKind y = b.kind;
    if (x == ColumnKind.STRING || y == ColumnKind.STRING) {
      return ((String) a.objects[i]).compareTo((String) b.objects[j]);
    }
    if (x == ColumnKind.DOUBLE || y == ColumnKind.DOUBLE) {
      return compareDoubles(Columns.toDouble(a, i), Columns.toDouble(b, j));
    }
    if (x == ColumnKind.LONG && y == ColumnKind.LONG) {
      return Long.compare(a.longs[i], b.longs[j]);
    }
    if (a.objects == null && b.objects == null) {
      int scaleA = Columns.scale(a);
      int scaleB = Columns.scale(b);
      if (scaleA == scaleB) {
        return Long.compare(a.longs[i], b.longs[j]);
      }
      try {
        if (scaleA < scaleB && scaleB - scaleA <= 18) {
          return Long.compare(Math.multiplyExact(a.longs[i],
              Columns.POWERS_OF_TEN[scaleB - scaleA]), b.longs[j]);
        }
        if (scaleA > scaleB && scaleA - scaleB <= 18) {
          return Long.compare(a.longs[i], Math.multiplyExact(b.longs[j],
              Columns.POWERS_OF_TEN[scaleA - scaleB]));
        }
      } catch (ArithmeticException e) {
        // Falls through to the exact comparison below.
      }
    }
    return Columns.decimal(a, i).compareTo(Columns.decimal(b, j));
  }
}
