package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import java.util.Arrays;

/** SUM and $SUM0 of floating-point values. */
final class DoubleSumAccumulator extends Accumulator {
  private final boolean zeroWhenEmpty;
  private double[] sums = new double[0];
  private boolean[] seen = new boolean[0];

  DoubleSumAccumulator(int[] args, int filterArg, boolean zeroWhenEmpty) {
    super(args, filterArg);
    this.zeroWhenEmpty = zeroWhenEmpty;
  }

  @Override
  Accumulator copy() {
    return new DoubleSumAccumulator(args, filterArg, zeroWhenEmpty);
  }

  @Override
  void ensureCapacity(int groups) {
    if (sums.length < groups) {
      int capacity = grownCapacity(sums.length, groups);
      sums = Arrays.copyOf(sums, capacity);
      seen = Arrays.copyOf(seen, capacity);
    }
  }

  @Override
  long bytesPerGroup() {
    return 9;
  }

  boolean seen(int group) {
    return seen[group];
  }

  double sum(int group) {
    return sums[group];
  }

  @Override
  void add(Batch batch, int[] groupIds, int count) {
    boolean[] skip = skipped(batch, count, true);
    double[] values = batch.column(args[0]).doubles;
    double[] s = sums;
    boolean[] n = seen;
    if (skip == null) {
      for (int i = 0; i < count; i++) {
        int g = groupIds[i];
        s[g] += values[i];
        n[g] = true;
      }
    } else {
      for (int i = 0; i < count; i++) {
        if (!skip[i]) {
          int g = groupIds[i];
          s[g] += values[i];
          n[g] = true;
        }
      }
    }
  }

  @Override
  void merge(Accumulator partial, int[] from, int[] to, int count) {
    DoubleSumAccumulator other = (DoubleSumAccumulator) partial;
    for (int i = 0; i < count; i++) {
      int f = from[i];
      if (other.seen[f]) {
        sums[to[i]] += other.sums[f];
        seen[to[i]] = true;
      }
    }
  }

  @Override
  Column result(int[] groups, int count) {
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = sums[groups[i]];
    }
    return Column.ofDoubles(count, values, zeroWhenEmpty ? null : nullsOf(seen, groups, count));
  }
}
