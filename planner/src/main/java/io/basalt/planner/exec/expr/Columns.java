package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import io.basalt.planner.exec.QueryContext;
import io.basalt.storage.StorageException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shared helpers for building and reading columns in compiled expressions. */
final class Columns {
  static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private Columns() {}

  /** The union of two null masks (null when neither column has NULLs). */
  static boolean[] orNulls(boolean[] a, boolean[] b, int size) {
    if (a == null) {
      return b == null ? null : b.clone();
    }
    boolean[] result = a.clone();
    if (b != null) {
      for (int i = 0; i < size; i++) {
        result[i] |= b[i];
      }
    }
    return result;
  }

  /** A DECIMAL value (LONG columns read as integers of scale 0) as a BigDecimal. */
  static BigDecimal decimal(Column column, int row) {
    return column.kind == ColumnKind.LONG ? BigDecimal.valueOf(column.longs[row])
        : column.decimal(row);
  }

  /** The scale a numeric column's values are held at (0 for LONG). */
  static int scale(Column column) {
    return column.kind == ColumnKind.DECIMAL ? column.scale : 0;
  }

  /** A numeric value as a double, rounded exactly as BigDecimal.doubleValue() would. */
  static double toDouble(Column column, int row) {
    switch (column.kind) {
      case DOUBLE:
        return column.doubles[row];
      case LONG:
        return column.longs[row];
      case DECIMAL:
        if (column.objects == null) {
          long unscaled = column.longs[row];
          // Both operands are exact doubles, so IEEE division rounds the true quotient once.
          if (Math.abs(unscaled) < (1L << 53) && column.scale <= 18) {
            return unscaled / (double) POWERS_OF_TEN[column.scale];
          }
        }
        return column.decimal(row).doubleValue();
      default:
        throw new IllegalStateException("not numeric: " + column.kind);
    }
  }

  /**
   * A DECIMAL column at {@code scale} from BigDecimals already at that scale: unscaled longs
   * when every value fits, BigDecimals otherwise.
   */
  static Column decimals(int size, int scale, BigDecimal[] values, boolean[] nulls) {
    long[] unscaled = new long[size];
    for (int i = 0; i < size; i++) {
      BigDecimal value = values[i];
      if (value == null) {
        continue;
      }
      if (value.unscaledValue().bitLength() > 63) {
        Object[] objects = new Object[size];
        System.arraycopy(values, 0, objects, 0, size);
        return Column.ofBigDecimals(size, scale, objects, nulls);
      }
      unscaled[i] = value.unscaledValue().longValue();
    }
    return Column.ofDecimals(size, scale, unscaled, nulls);
  }

  /** Sets a value to a decimal type's scale the way Calcite's CAST does (truncating). */
  static BigDecimal toScale(BigDecimal value, int scale) {
    return value.setScale(scale, RoundingMode.DOWN);
  }

  /**
   * Evaluates {@code expression} on the rows {@code positions[0..count)} only and returns the
   * result aligned with them (value k belongs to row positions[k]); rows not chosen are never
   * computed, so they cannot raise errors (as in CASE branches).
   */
  static Column evaluateAt(VectorExpression expression, Batch input, QueryContext context,
      int[] positions, int count) {
    if (positions == null || count == input.size() && Column.isIdentity(positions, count)) {
      return expression.evaluate(input, context);
    }
    if (expression instanceof Leaves.InputRef ref) {
      return input.column(ref.index()).select(positions, count);
    }
    if (expression instanceof Leaves.Constant) {
      return expression.evaluate(new Batch(count, new Column[0]), context);
    }
    if (expression instanceof Scoped scoped) {
      // Copies only the fields the expression reads; the others are never looked at.
      Column[] columns = new Column[input.columnCount()];
      Column placeholder = null;
      int next = 0;
      for (int field = 0; field < columns.length; field++) {
        if (next < scoped.fields.length && scoped.fields[next] == field) {
          columns[field] = input.column(field).select(positions, count);
          next++;
        } else {
          if (placeholder == null) {
            placeholder = Column.ofLongs(count, new long[count], null);
          }
          columns[field] = placeholder;
        }
      }
      return scoped.inner.evaluate(new Batch(count, columns), context);
    }
    return expression.evaluate(input.select(positions, count), context);
  }

  /** An expression with the (ascending) input fields it reads, for cheap row subsets. */
  record Scoped(VectorExpression inner, int[] fields) implements VectorExpression {
    @Override
    public Column evaluate(Batch input, QueryContext context) {
      return inner.evaluate(input, context);
    }
  }

  /** The rows of a boolean (LONG 0/1) column that are TRUE, as ascending positions. */
  static int trueRows(Column bool, int[] positions) {
    int count = 0;
    long[] values = bool.longs;
    boolean[] nulls = bool.nulls;
    for (int i = 0; i < bool.size; i++) {
      if (values[i] != 0 && (nulls == null || !nulls[i])) {
        positions[count++] = i;
      }
    }
    return count;
  }

  static StorageException divisionByZero() {
    return new StorageException("22012", "division by zero");
  }

  static StorageException outOfRange(String detail) {
    return new StorageException("22003", "numeric value out of range: " + detail);
  }

  static StorageException decimalOverflow(BigDecimal value, int precision, int scale) {
    // Calcite reports the value as rounding left it, without the zeros our fixed scale adds.
    BigDecimal shown = value.scale() > scale ? value.stripTrailingZeros() : value;
    if (shown.scale() < scale) {
      shown = shown.setScale(scale);
    }
    return outOfRange("Value " + shown + " cannot be represented as a DECIMAL(" + precision
        + ", " + scale + ")");
  }
}
