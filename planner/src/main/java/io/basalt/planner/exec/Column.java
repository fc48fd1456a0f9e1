package io.basalt.planner.exec;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The values of one column for the rows of a {@link Batch}: a primitive array of the column's
 * {@link ColumnKind} plus a null flag per row ({@code nulls == null} when no row is NULL).
 * Exactly one of {@code longs}, {@code doubles} and {@code objects} is set: LONG uses
 * {@code longs}; DOUBLE {@code doubles}; STRING {@code objects} (Strings); DECIMAL {@code longs}
 * (unscaled, at {@code scale}) or, when some value needs more than 18 digits, {@code objects}
 * (BigDecimals at {@code scale}). Values under a null flag are unspecified (0 or null).
 *
 * <p>Columns are not copied defensively: once built they must not be changed, which lets
 * operators share them between batches without copying.
 */
public final class Column {
  public final ColumnKind kind;
  public final int scale;
  public final int size;
  public final long[] longs;
  public final double[] doubles;
  public final Object[] objects;
  public final boolean[] nulls;

  private Column(ColumnKind kind, int scale, int size, long[] longs, double[] doubles,
      Object[] objects, boolean[] nulls) {
    this.kind = kind;
    this.scale = scale;
    this.size = size;
    this.longs = longs;
    this.doubles = doubles;
    this.objects = objects;
    this.nulls = nulls;
  }

  public static Column ofLongs(int size, long[] values, boolean[] nulls) {
    return new Column(ColumnKind.LONG, 0, size, values, null, null, nulls);
  }

  public static Column ofDoubles(int size, double[] values, boolean[] nulls) {
    return new Column(ColumnKind.DOUBLE, 0, size, null, values, null, nulls);
  }

  public static Column ofStrings(int size, Object[] values, boolean[] nulls) {
    return new Column(ColumnKind.STRING, 0, size, null, null, values, nulls);
  }

  /** A DECIMAL column of unscaled longs at {@code scale}. */
  public static Column ofDecimals(int size, int scale, long[] unscaled, boolean[] nulls) {
    return new Column(ColumnKind.DECIMAL, scale, size, unscaled, null, null, nulls);
  }

  /** A DECIMAL column of BigDecimals, each already at {@code scale}. */
  public static Column ofBigDecimals(int size, int scale, Object[] values, boolean[] nulls) {
    return new Column(ColumnKind.DECIMAL, scale, size, null, null, values, nulls);
  }

  /** A column of {@code size} NULLs of the given kind. */
  public static Column allNull(ColumnKind kind, int scale, int size) {
    boolean[] nulls = new boolean[size];
    Arrays.fill(nulls, true);
    return switch (kind) {
      case LONG -> ofLongs(size, new long[size], nulls);
      case DOUBLE -> ofDoubles(size, new double[size], nulls);
      case STRING -> ofStrings(size, new Object[size], nulls);
      case DECIMAL -> ofDecimals(size, scale, new long[size], nulls);
    };
  }

  public boolean isNull(int row) {
    return nulls != null && nulls[row];
  }

  /** Whether this DECIMAL column holds BigDecimals rather than unscaled longs. */
  public boolean isWideDecimal() {
    return kind == ColumnKind.DECIMAL && objects != null;
  }

  /** A DECIMAL value as a BigDecimal at this column's scale (whichever form it is held in). */
  public BigDecimal decimal(int row) {
    return objects != null ? (BigDecimal) objects[row] : BigDecimal.valueOf(longs[row], scale);
  }

  /**
   * The rows at {@code positions[0..count)}, in that order, as a new column (or this one when
   * the positions are exactly 0..size-1).
   */
  public Column select(int[] positions, int count) {
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
    long[] selectedLongs = null;
    double[] selectedDoubles = null;
    Object[] selectedObjects = null;
    if (longs != null) {
      selectedLongs = new long[count];
      for (int i = 0; i < count; i++) {
        selectedLongs[i] = longs[positions[i]];
      }
    } else if (doubles != null) {
      selectedDoubles = new double[count];
      for (int i = 0; i < count; i++) {
        selectedDoubles[i] = doubles[positions[i]];
      }
    } else {
      selectedObjects = new Object[count];
      for (int i = 0; i < count; i++) {
        selectedObjects[i] = objects[positions[i]];
      }
    }
    return new Column(kind, scale, count, selectedLongs, selectedDoubles, selectedObjects,
        selectedNulls);
  }

  /**
   * The rows of {@code parts} in order as one column of {@code kind} (and DECIMAL
   * {@code scale}), or the only part itself. DECIMAL parts may mix both forms; the result holds
   * BigDecimals if any part does.
   */
  public static Column concat(List<Column> parts, ColumnKind kind, int scale) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    int total = 0;
    boolean hasNulls = false;
    boolean wide = false;
    for (Column part : parts) {
      total += part.size;
      hasNulls |= part.nulls != null;
      wide |= part.isWideDecimal();
    }
    boolean[] nulls = hasNulls ? new boolean[total] : null;
    long[] longs = null;
    double[] doubles = null;
    Object[] objects = null;
    switch (kind) {
      case LONG -> longs = new long[total];
      case DOUBLE -> doubles = new double[total];
      case STRING -> objects = new Object[total];
      case DECIMAL -> {
        if (wide) {
          objects = new Object[total];
        } else {
          longs = new long[total];
        }
      }
    }
    int offset = 0;
    for (Column part : parts) {
      int size = part.size;
      if (part.nulls != null) {
        System.arraycopy(part.nulls, 0, nulls, offset, size);
      }
      if (longs != null) {
        System.arraycopy(part.longs, 0, longs, offset, size);
      } else if (doubles != null) {
        System.arraycopy(part.doubles, 0, doubles, offset, size);
      } else if (part.objects != null) {
        System.arraycopy(part.objects, 0, objects, offset, size);
      } else {
        // A narrow DECIMAL part of a column that some wide part forces into BigDecimals.
        for (int i = 0; i < size; i++) {
          objects[offset + i] = part.isNull(i) ? null : part.decimal(i);
        }
      }
      offset += size;
    }
    return new Column(kind, kind == ColumnKind.DECIMAL ? scale : 0, total, longs, doubles,
        objects, nulls);
  }

  /** Whether {@code positions[0..count)} are exactly 0, 1, ..., count-1. */
  public static boolean isIdentity(int[] positions, int count) {
    for (int i = 0; i < count; i++) {
      if (positions[i] != i) {
        return false;
      }
    }
    return true;
  }

  /** Approximate heap bytes held, for memory accounting. */
  public long estimatedBytes() {
    long bytes = 32L + (nulls == null ? 0 : size);
    if (longs != null) {
      bytes += 8L * size;
    } else if (doubles != null) {
      bytes += 8L * size;
    } else {
      bytes += 48L * size;
    }
    return bytes;
  }
}
