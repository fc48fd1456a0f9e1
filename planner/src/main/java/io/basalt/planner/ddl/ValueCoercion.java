package io.basalt.planner.ddl;

import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Brings a value computed by a query into the exact Java class the store expects for a column
 * (Calcite may compute a SMALLINT column's value as an Integer, or a DECIMAL at another scale).
 * Range checks that lose information are errors, never silent truncation.
 */
final class ValueCoercion {
  private ValueCoercion() {}

  static Object toStorage(Object value, ColumnType type, String column) {
    if (value == null) {
      return null;
    }
    switch (type.name()) {
      case SMALLINT:
        return (short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE, type, column);
      case INTEGER:
        return (int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, type, column);
      case BIGINT:
        return integral(value, Long.MIN_VALUE, Long.MAX_VALUE, type, column);
      case DECIMAL:
        BigDecimal decimal = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        BigDecimal scaled = decimal.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
          throw outOfRange(value, type, column);
        }
        return scaled;
      case REAL:
        return ((Number) value).floatValue();
      case DOUBLE:
        return ((Number) value).doubleValue();
      case DATE:
        return ((Number) value).intValue();
      case TIMESTAMP, TIMESTAMPTZ:
        return ((Number) value).longValue();
      default:
        return value;
    }
  }

  private static long integral(Object value, long min, long max, ColumnType type, String column) {
    long result;
    if (value instanceof BigDecimal decimal) {
      BigDecimal rounded = decimal.setScale(0, RoundingMode.HALF_UP);
      if (rounded.compareTo(BigDecimal.valueOf(min)) < 0
          || rounded.compareTo(BigDecimal.valueOf(max)) > 0) {
        throw outOfRange(value, type, column);
      }
      result = rounded.longValue();
    } else if (value instanceof Double || value instanceof Float) {
      double d = Math.rint(((Number) value).doubleValue());
      if (d < min || d > max) {
        throw outOfRange(value, type, column);
      }
      result = (long) d;
    } else {
      result = ((Number) value).longValue();
    }
    if (result < min || result > max) {
      throw outOfRange(value, type, column);
    }
    return result;
  }

  private static StorageException outOfRange(Object value, ColumnType type, String column) {
    return new StorageException("22003", "Cannot store " + value + " in column \"" + column
        + "\": value out of range for type " + type.sqlName());
  }
}
