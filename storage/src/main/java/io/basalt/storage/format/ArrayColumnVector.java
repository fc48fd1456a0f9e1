package io.basalt.storage.format;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.ColumnType;
import io.basalt.storage.ColumnVector;
import io.basalt.storage.block.PhysicalType;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A {@link ColumnVector} over plain arrays: longs for integer-like types, dates, timestamps,
 * booleans (0/1) and DECIMAL up to 18 digits (unscaled), doubles for REAL and DOUBLE, objects for
 * CHAR/VARCHAR (Strings) and wider DECIMAL (BigDecimals). The arrays are shared, not copied: the
 * builder hands them over and must not touch them afterwards. Arrays may be longer than
 * {@link #size}.
 */
public final class ArrayColumnVector implements ColumnVector {
  private static final double[] POWERS_OF_TEN = new double[19];

  static {
    double power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private final ColumnType type;
  private final int size;
  private final boolean[] nulls;
  private final long[] longs;
  private final double[] doubles;
  private final Object[] objects;

  private ArrayColumnVector(ColumnType type, int size, boolean[] nulls, long[] longs,
      double[] doubles, Object[] objects) {
    this.type = requireNonNull(type, "type is null");
    this.size = size;
    this.nulls = nulls;
    this.longs = longs;
    this.doubles = doubles;
    this.objects = objects;
    Object values = longs != null ? longs : doubles != null ? doubles : objects;
    int length = values == null ? -1 : java.lang.reflect.Array.getLength(values);
    if (size < 0 || length < size || nulls != null && nulls.length < size) {
      throw new IllegalArgumentException("size " + size + " but " + length + " values");
    }
  }

  /** A vector of a type held as longs; {@code nulls} is null when no row is NULL. */
  public static ArrayColumnVector ofLongs(ColumnType type, int size, long[] values,
      boolean[] nulls) {
    expect(type, PhysicalType.LONG);
    return new ArrayColumnVector(type, size, nulls, requireNonNull(values, "values is null"),
        null, null);
  }

  /** A REAL or DOUBLE vector; {@code nulls} is null when no row is NULL. */
  public static ArrayColumnVector ofDoubles(ColumnType type, int size, double[] values,
      boolean[] nulls) {
    expect(type, PhysicalType.DOUBLE);
    return new ArrayColumnVector(type, size, nulls, null, requireNonNull(values, "values is null"),
        null);
  }

  /**
   * A CHAR/VARCHAR (Strings) or wide DECIMAL (BigDecimals at the type's scale) vector; NULL rows
   * hold null. {@code nulls} is null when no row is NULL.
   */
  public static ArrayColumnVector ofObjects(ColumnType type, int size, Object[] values,
      boolean[] nulls) {
    PhysicalType physical = PhysicalType.of(type);
    if (physical != PhysicalType.STRING && physical != PhysicalType.BIG_DECIMAL) {
      throw new IllegalArgumentException(type.sqlName() + " is not held as objects");
    }
    return new ArrayColumnVector(type, size, nulls, null, null,
        requireNonNull(values, "values is null"));
  }

  /** {@code size} NULLs, e.g. for a table column the file does not have. */
  public static ArrayColumnVector allNull(ColumnType type, int size) {
    boolean[] nulls = new boolean[size];
    Arrays.fill(nulls, true);
    return switch (PhysicalType.of(type)) {
      case LONG -> new ArrayColumnVector(type, size, nulls, new long[size], null, null);
      case DOUBLE -> new ArrayColumnVector(type, size, nulls, null, new double[size], null);
      case STRING, BIG_DECIMAL -> new ArrayColumnVector(type, size, nulls, null, null,
          new Object[size]);
    };
  }

  private static void expect(ColumnType type, PhysicalType physical) {
    if (PhysicalType.of(type) != physical) {
      throw new IllegalArgumentException(type.sqlName() + " is not held as "
          + physical.name().toLowerCase(java.util.Locale.ROOT) + "s");
    }
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
    if (longs != null) {
      return longs[row];
    }
    if (doubles != null) {
      return (long) doubles[row];
    }
    if (objects[row] instanceof BigDecimal decimal) {
      return decimal.unscaledValue().longValue();
    }
    throw new UnsupportedOperationException("Cannot read " + type.sqlName() + " as a long");
  }

  @Override
  public double getDouble(int row) {
    if (doubles != null) {
      return doubles[row];
    }
    if (longs != null) {
      int scale = type.name() == io.basalt.storage.TypeName.DECIMAL ? type.scale() : 0;
      return scale == 0 ? longs[row] : longs[row] / POWERS_OF_TEN[Math.min(18, scale)];
    }
    if (objects[row] instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    throw new UnsupportedOperationException("Cannot read " + type.sqlName() + " as a double");
  }

  @Override
  public Object get(int row) {
    if (isNull(row)) {
      return null;
    }
    return switch (type.name()) {
      case SMALLINT -> (short) longs[row];
      case INTEGER, DATE -> (int) longs[row];
      case BIGINT, TIMESTAMP, TIMESTAMPTZ -> longs[row];
      case BOOLEAN -> longs[row] != 0;
      case DECIMAL -> longs != null ? BigDecimal.valueOf(longs[row], type.scale()) : objects[row];
      case REAL -> (float) doubles[row];
      case DOUBLE -> doubles[row];
      case CHAR, VARCHAR -> objects[row];
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

  /** The rows at {@code positions[0..count)}, in that order, as a new vector. */
  public ArrayColumnVector select(int[] positions, int count) {
    if (count == size && isIdentity(positions, count)) {
      return this;
    }
    boolean[] selectedNulls = null;
    if (nulls != null) {
      selectedNulls = new boolean[count];
      for (int i = 0; i < count; i++) {
        selectedNulls[i] = nulls[positions[i]];
      }
    }
    if (longs != null) {
      long[] out = new long[count];
      for (int i = 0; i < count; i++) {
        out[i] = longs[positions[i]];
      }
      return new ArrayColumnVector(type, count, selectedNulls, out, null, null);
    }
    if (doubles != null) {
      double[] out = new double[count];
      for (int i = 0; i < count; i++) {
        out[i] = doubles[positions[i]];
      }
      return new ArrayColumnVector(type, count, selectedNulls, null, out, null);
    }
    Object[] out = new Object[count];
    for (int i = 0; i < count; i++) {
      out[i] = objects[positions[i]];
    }
    return new ArrayColumnVector(type, count, selectedNulls, null, null, out);
  }

  private static boolean isIdentity(int[] positions, int count) {
    for (int i = 0; i < count; i++) {
      if (positions[i] != i) {
        return false;
      }
    }
    return true;
  }
}
