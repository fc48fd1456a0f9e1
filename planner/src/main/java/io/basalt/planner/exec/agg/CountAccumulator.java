package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import java.util.Arrays;

/** COUNT(*) and COUNT(x, ...): rows admitted by the filter where no argument is NULL. */
final class CountAccumulator extends Accumulator {
  private long[] counts = new long[0];

  CountAccumulator(int[] args, int filterArg) {
    super(args, filterArg);
  }

  @Override
  Accumulator copy() {
    return new CountAccumulator(args, filterArg);
  }

  @Override
  void ensureCapacity(int groups) {
    if (counts.length < groups) {
      counts = Arrays.copyOf(counts, grownCapacity(counts.length, groups));
    }
  }

  @Override
  long bytesPerGroup() {
    return 8;
  }

  long count(int group) {
    return counts[group];
  }

  @Override
  void add(Batch batch, int[] groupIds, int count) {
    boolean[] skip = skipped(batch, count, true);
    long[] c = counts;
    if (skip == null) {
      for (int i = 0; i < count; i++) {
        c[groupIds[i]]++;
      }
    } else {
      for (int i = 0; i < count; i++) {
        if (!skip[i]) {
          c[groupIds[i]]++;
        }
      }
    }
  }

  @Override
  void merge(Accumulator partial, int[] from, int[] to, int count) {
    long[] other = ((CountAccumulator) partial).counts;
    for (int i = 0; i < count; i++) {
      counts[to[i]] += other[from[i]];
    }
  }

  @Override
  Column result(int[] groups, int count) {
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = counts[groups[i]];
    }
    return Column.ofLongs(count, values, null);
  }
}
