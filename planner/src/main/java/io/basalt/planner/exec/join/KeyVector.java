package io.basalt.planner.exec.join;

import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * One join key column in the form a hash table compares: either {@code longs} (LONG values,
 * DOUBLE bit patterns, unscaled DECIMALs) or {@code objects} (Strings, unscaled BigIntegers of
 * wide DECIMALs), plus {@code absent} flags for rows that can match nothing (NULL keys, and
 * DECIMALs too wide for the long form of the other side).
 */
final class KeyVector {
  final long[] longs;
  final Object[] objects;
  final boolean[] absent;

  private KeyVector(long[] longs, Object[] objects, boolean[] absent) {
    this.longs = longs;
    this.objects = objects;
    this.absent = absent;
  }

  boolean isAbsent(int row) {
    return absent != null && absent[row];
  }

  /** Whether a column of this kind and form can be compared as longs. */
  static boolean longForm(Column column) {
    return column.kind != ColumnKind.STRING && column.objects == null;
  }

  /** The column as longs; wide DECIMALs that do not fit a long become absent. */
  static KeyVector asLongs(Column column) {
    int size = column.size;
    switch (column.kind) {
      case LONG:
        return new KeyVector(column.longs, null, column.nulls);
      case DOUBLE: {
        long[] bits = new long[size];
        double[] values = column.doubles;
        for (int i = 0; i < size; i++) {
          // SQL equality: 0.0 = -0.0 (adding 0.0 turns -0.0 into 0.0); NaNs share one pattern.
          bits[i] = Double.doubleToLongBits(values[i] + 0.0);
        }
        return new KeyVector(bits, null, column.nulls);
      }
      case DECIMAL: {
        if (column.objects == null) {
          return new KeyVector(column.longs, null, column.nulls);
        }
        long[] unscaled = new long[size];
        boolean[] absent = new boolean[size];
        for (int i = 0; i < size; i++) {
          BigInteger value = column.isNull(i) ? null : unscaled(column, i);
          if (value == null || value.bitLength() > 63) {
            absent[i] = true;
          } else {
            unscaled[i] = value.longValue();
          }
        }
        return new KeyVector(unscaled, null, absent);
      }
      case STRING:
      default:
        throw new IllegalArgumentException("STRING keys have no long form");
    }
  }

  /** The column as objects: Strings, or unscaled BigIntegers for DECIMALs of either form. */
  static KeyVector asObjects(Column column) {
    if (column.kind == ColumnKind.STRING) {
      return new KeyVector(null, column.objects, column.nulls);
    }
    if (column.kind != ColumnKind.DECIMAL) {
      throw new IllegalArgumentException(column.kind + " keys always use the long form");
    }
    Object[] unscaled = new Object[column.size];
    boolean[] absent = column.nulls == null ? null : new boolean[column.size];
    for (int i = 0; i < column.size; i++) {
      if (column.isNull(i)) {
        absent[i] = true;
      } else {
        unscaled[i] = column.objects == null ? BigInteger.valueOf(column.longs[i])
            : unscaled(column, i);
      }
    }
    return new KeyVector(null, unscaled, absent);
  }

  /** The unscaled value at the column's scale, so equal values compare equal. */
  private static BigInteger unscaled(Column column, int row) {
    BigDecimal value = column.decimal(row);
    if (value.scale() != column.scale) {
      value = value.setScale(column.scale, RoundingMode.UNNECESSARY);
    }
    return value.unscaledValue();
  }
}
