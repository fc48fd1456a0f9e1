package io.basalt.storage.sortkey;

import io.basalt.storage.SortKeyKind;
import io.basalt.storage.block.ColumnBuffer;
import io.basalt.storage.block.LongColumnBuffer;
import java.util.Arrays;

/**
 * Orders buffered rows by a table's sort key. COMPOUND: lexicographic by the sort columns, NULL
 * last. INTERLEAVED: by a z-order value that interleaves the bits of each column's rank, so every
 * sort column gets equal weight and zone maps narrow for a filter on any of them.
 */
public final class RowSorter {
  /** Bits of the z-order value; each column gets an equal share. */
  private static final int Z_BITS = 63;

  private RowSorter() {}

  /** The row numbers {@code 0..rows-1} in sort-key order (the identity without a sort key). */
  public static int[] order(ColumnBuffer[] columns, int rows, SortKeyKind kind, int[] keys) {
    int[] order = identity(rows);
    if (kind == SortKeyKind.NONE || keys.length == 0 || rows < 2) {
      return order;
    }
    if (kind == SortKeyKind.COMPOUND || keys.length == 1) {
      if (columns[keys[0]] instanceof LongColumnBuffer first && sortByLongKey(first, order)) {
        if (keys.length > 1) {
          sortTies(first, order, compound(columns, Arrays.copyOfRange(keys, 1,
              keys.length)));
        }
        return order;
      }
      IntSort.sort(order, rows, compound(columns, keys));
      return order;
    }
    long[] z = zValues(columns, rows, keys);
    IntSort.sort(order, rows, (a, b) -> Long.compare(z[a], z[b]));
    return order;
  }

  /**
   * Sorts {@code order} (the identity) by one long column, NULL last, ties by row number, by
   * packing each offset-from-minimum key and row number into one long for a primitive sort.
   * Returns false, leaving {@code order} alone, when the key range is too wide to pack.
   */
  static boolean sortByLongKey(LongColumnBuffer column, int[] order) {
    int rows = order.length;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < rows; i++) {
      if (!column.isNull(i)) {
        long v = column.get(i);
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min > max) {
      return true; // all NULL: the identity is sorted
    }
    int rowBits = 64 - Long.numberOfLeadingZeros(Math.max(1, rows - 1));
    long range = max - min + 1; // NULL takes the slot above max
    if (range <= 0 || 64 - Long.numberOfLeadingZeros(range) + rowBits > 63) {
      return false;
    }
    long[] packed = new long[rows];
    for (int i = 0; i < rows; i++) {
      long key = column.isNull(i) ? range : column.get(i) - min;
      packed[i] = key << rowBits | i;
    }
    Arrays.sort(packed);
    long rowMask = (1L << rowBits) - 1;
    for (int i = 0; i < rows; i++) {
      order[i] = (int) (packed[i] & rowMask);
    }
    return true;
  }

  /** Sorts each run of rows equal in {@code first} by the remaining key columns. */
  private static void sortTies(ColumnBuffer first, int[] order, IntComparator rest) {
    int start = 0;
    for (int i = 1; i <= order.length; i++) {
      if (i == order.length || first.compare(order[start], order[i]) != 0) {
        if (i - start > 1) {
          IntSort.sort(order, start, i, rest);
        }
        start = i;
      }
    }
  }

  private static int[] identity(int rows) {
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    return order;
  }

  private static IntComparator compound(ColumnBuffer[] columns, int[] keys) {
    ColumnBuffer[] sortColumns = new ColumnBuffer[keys.length];
    for (int k = 0; k < keys.length; k++) {
      sortColumns[k] = columns[keys[k]];
    }
    if (sortColumns.length == 1) {
      ColumnBuffer only = sortColumns[0];
      return only::compare;
    }
    return (a, b) -> {
      for (ColumnBuffer column : sortColumns) {
        int c = column.compare(a, b);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  /** Interleaves the bits of each key column's dense rank, scaled to an equal bit budget. */
  static long[] zValues(ColumnBuffer[] columns, int rows, int[] keys) {
    int bits = Math.min(31, Z_BITS / keys.length);
    long[][] scaled = new long[keys.length][];
    for (int k = 0; k < keys.length; k++) {
      ColumnBuffer column = columns[keys[k]];
      int[] byColumn = identity(rows);
      if (!(column instanceof LongColumnBuffer longs && sortByLongKey(longs, byColumn))) {
        IntSort.sort(byColumn, rows, column::compare);
      }
      long[] ranks = new long[rows];
      long rank = 0;
      for (int i = 0; i < rows; i++) {
        if (i > 0 && column.compare(byColumn[i - 1], byColumn[i]) != 0) {
          rank++;
        }
        ranks[byColumn[i]] = rank;
      }
      long top = (1L << bits) - 1;
      long maxRank = Math.max(1, rank);
      for (int i = 0; i < rows; i++) {
        ranks[i] = ranks[i] * top / maxRank;
      }
      scaled[k] = ranks;
    }
    long[] z = new long[rows];
    for (int i = 0; i < rows; i++) {
      long value = 0;
      for (int bit = bits - 1; bit >= 0; bit--) {
        for (long[] ranks : scaled) {
          value = (value << 1) | ((ranks[i] >>> bit) & 1);
        }
      }
      z[i] = value;
    }
    return z;
  }
}
