package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * SUM and $SUM0 of DECIMAL values, always exact: a group's sum is its unscaled long plus, once
 * that long would overflow, a BigDecimal carrying what was moved out of it.
 */
final class DecimalSumAccumulator extends Accumulator {
  /** Group counts up to this add through {@link #addInLanes}. */
  private static final int FEW_GROUPS = 64;
  private static final int LANES = 4;

  private final boolean zeroWhenEmpty;
  private final int scale;
  private long[] sums = new long[0];
  private BigDecimal[] carried;
  private boolean[] seen = new boolean[0];

  DecimalSumAccumulator(int[] args, int filterArg, boolean zeroWhenEmpty, int scale) {
    super(args, filterArg);
    this.zeroWhenEmpty = zeroWhenEmpty;
    this.scale = scale;
  }

  @Override
  Accumulator copy() {
    return new DecimalSumAccumulator(args, filterArg, zeroWhenEmpty, scale);
  }

  @Override
  void ensureCapacity(int groups) {
    if (sums.length < groups) {
      int capacity = grownCapacity(sums.length, groups);
      sums = Arrays.copyOf(sums, capacity);
      seen = Arrays.copyOf(seen, capacity);
      if (carried != null) {
        carried = Arrays.copyOf(carried, capacity);
      }
    }
  }

  @Override
  long bytesPerGroup() {
    return carried == null ? 9 : 17;
  }

  boolean seen(int group) {
    return seen[group];
  }

  /** Group {@code group}'s exact sum at this accumulator's scale. */
  BigDecimal sum(int group) {
    BigDecimal value = BigDecimal.valueOf(sums[group], scale);
    return carried != null && carried[group] != null ? value.add(carried[group]) : value;
  }

  @Override
  void add(Batch batch, int[] groupIds, int count) {
    boolean[] skip = skipped(batch, count, true);
    Column column = batch.column(args[0]);
    if (column.isWideDecimal() || column.scale != scale) {
      for (int i = 0; i < count; i++) {
        if (skip == null || !skip[i]) {
          int g = groupIds[i];
          carry(g, column.decimal(i).setScale(scale));
          seen[g] = true;
        }
      }
      return;
    }
    long[] values = column.longs;
    long[] s = sums;
    boolean[] n = seen;
    if (skip == null && s.length <= FEW_GROUPS && addInLanes(values, groupIds, count)) {
      return;
    }
    for (int i = 0; i < count; i++) {
      if (skip == null || !skip[i]) {
        int g = groupIds[i];
        long before = s[g];
        long value = values[i];
        long after = before + value;
        if (((before ^ after) & (value ^ after)) < 0) {
          carry(g, BigDecimal.valueOf(before, scale));
          after = value;
        }
        s[g] = after;
        n[g] = true;
      }
    }
  }

  /**
   * Adds a batch for few groups: with only a handful of sums, consecutive rows keep updating the
   * same one, and each add waits for the previous; four interleaved lanes of partial sums let
   * them proceed in parallel. False (nothing added) if a lane would overflow a long, so that the
   * exact path redoes the batch.
   */
  private boolean addInLanes(long[] values, int[] groupIds, int count) {
    int groups = sums.length;
    long[] lanes = new long[LANES * groups];
    for (int i = 0; i < count; i++) {
      int index = (i & (LANES - 1)) * groups + groupIds[i];
      long before = lanes[index];
      long value = values[i];
      long after = before + value;
      if (((before ^ after) & (value ^ after)) < 0) {
        return false;
      }
      lanes[index] = after;
    }
    boolean[] n = seen;
    for (int i = 0; i < count; i++) {
      n[groupIds[i]] = true;
    }
    for (int lane = 0; lane < LANES; lane++) {
      for (int g = 0; g < groups; g++) {
        long value = lanes[lane * groups + g];
        if (value == 0) {
          continue;
        }
        long before = sums[g];
        long after = before + value;
        if (((before ^ after) & (value ^ after)) < 0) {
          carry(g, BigDecimal.valueOf(before, scale));
          after = value;
        }
        sums[g] = after;
      }
    }
    return true;
  }

  private void carry(int group, BigDecimal value) {
    if (carried == null) {
      carried = new BigDecimal[sums.length];
    }
    carried[group] = carried[group] == null ? value : carried[group].add(value);
  }

  @Override
  void merge(Accumulator partial, int[] from, int[] to, int count) {
    DecimalSumAccumulator other = (DecimalSumAccumulator) partial;
    for (int i = 0; i < count; i++) {
      int f = from[i];
      if (!other.seen[f]) {
        continue;
      }
      int t = to[i];
      long before = sums[t];
      long value = other.sums[f];
      long after = before + value;
      if (((before ^ after) & (value ^ after)) < 0) {
        carry(t, BigDecimal.valueOf(before, scale));
        after = value;
      }
      sums[t] = after;
      if (other.carried != null && other.carried[f] != null) {
        carry(t, other.carried[f]);
      }
      seen[t] = true;
    }
  }

  @Override
  Column result(int[] groups, int count) {
    boolean[] nulls = zeroWhenEmpty ? null : nullsOf(seen, groups, count);
    boolean anyCarried = false;
    if (carried != null) {
      for (int i = 0; i < count && !anyCarried; i++) {
        anyCarried = carried[groups[i]] != null;
      }
    }
    if (!anyCarried) {
      long[] values = new long[count];
      for (int i = 0; i < count; i++) {
        values[i] = sums[groups[i]];
      }
      return Column.ofDecimals(count, scale, values, nulls);
    }
    Object[] values = new Object[count];
    for (int i = 0; i < count; i++) {
      values[i] = sum(groups[i]);
    }
    return Column.ofBigDecimals(count, scale, values, nulls);
  }
}
