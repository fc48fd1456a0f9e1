package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import io.basalt.planner.exec.QueryContext;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * FLOOR, CEIL, ABS and ROUND(x, places) on numbers, as Calcite's SqlFunctions compute them
 * (ROUND halves away from zero on the decimal value; a DOUBLE goes through BigDecimal.valueOf).
 */
record Rounding(VectorExpression operand, Function function, int places, ColumnKind kind,
    int scale, boolean intResult) implements VectorExpression {
  /** The functions. */
  enum Function { FLOOR, CEIL, ABS, ROUND }

  @Override
  public Column evaluate(Batch input, QueryContext context) {
    Column a = operand.evaluate(input, context);
    int size = input.size();
    switch (kind) {
      case DOUBLE: {
        double[] result = new double[size];
        for (int i = 0; i < size; i++) {
          double x = a.doubles[i];
          result[i] = switch (function) {
            case FLOOR -> Math.floor(x);
            case CEIL -> Math.ceil(x);
            case ABS -> Math.abs(x);
            case ROUND -> a.isNull(i) || Double.isNaN(x) || Double.isInfinite(x) ? x
                : round(BigDecimal.valueOf(x)).doubleValue();
          };
        }
        return Column.ofDoubles(size, result, a.nulls);
      }
      case LONG: {
        long[] result = new long[size];
        for (int i = 0; i < size; i++) {
          long x = a.longs[i];
          // Java's abs of the smallest int is itself, as Enumerable's int arithmetic gives.
          result[i] = function == Function.ABS ? (intResult ? Math.abs((int) x) : Math.abs(x))
              : x;
        }
        return Column.ofLongs(size, result, a.nulls);
      }
      case DECIMAL: {
        BigDecimal[] result = new BigDecimal[size];
        for (int i = 0; i < size; i++) {
          if (a.isNull(i)) {
            continue;
          }
          BigDecimal x = Columns.decimal(a, i);
          BigDecimal value = switch (function) {
            case FLOOR -> x.setScale(0, RoundingMode.FLOOR);
            case CEIL -> x.setScale(0, RoundingMode.CEILING);
            case ABS -> x.abs();
            case ROUND -> round(x);
          };
          result[i] = value.setScale(scale, RoundingMode.UNNECESSARY);
        }
        return Columns.decimals(size, scale, result, a.nulls);
      }
      default:
        throw new IllegalStateException("rounding " + kind);
    }
  }

  private BigDecimal round(BigDecimal x) {
    return x.movePointRight(places).setScale(0, RoundingMode.HALF_UP).movePointLeft(places);
  }
}
