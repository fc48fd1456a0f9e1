package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;

/**
 * The state of one aggregate call for every group of a table, held column-wise in arrays indexed
 * by group id; each update is one loop over a batch's group ids.
 */
abstract class Accumulator {
  /** Input fields of the call. */
  final int[] args;
  /** Boolean input field that admits a row when TRUE, or -1. */
  final int filterArg;

  Accumulator(int[] args, int filterArg) {
    this.args = args;
    this.filterArg = filterArg;
  }

  /** A fresh, empty accumulator of the same call, for another table. */
  abstract Accumulator copy();

  /** Makes room for groups 0 .. groups-1. */
  abstract void ensureCapacity(int groups);

  /** Heap bytes per group of capacity. */
  abstract long bytesPerGroup();

  /** Heap bytes held besides the per-group state (a DISTINCT call's set of values). */
  long extraBytes() {
    return 0;
  }

  /** Adds the first {@code count} rows of {@code batch}, row i to group {@code groupIds[i]}. */
  abstract void add(Batch batch, int[] groupIds, int count);

  /** Merges {@code partial}'s groups {@code from[i]} into this one's groups {@code to[i]}. */
  abstract void merge(Accumulator partial, int[] from, int[] to, int count);

  /** The call's values for the given groups. */
  abstract Column result(int[] groups, int count);

  /**
   * Which rows the call ignores: those its filter does not admit and, when {@code strict}, those
   * where an argument is NULL. Null when every row counts.
   */
  final boolean[] skipped(Batch batch, int count, boolean strict) {
    boolean[] skip = null;
    if (filterArg >= 0) {
      Column filter = batch.column(filterArg);
      skip = new boolean[count];
      long[] values = filter.longs;
      boolean[] filterNulls = filter.nulls;
      for (int i = 0; i < count; i++) {
        skip[i] = values[i] == 0 || filterNulls != null && filterNulls[i];
      }
    }
    if (strict) {
      for (int arg : args) {
        boolean[] argNulls = batch.column(arg).nulls;
        if (argNulls != null) {
          if (skip == null) {
            skip = argNulls.clone();
          } else {
            for (int i = 0; i < count; i++) {
              skip[i] |= argNulls[i];
            }
          }
        }
      }
    }
    return skip;
  }

  static int grownCapacity(int current, int needed) {
    int capacity = Math.max(current, 16);
    while (capacity < needed) {
      capacity <<= 1;
    }
    return capacity;
  }

  static boolean[] nullsOf(boolean[] seen, int[] groups, int count) {
    boolean[] nulls = null;
    for (int i = 0; i < count; i++) {
      if (!seen[groups[i]]) {
        if (nulls == null) {
          nulls = new boolean[count];
        }
        nulls[i] = true;
      }
    }
    return nulls;
  }
}
