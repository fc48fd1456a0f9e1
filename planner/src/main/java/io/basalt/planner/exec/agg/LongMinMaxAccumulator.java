package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import java.util.Arrays;

/** MIN and MAX of integer-like values (and BOOL_AND / BOOL_OR, which are MIN / MAX of 0 and 1). */
final class LongMinMaxAccumulator extends Accumulator {
  private final boolean min;
  private long[] values = new long[0];
  private boolean[] seen = new boolean[0];

  LongMinMaxAccumulator(int[] args, int filterArg, boolean min) {
    super(args, filterArg);
    this.min = min;
  }

  @Override
  Accumulator copy() {
    return new LongMinMaxAccumulator(args, filterArg, min);
  }

  @Override
  void ensureCapacity(int groups) {
    if (values.length < groups) {
      int old = values.length;
      int capacity = grownCapacity(old, groups);
      values = Arrays.copyOf(values, capacity);
      seen = Arrays.copyOf(seen, capacity);
      Arrays.fill(values, old, capacity, min ? Long.MAX_VALUE : Long.MIN_VALUE);
    }
  }

  @Override
  long bytesPerGroup() {
    return 9;
  }

  @Override
  void add(Batch batch, int[] groupIds, int count) {
    boolean[] skip = skipped(batch, count, true);
    long[] input = batch.column(args[0]).longs;
    long[] v = values;
    boolean[] n = seen;
    if (min) {
      for (int i = 0; i < count; i++) {
        if (skip == null || !skip[i]) {
          int g = groupIds[i];
          v[g] = Math.min(v[g], input[i]);
          n[g] = true;
        }
      }
    } else {
      for (int i = 0; i < count; i++) {
        if (skip == null || !skip[i]) {
          int g = groupIds[i];
          v[g] = Math.max(v[g], input[i]);
          n[g] = true;
        }
      }
    }
  }

  @Override
  void merge(Accumulator partial, int[] from, int[] to, int count) {
    LongMinMaxAccumulator other = (LongMinMaxAccumulator) partial;
    for (int i = 0; i < count; i++) {
      int f = from[i];
      if (other.seen[f]) {
        int t = to[i];
        long value = other.values[f];
        values[t] = min ? Math.min(values[t], value) : Math.max(values[t], value);
        seen[t] = true;
      }
    }
  }

  @Override
  Column result(int[] groups, int count) {
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[groups[i]];
    }
    return Column.ofLongs(count, out, nullsOf(seen, groups, count));
  }
}
