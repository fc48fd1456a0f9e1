package io.basalt.ingest;

import io.basalt.storage.ColumnType;
import io.basalt.storage.ColumnVector;
import io.basalt.storage.TypeName;
import java.math.BigDecimal;

/**
 * One column of a {@link ParsedBatch}: converted field values in the storage's physical form
 * (longs, doubles, or Strings and wide BigDecimals), filled row by row by the parsing thread and
 * read, once handed off, by the writer. Null flags are allocated at the first NULL.
 */
final class ParsedColumn implements ColumnVector {
  /** Widest decimal whose unscaled value the storage keeps as a long. */
  private static final int MAX_LONG_DECIMAL_PRECISION = 18;

  private final ColumnType type;
  private final long[] longs;
  private final double[] doubles;
  private final Object[] objects;
  private boolean[] nulls;
  private int size;

  ParsedColumn(ColumnType type, int capacity) {
    this.type = type;
    boolean isDouble = type.name() == TypeName.REAL || type.name() == TypeName.DOUBLE;
    boolean isObject = type.name() == TypeName.CHAR || type.name() == TypeName.VARCHAR
        || type.name() == TypeName.DECIMAL && type.precision() > MAX_LONG_DECIMAL_PRECISION;
    this.longs = isDouble || isObject ? null : new long[capacity];
    this.doubles = isDouble ? new double[capacity] : null;
    this.objects = isObject ? new Object[capacity] : null;
  }

  /** Whether the column holds longs, so that {@link #setLong} may be used. */
  boolean holdsLongs() {
    return longs != null;
  }

  void setLong(int row, long value) {
    longs[row] = value;
    clearNull(row);
  }

  void setNull(int row) {
    if (nulls == null) {
      nulls = new boolean[longs != null ? longs.length
          : doubles != null ? doubles.length : objects.length];
    }
    nulls[row] = true;
    if (objects != null) {
      objects[row] = null;
    }
  }

  /** Stores a converted value given in the storage representation (null for NULL). */
  void set(int row, Object value) {
    if (value == null) {
      setNull(row);
      return;
    }
    if (objects != null) {
      objects[row] = value;
    } else if (doubles != null) {
      doubles[row] = ((Number) value).doubleValue();
    } else if (value instanceof Boolean b) {
      longs[row] = b ? 1 : 0;
    } else if (value instanceof BigDecimal decimal) {
      // Rescaled to the column already; moving the point keeps a compact decimal compact.
      longs[row] = decimal.movePointRight(decimal.scale()).longValueExact();
    } else {
      longs[row] = ((Number) value).longValue();
    }
    clearNull(row);
  }

  private void clearNull(int row) {
    if (nulls != null) {
      nulls[row] = false;
    }
  }

  /** Makes the first {@code rows} rows the column's content. */
  void seal(int rows) {
    size = rows;
  }

  @Override
  public ColumnType type() {
    return type;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isNull(int row) {
    return nulls != null && nulls[row];
  }

  @Override
  public long getLong(int row) {
    return longs[row];
  }

  @Override
  public double getDouble(int row) {
    return doubles[row];
  }

  @Override
  public Object get(int row) {
    if (isNull(row)) {
      return null;
    }
    if (objects != null) {
      return objects[row];
    }
    if (doubles != null) {
      return type.name() == TypeName.REAL ? (Object) (float) doubles[row] : doubles[row];
    }
    long value = longs[row];
    return switch (type.name()) {
      case BOOLEAN -> value != 0;
      case SMALLINT -> (short) value;
      case INTEGER, DATE -> (int) value;
      case DECIMAL -> BigDecimal.valueOf(value, type.scale());
      default -> value;
    };
  }

  @Override
  public boolean[] nullFlags() {
    return nulls;
  }

  @Override
  public long[] longValues() {
    return longs;
  }

  @Override
  public double[] doubleValues() {
    return doubles;
  }

  @Override
  public Object[] objectValues() {
    return objects;
  }
}
