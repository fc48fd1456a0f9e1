package io.basalt.storage.write;

import io.basalt.storage.ColumnVector;
import io.basalt.storage.block.ColumnBuffer;
import io.basalt.storage.block.DoubleColumnBuffer;
import io.basalt.storage.block.LongColumnBuffer;
import io.basalt.storage.block.ObjectColumnBuffer;
import io.basalt.storage.block.PhysicalType;

/**
 * Moves one column of a batch into the buffers of the slices its rows go to, one typed loop per
 * column, for {@link NativeTableWriter}'s batch append.
 */
final class BatchColumns {
  /** Rough heap cost of one buffered wide decimal. */
  private static final int DECIMAL_BYTES = 64;

  private BatchColumns() {
  }

  /** Whether any of the first {@code count} rows of the column is NULL. */
  static boolean hasNull(ColumnVector column, int count) {
    boolean[] nulls = column.nullFlags();
    Object[] objects = column.objectValues();
    for (int r = 0; r < count; r++) {
      if (nulls != null && nulls[r] || objects != null && objects[r] == null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Appends the first {@code count} rows of {@code column}, row {@code r} to
   * {@code targets[rowSlices[r]]}; returns the estimated heap bytes of its Strings and wide
   * decimals ({@code footprint} is the column's estimator, null unless it holds strings).
   */
  static long append(PhysicalType physical, ColumnBuffer[] targets, int[] rowSlices,
      ColumnVector column, int count, StringFootprint footprint) {
    boolean[] nulls = column.nullFlags();
    long bytes = 0;
    switch (physical) {
      case LONG -> {
        long[] values = column.longValues();
        for (int r = 0; r < count; r++) {
          LongColumnBuffer target = (LongColumnBuffer) targets[rowSlices[r]];
          if (nulls != null && nulls[r]) {
            target.addNull();
          } else {
            target.add(values[r]);
          }
        }
      }
      case DOUBLE -> {
        double[] values = column.doubleValues();
        for (int r = 0; r < count; r++) {
          DoubleColumnBuffer target = (DoubleColumnBuffer) targets[rowSlices[r]];
          if (nulls != null && nulls[r]) {
            target.addNull();
          } else {
            target.add(values[r]);
          }
        }
      }
      case STRING, BIG_DECIMAL -> {
        Object[] values = column.objectValues();
        for (int r = 0; r < count; r++) {
          ObjectColumnBuffer target = (ObjectColumnBuffer) targets[rowSlices[r]];
          Object value = values[r];
          if (value == null || nulls != null && nulls[r]) {
            target.addNull();
            continue;
          }
          target.add(value);
          bytes += footprint != null ? footprint.bytes((String) value) : DECIMAL_BYTES;
        }
      }
    }
    return bytes;
  }
}
