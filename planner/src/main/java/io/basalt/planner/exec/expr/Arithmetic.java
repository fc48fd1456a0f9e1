package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import io.basalt.planner.exec.QueryContext;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Binary arithmetic as Calcite's Enumerable code computes it: integer types in Java's
 * (optionally overflow-checked) int/long arithmetic, DOUBLE in doubles, DECIMAL exactly (scaled
 * longs while they fit, BigDecimals otherwise; division to 16 significant digits, then to the
 * result scale).
 */
final class Arithmetic implements VectorExpression {
  /** The operators. */
  enum Op { PLUS, MINUS, TIMES, DIVIDE, MOD }

  private final Op op;
  private final VectorExpression left;
  private final VectorExpression right;
  private final ColumnKind kind;
  private final int scale;
  /** Integer results: the range of the result type (for checked or wrapping arithmetic). */
  private final long min;
  private final long max;
  private final boolean checked;

  Arithmetic(Op op, VectorExpression left, VectorExpression right, ColumnKind kind, int scale,
      long min, long max, boolean checked) {
    this.op = op;
    this.left = left;
    this.right = right;
    this.kind = kind;
    this.scale = scale;
    this.min = min;
    this.max = max;
    this.checked = checked;
  }

  @Override
  public Column evaluate(Batch input, QueryContext context) {
    Column a = left.evaluate(input, context);
    Column b = right.evaluate(input, context);
    int size = input.size();
    boolean[] nulls = Columns.orNulls(a.nulls, b.nulls, size);
    return switch (kind) {
      case LONG -> longs(a, b, size, nulls);
      case DOUBLE -> doubles(a, b, size, nulls);
      case DECIMAL -> decimals(a, b, size, nulls);
      case STRING -> throw new IllegalStateException("string arithmetic");
    };
  }

  private Column longs(Column a, Column b, int size, boolean[] nulls) {
    long[] x = a.longs;
    long[] y = b.longs;
    long[] result = new long[size];
    for (int i = 0; i < size; i++) {
      if (nulls != null && nulls[i]) {
        continue;
      }
      long value;
      try {
        value = switch (op) {
          case PLUS -> Math.addExact(x[i], y[i]);
          case MINUS -> Math.subtractExact(x[i], y[i]);
          case TIMES -> Math.multiplyExact(x[i], y[i]);
          case DIVIDE -> {
            if (y[i] == 0) {
              throw Columns.divisionByZero();
            }
            if (x[i] == Long.MIN_VALUE && y[i] == -1) {
              throw new ArithmeticException("long overflow");
            }
            yield x[i] / y[i];
          }
          case MOD -> {
            if (y[i] == 0) {
              throw Columns.divisionByZero();
            }
            yield x[i] % y[i];
          }
        };
      } catch (ArithmeticException e) {
        if (checked) {
          throw overflow();
        }
        // Unchecked BIGINT arithmetic wraps, as Java's does.
        value = switch (op) {
          case PLUS -> x[i] + y[i];
          case MINUS -> x[i] - y[i];
          case TIMES -> x[i] * y[i];
          case DIVIDE -> x[i] / y[i];
          case MOD -> x[i] % y[i];
        };
      }
      if (value < min || value > max) {
        if (checked) {
          throw overflow();
        }
        value = wrap(value);
      }
      result[i] = value;
    }
    return Column.ofLongs(size, result, nulls);
  }

  private RuntimeException overflow() {
    return Columns.outOfRange(max == Integer.MAX_VALUE ? "integer overflow" : max
        == Long.MAX_VALUE ? "long overflow" : "overflow");
  }

  private long wrap(long value) {
    if (max == Integer.MAX_VALUE) {
      return (int) value;
    }
    if (max == Short.MAX_VALUE) {
      return (short) value;
    }
    return (byte) value;
  }

  private Column doubles(Column a, Column b, int size, boolean[] nulls) {
    double[] result = new double[size];
    if (a.kind == ColumnKind.DOUBLE && b.kind == ColumnKind.DOUBLE) {
      double[] x = a.doubles;
      double[] y = b.doubles;
      switch (op) {
        case PLUS -> {
          for (int i = 0; i < size; i++) {
            result[i] = x[i] + y[i];
          }
        }
        case MINUS -> {
          for (int i = 0; i < size; i++) {
            result[i] = x[i] - y[i];
          }
        }
        case TIMES -> {
          for (int i = 0; i < size; i++) {
            result[i] = x[i] * y[i];
          }
        }
        case DIVIDE -> {
          for (int i = 0; i < size; i++) {
            result[i] = x[i] / y[i];
          }
        }
        case MOD -> {
          for (int i = 0; i < size; i++) {
            result[i] = x[i] % y[i];
          }
        }
      }
      return Column.ofDoubles(size, result, nulls);
    }
    for (int i = 0; i < size; i++) {
      if (nulls != null && nulls[i]) {
        continue;
      }
      double x = Columns.toDouble(a, i);
      double y = Columns.toDouble(b, i);
      result[i] = switch (op) {
        case PLUS -> x + y;
        case MINUS -> x - y;
        case TIMES -> x * y;
        case DIVIDE -> x / y;
        case MOD -> x % y;
      };
    }
    return Column.ofDoubles(size, result, nulls);
  }

  private Column decimals(Column a, Column b, int size, boolean[] nulls) {
    if (a.objects == null && b.objects == null && op != Op.DIVIDE && op != Op.MOD) {
      Column fast = scaledLongs(a, b, size, nulls);
      if (fast != null) {
        return fast;
      }
    }
    BigDecimal[] result = new BigDecimal[size];
    for (int i = 0; i < size; i++) {
      if (nulls != null && nulls[i]) {
        continue;
      }
      BigDecimal x = Columns.decimal(a, i);
      BigDecimal y = Columns.decimal(b, i);
      BigDecimal value = switch (op) {
        case PLUS -> x.add(y);
        case MINUS -> x.subtract(y);
        case TIMES -> x.multiply(y);
        case DIVIDE -> {
          if (y.signum() == 0) {
            throw Columns.divisionByZero();
          }
          yield x.divide(y, MathContext.DECIMAL64);
        }
        case MOD -> {
          if (y.signum() == 0) {
            throw Columns.divisionByZero();
          }
          yield x.remainder(y);
        }
      };
      result[i] = Columns.toScale(value, scale);
    }
    return Columns.decimals(size, scale, result, nulls);
  }

  /** +, - and * on unscaled longs; null when some row overflows a long. */
  private Column scaledLongs(Column a, Column b, int size, boolean[] nulls) {
    int scaleA = Columns.scale(a);
    int scaleB = Columns.scale(b);
    int natural = op == Op.TIMES ? scaleA + scaleB : Math.max(scaleA, scaleB);
    if (natural < scale || natural - scale > 18 || natural > 18) {
      return null;
    }
    long[] x = a.longs;
    long[] y = b.longs;
    long[] result = new long[size];
    try {
      if (op == Op.TIMES) {
        for (int i = 0; i < size; i++) {
          result[i] = Math.multiplyExact(x[i], y[i]);
        }
      } else {
        long factorA = Columns.POWERS_OF_TEN[natural - scaleA];
        long factorB = Columns.POWERS_OF_TEN[natural - scaleB];
        boolean minus = op == Op.MINUS;
        for (int i = 0; i < size; i++) {
          long p = factorA == 1 ? x[i] : Math.multiplyExact(x[i], factorA);
          long q = factorB == 1 ? y[i] : Math.multiplyExact(y[i], factorB);
          result[i] = minus ? Math.subtractExact(p, q) : Math.addExact(p, q);
        }
      }
    } catch (ArithmeticException e) {
      return null;
    }
    if (natural != scale) {
      // Truncate towards zero to the result type's scale, as the enclosing CAST does.
      long divisor = Columns.POWERS_OF_TEN[natural - scale];
      for (int i = 0; i < size; i++) {
        result[i] /= divisor;
      }
    }
    return Column.ofDecimals(size, scale, result, nulls);
  }

  /** Unary minus. */
  record Negate(VectorExpression operand, ColumnKind kind, int scale, long min, long max,
      boolean checked) implements VectorExpression {
    @Override
    public Column evaluate(Batch input, QueryContext context) {
      Column a = operand.evaluate(input, context);
      int size = input.size();
      switch (kind) {
        case DOUBLE: {
          double[] result = new double[size];
          for (int i = 0; i < size; i++) {
            result[i] = -a.doubles[i];
          }
          return Column.ofDoubles(size, result, a.nulls);
        }
        case LONG: {
          long[] result = new long[size];
          for (int i = 0; i < size; i++) {
            long value = -a.longs[i];
            if ((value < min || value > max || a.longs[i] == Long.MIN_VALUE)
                && !a.isNull(i)) {
              if (checked) {
                throw Columns.outOfRange("integer overflow");
              }
              value = max == Integer.MAX_VALUE ? (int) value : value;
            }
            result[i] = value;
          }
          return Column.ofLongs(size, result, a.nulls);
        }
        case DECIMAL: {
          if (a.objects == null && a.scale == scale) {
            long[] result = new long[size];
            boolean fits = true;
            for (int i = 0; i < size; i++) {
              fits &= a.longs[i] != Long.MIN_VALUE;
              result[i] = -a.longs[i];
            }
            if (fits) {
              return Column.ofDecimals(size, scale, result, a.nulls);
            }
          }
          BigDecimal[] result = new BigDecimal[size];
          for (int i = 0; i < size; i++) {
            if (!a.isNull(i)) {
              result[i] = Columns.toScale(Columns.decimal(a, i).negate(), scale);
            }
          }
          return Columns.decimals(size, scale, result, a.nulls);
        }
        default:
          throw new IllegalStateException("negate " + kind);
      }
    }
  }
}
