package io.basalt.planner.exec.sort;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts the row indexes of one batch by ORDER BY keys without boxing: an integer-like first key
 * (or a string key with few distinct values, by rank) becomes a primitive sort of packed
 * (key, index) longs, the other keys then only ordering its ties; anything else is a stable
 * merge sort of an int[] driven by a {@link RowComparator}.
 */
final class IndexSort {
  /** Below this many rows a block is sorted by insertion before merging. */
  private static final int INSERTION_RUN = 32;
  /** Ranking a string key is tried up to this many distinct values even on small inputs. */
  private static final int MIN_RANKED_STRINGS = 1024;

  private IndexSort() {}

  /** The row indexes of {@code batch} in ORDER BY order (ties in input order). */
  static int[] sort(Batch batch, List<SortKey> keys) {
    int n = batch.size();
    SortKey first = keys.get(0);
    Column column = batch.column(first.field());
    int[] order = null;
    if (n > 1 && column.longs != null
        && (column.kind == ColumnKind.LONG || column.kind == ColumnKind.DECIMAL)) {
      order = sortPacked(column.longs, column.nulls, n, first);
    } else if (n > 1 && column.kind == ColumnKind.STRING) {
      long[] ranks = stringRanks(column, n);
      if (ranks != null) {
        order = sortPacked(ranks, column.nulls, n, first);
      }
    }
    if (order == null) {
      return mergeSort(n, new RowComparator(batch, batch, keys));
    }
    if (keys.size() > 1) {
      sortTies(batch, keys, order);
    }
    return order;
  }

  /**
   * Orders each group of rows with equal first keys (adjacent after the first key's sort) by
   * the remaining keys.
   */
  private static void sortTies(Batch batch, List<SortKey> keys, int[] order) {
    RowComparator firstKey = new RowComparator(batch, batch, keys.subList(0, 1));
    RowComparator rest = new RowComparator(batch, batch, keys.subList(1, keys.size()));
    int[] buffer = null;
    int start = 0;
    for (int i = 1; i <= order.length; i++) {
      if (i == order.length || firstKey.compare(order[start], order[i]) != 0) {
        if (i - start > 1) {
          if (buffer == null) {
            buffer = new int[order.length];
          }
          mergeSort(order, buffer, start, i, rest);
        }
        start = i;
      }
    }
  }

  /**
   * Sorts by one long key by packing (key rank, row index) into longs and sorting those, or
   * returns null when the key's range leaves too few bits for the index.
   */
  private static int[] sortPacked(long[] values, boolean[] nulls, int n, SortKey key) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      if (nulls == null || !nulls[i]) {
        long v = values[i];
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min > max) {
      return identity(n);
    }
    long range = max - min;
    int indexBits = 64 - Long.numberOfLeadingZeros(n - 1);
    // Slots 0..range+1: one more than the values so NULLs get a slot at either end.
    if (range < 0 || ((range + 1) >>> (63 - indexBits)) != 0) {
      return null;
    }
    boolean descending = key.descending();
    boolean nullsFirst = key.nullsFirst();
    long nullSlot = nullsFirst ? 0 : range + 1;
    long shift = nullsFirst ? 1 : 0;
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      long slot;
      if (nulls != null && nulls[i]) {
        slot = nullSlot;
      } else {
        slot = (descending ? max - values[i] : values[i] - min) + shift;
      }
      packed[i] = (slot << indexBits) | i;
    }
    Arrays.sort(packed);
    long mask = (1L << indexBits) - 1;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) (packed[i] & mask);
    }
    return order;
  }

  /**
   * Each row's rank among the distinct strings of the column in String.compareTo order (any
   * value under a NULL), or null when there are too many distinct strings for ranking to pay.
   */
  private static long[] stringRanks(Column column, int n) {
    int maxDistinct = Math.max(MIN_RANKED_STRINGS, n >> 3);
    Map<String, Integer> ids = new HashMap<>();
    List<String> distinct = new ArrayList<>();
    int[] idOf = new int[n];
    for (int i = 0; i < n; i++) {
      if (column.isNull(i)) {
        continue;
      }
      String value = (String) column.objects[i];
      Integer id = ids.get(value);
      if (id == null) {
        if (distinct.size() >= maxDistinct) {
          return null;
        }
        id = distinct.size();
        ids.put(value, id);
        distinct.add(value);
      }
      idOf[i] = id;
    }
    String[] sorted = distinct.toArray(new String[0]);
    Arrays.sort(sorted);
    int[] rankOfId = new int[sorted.length];
    for (int rank = 0; rank < sorted.length; rank++) {
      rankOfId[ids.get(sorted[rank])] = rank;
    }
    long[] ranks = new long[n];
    for (int i = 0; i < n; i++) {
      ranks[i] = rankOfId.length == 0 ? 0 : rankOfId[idOf[i]];
    }
    return ranks;
  }

  /** A stable bottom-up merge sort of 0..n-1 by {@code comparator}. */
  static int[] mergeSort(int n, RowComparator comparator) {
    int[] rows = identity(n);
    mergeSort(rows, n > INSERTION_RUN ? new int[n] : null, 0, n, comparator);
    return rows;
  }

  /**
   * Sorts {@code rows[from..to)} stably by {@code comparator}, using the same range of
   * {@code buffer} as scratch space.
   */
  private static void mergeSort(int[] rows, int[] buffer, int from, int to,
      RowComparator comparator) {
    for (int low = from; low < to; low += INSERTION_RUN) {
      insertionSort(rows, low, Math.min(low + INSERTION_RUN, to), comparator);
    }
    int[] source = rows;
    int[] target = buffer;
    for (int width = INSERTION_RUN; width < to - from; width *= 2) {
      for (int low = from; low < to; low += 2 * width) {
        int middle = Math.min(low + width, to);
        int high = Math.min(low + 2 * width, to);
        merge(source, target, low, middle, high, comparator);
      }
      int[] swap = source;
      source = target;
      target = swap;
    }
    if (source != rows) {
      System.arraycopy(source, from, rows, from, to - from);
    }
  }

  private static void insertionSort(int[] a, int low, int high, RowComparator comparator) {
    for (int i = low + 1; i < high; i++) {
      int row = a[i];
      int j = i - 1;
      while (j >= low && comparator.compare(a[j], row) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = row;
    }
  }

  private static void merge(int[] source, int[] target, int low, int middle, int high,
      RowComparator comparator) {
    if (middle >= high || comparator.compare(source[middle - 1], source[middle]) <= 0) {
      System.arraycopy(source, low, target, low, high - low);
      return;
    }
    int left = low;
    int right = middle;
    int out = low;
    while (left < middle && right < high) {
      // Taking the left row on ties keeps the sort stable.
      target[out++] = comparator.compare(source[left], source[right]) <= 0
          ? source[left++] : source[right++];
    }
    System.arraycopy(source, left, target, out, middle - left);
    out += middle - left;
    System.arraycopy(source, right, target, out, high - right);
  }

  static int[] identity(int n) {
    return range(0, n);
  }

  /** The positions start..start+count-1. */
  static int[] range(int start, int count) {
    int[] positions = new int[count];
    for (int i = 0; i < count; i++) {
      positions[i] = start + i;
    }
    return positions;
  }
}
