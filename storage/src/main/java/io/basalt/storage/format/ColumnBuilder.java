package io.basalt.storage.format;

import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.block.PhysicalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Growable arrays for one column of a batch being read row by row (text, JSON, row builders);
 * {@link #build} hands them to an {@link ArrayColumnVector} and starts fresh ones, since the
 * engine keeps the arrays it is given.
 */
final class ColumnBuilder {
  private final ColumnType type;
  private final PhysicalType physical;
  private final int initialCapacity;
  private long[] longs;
  private double[] doubles;
  private Object[] objects;
  private boolean[] nulls;
  private int size;

  ColumnBuilder(ColumnType type, int capacity) {
    this.type = type;
    this.physical = PhysicalType.of(type);
    this.initialCapacity = capacity;
    allocate(capacity);
  }

  private void allocate(int capacity) {
    longs = null;
    doubles = null;
    objects = null;
    nulls = null;
    switch (physical) {
      case LONG -> longs = new long[capacity];
      case DOUBLE -> doubles = new double[capacity];
      case STRING, BIG_DECIMAL -> objects = new Object[capacity];
    }
  }

  ColumnType type() {
    return type;
  }

  int size() {
    return size;
  }

  private void ensureRoom() {
    int capacity = longs != null ? longs.length : doubles != null ? doubles.length
        : objects.length;
    if (size < capacity) {
      return;
    }
    int grown = Math.max(16, capacity * 2);
    if (longs != null) {
      longs = Arrays.copyOf(longs, grown);
    } else if (doubles != null) {
      doubles = Arrays.copyOf(doubles, grown);
    } else {
      objects = Arrays.copyOf(objects, grown);
    }
    if (nulls != null) {
      nulls = Arrays.copyOf(nulls, grown);
    }
  }

  void appendNull() {
    ensureRoom();
    if (nulls == null) {
      int capacity = longs != null ? longs.length : doubles != null ? doubles.length
          : objects.length;
      nulls = new boolean[capacity];
    }
    nulls[size++] = true;
  }

  void appendLong(long value) {
    ensureRoom();
    longs[size++] = value;
  }

  void appendDouble(double value) {
    ensureRoom();
    doubles[size++] = value;
  }

  void appendObject(Object value) {
    ensureRoom();
    objects[size++] = value;
  }

  /** Removes the last value, to undo a row that failed in a later column. */
  void dropLast() {
    size--;
    if (nulls != null) {
      nulls[size] = false;
    }
    if (objects != null) {
      objects[size] = null;
    }
  }

  /** Appends a value in the storage representation of the column's type (null for NULL). */
  void appendValue(Object value) {
    if (value == null) {
      appendNull();
      return;
    }
    try {
      switch (physical) {
        case LONG -> appendLong(longOf(value));
        case DOUBLE -> appendDouble(((Number) value).doubleValue());
        case STRING -> appendObject(value.toString());
        case BIG_DECIMAL -> appendObject(decimalOf(value));
      }
    } catch (ClassCastException | ArithmeticException e) {
      throw new StorageException("42804", "Cannot use " + value.getClass().getSimpleName()
          + " '" + value + "' as a value of type " + type.sqlName(), e);
    }
  }

  private long longOf(Object value) {
    if (type.name() == TypeName.DECIMAL) {
      return decimalOf(value).unscaledValue().longValueExact();
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      throw new ClassCastException("not integral");
    }
    return ((Number) value).longValue();
  }

  private BigDecimal decimalOf(Object value) {
    BigDecimal decimal = value instanceof BigDecimal d ? d
        : value instanceof Double || value instanceof Float
            ? BigDecimal.valueOf(((Number) value).doubleValue())
            : BigDecimal.valueOf(((Number) value).longValue());
    BigDecimal scaled = decimal.setScale(type.scale(), RoundingMode.HALF_UP);
    if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
      throw new ArithmeticException("out of range");
    }
    return scaled;
  }

  /** The values appended since the last build, as a vector; the builder starts empty again. */
  ArrayColumnVector build() {
    int count = size;
    boolean[] nullFlags = nulls;
    if (nullFlags != null && nullFlags.length != count) {
      nullFlags = Arrays.copyOf(nullFlags, count);
    }
    ArrayColumnVector vector = switch (physical) {
      case LONG -> ArrayColumnVector.ofLongs(type, count, trim(longs, count), nullFlags);
      case DOUBLE -> ArrayColumnVector.ofDoubles(type, count, trim(doubles, count), nullFlags);
      case STRING, BIG_DECIMAL -> ArrayColumnVector.ofObjects(type, count, trim(objects, count),
          nullFlags);
    };
    size = 0;
    allocate(initialCapacity);
    return vector;
  }

  // Consumers may take array lengths as row counts, so a partly filled batch is trimmed.
  private static long[] trim(long[] values, int count) {
    return values.length == count ? values : Arrays.copyOf(values, count);
  }

  private static double[] trim(double[] values, int count) {
    return values.length == count ? values : Arrays.copyOf(values, count);
  }

  private static Object[] trim(Object[] values, int count) {
    return values.length == count ? values : Arrays.copyOf(values, count);
  }
}
