package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import java.util.Arrays;

/** MIN and MAX of floating-point values, compared as Calcite's lesser/greater do ({@code >}). */
final class DoubleMinMaxAccumulator extends Accumulator {
  private final boolean min;
  private double[] values = new double[0];
  private boolean[] seen = new boolean[0];

  DoubleMinMaxAccumulator(int[] args, int filterArg, boolean min) {
    super(args, filterArg);
    this.min = min;
  }

  @Override
  Accumulator copy() {
    return new DoubleMinMaxAccumulator(args, filterArg, min);
  }

  @Override
  void ensureCapacity(int groups) {
    if (values.length < groups) {
      int old = values.length;
      int capacity = grownCapacity(old, groups);
      values = Arrays.copyOf(values, capacity);
      seen = Arrays.copyOf(seen, capacity);
      Arrays.fill(values, old, capacity,
          min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
    }
  }

  @Override
  long bytesPerGroup() {
    return 9;
  }

  private double combine(double current, double value) {
    if (min) {
      return current > value ? value : current;
    }
    return current > value ? current : value;
  }

  @Override
  void add(Batch batch, int[] groupIds, int count) {
    boolean[] skip = skipped(batch, count, true);
    double[] input = batch.column(args[0]).doubles;
    for (int i = 0; i < count; i++) {
      if (skip == null || !skip[i]) {
        int g = groupIds[i];
        values[g] = combine(values[g], input[i]);
        seen[g] = true;
      }
    }
  }

  @Override
  void merge(Accumulator partial, int[] from, int[] to, int count) {
    DoubleMinMaxAccumulator other = (DoubleMinMaxAccumulator) partial;
    for (int i = 0; i < count; i++) {
      int f = from[i];
      if (other.seen[f]) {
        values[to[i]] = combine(values[to[i]], other.values[f]);
        seen[to[i]] = true;
      }
    }
  }

  @Override
  Column result(int[] groups, int count) {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = values[groups[i]];
    }
    return Column.ofDoubles(count, out, nullsOf(seen, groups, count));
  }
}
