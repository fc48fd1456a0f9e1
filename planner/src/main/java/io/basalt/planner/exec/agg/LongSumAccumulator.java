package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.storage.StorageException;
import java.util.Arrays;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * SUM and $SUM0 of integer-like values, exact in a long; a sum that leaves the result type's
 * range fails with 22003 rather than wrapping around.
 */
final class LongSumAccumulator extends Accumulator {
  private final boolean zeroWhenEmpty;
  private final IntegerRange range;
  private long[] sums = new long[0];
  private boolean[] seen = new boolean[0];

  LongSumAccumulator(int[] args, int filterArg, boolean zeroWhenEmpty, IntegerRange range) {
    super(args, filterArg);
    this.zeroWhenEmpty = zeroWhenEmpty;
    this.range = range;
  }

  @Override
  Accumulator copy() {
    return new LongSumAccumulator(args, filterArg, zeroWhenEmpty, range);
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

  long sum(int group) {
    return sums[group];
  }

  @Override
  void add(Batch batch, int[] groupIds, int count) {
    boolean[] skip = skipped(batch, count, true);
    long[] values = batch.column(args[0]).longs;
    long[] s = sums;
    boolean[] n = seen;
    try {
      if (skip == null) {
        for (int i = 0; i < count; i++) {
          int g = groupIds[i];
          s[g] = Math.addExact(s[g], values[i]);
          n[g] = true;
        }
      } else {
        for (int i = 0; i < count; i++) {
          if (!skip[i]) {
            int g = groupIds[i];
            s[g] = Math.addExact(s[g], values[i]);
            n[g] = true;
          }
        }
      }
    } catch (ArithmeticException e) {
      throw range.overflow();
    }
  }

  @Override
  void merge(Accumulator partial, int[] from, int[] to, int count) {
    LongSumAccumulator other = (LongSumAccumulator) partial;
    try {
      for (int i = 0; i < count; i++) {
        int f = from[i];
        if (other.seen[f]) {
          int t = to[i];
          sums[t] = Math.addExact(sums[t], other.sums[f]);
          seen[t] = true;
        }
      }
    } catch (ArithmeticException e) {
      throw range.overflow();
    }
  }

  @Override
  Column result(int[] groups, int count) {
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = range.check(sums[groups[i]]);
    }
    return Column.ofLongs(count, values, zeroWhenEmpty ? null : nullsOf(seen, groups, count));
  }

  /** The values an integer result type holds, and the error for one it cannot. */
  record IntegerRange(String typeName, long min, long max) {
    static IntegerRange of(SqlTypeName type) {
      return switch (type) {
        case TINYINT -> new IntegerRange("TINYINT", Byte.MIN_VALUE, Byte.MAX_VALUE);
        case SMALLINT -> new IntegerRange("SMALLINT", Short.MIN_VALUE, Short.MAX_VALUE);
        case INTEGER -> new IntegerRange("INTEGER", Integer.MIN_VALUE, Integer.MAX_VALUE);
        default -> new IntegerRange(type.getName(), Long.MIN_VALUE, Long.MAX_VALUE);
      };
    }

    long check(long value) {
      if (value < min || value > max) {
        throw overflow();
      }
      return value;
    }

    StorageException overflow() {
      return new StorageException("22003",
          "Cannot compute aggregate: " + typeName + " out of range");
    }
  }
}
