package io.basalt.planner.exec.join;

import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import java.util.Arrays;

/**
 * All-NULL columns for the fields a residual condition does not read, in O(1): they share
 * read-only arrays of {@link HashJoinOperator#CHUNK} entries (longer than the column, which only
 * ever reads its first {@code size}), so skipping a gather costs no allocation per row.
 */
final class Placeholders {
  private static final long[] LONGS = new long[HashJoinOperator.CHUNK];
  private static final double[] DOUBLES = new double[HashJoinOperator.CHUNK];
  private static final Object[] OBJECTS = new Object[HashJoinOperator.CHUNK];
  private static final boolean[] NULLS = new boolean[HashJoinOperator.CHUNK];

  static {
    Arrays.fill(NULLS, true);
  }

  private Placeholders() {}

  static Column of(ColumnKind kind, int scale, int size) {
    return switch (kind) {
      case LONG -> Column.ofLongs(size, LONGS, NULLS);
      case DOUBLE -> Column.ofDoubles(size, DOUBLES, NULLS);
      case STRING -> Column.ofStrings(size, OBJECTS, NULLS);
      case DECIMAL -> Column.ofDecimals(size, scale, LONGS, NULLS);
    };
  }
}
