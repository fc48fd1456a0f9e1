package io.basalt.storage.predicate;

import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ValueRange;
import io.basalt.storage.block.ColumnBlock;
import io.basalt.storage.zonemap.ZoneMap;
import java.util.List;

/** A predicate on a REAL or DOUBLE column; NaN sorts above every number, -0.0 equals 0.0. */
final class DoublePredicate extends BoundPredicate {
  private final int count;
  private final double[] lows;
  private final double[] highs;
  private final boolean[] lowInclusive;
  private final boolean[] highInclusive;

  private DoublePredicate(int column, boolean matchesNull, List<ValueRange> ranges) {
    super(column, matchesNull);
    count = ranges.size();
    lows = new double[count];
    highs = new double[count];
    lowInclusive = new boolean[count];
    highInclusive = new boolean[count];
    for (int i = 0; i < count; i++) {
      ValueRange range = ranges.get(i);
      lows[i] = range.lower() == null ? Double.NEGATIVE_INFINITY : number(range.lower());
      lowInclusive[i] = range.lower() == null || range.lowerInclusive();
      highs[i] = range.upper() == null ? Double.NaN : number(range.upper());
      highInclusive[i] = range.upper() == null || range.upperInclusive();
    }
  }

  static DoublePredicate bind(int column, ColumnPredicate predicate) {
    return new DoublePredicate(column, predicate.matchesNull(), predicate.ranges());
  }

  private static double number(Object bound) {
    if (bound instanceof Number n) {
      return n.doubleValue();
    }
    throw new ClassCastException(bound.getClass().getSimpleName() + " is not numeric");
  }

  static int compare(double a, double b) {
    if (a < b) {
      return -1;
    }
    if (a > b) {
      return 1;
    }
    return a == b ? 0 : Double.compare(a, b);
  }

  private boolean inRange(int r, double v) {
    int low = compare(v, lows[r]);
    int high = compare(v, highs[r]);
    return (low > 0 || low == 0 && lowInclusive[r]) && (high < 0 || high == 0 && highInclusive[r]);
  }

  @Override
  boolean rangesMayMatch(ZoneMap zone) {
    double min = zone.min() == null ? Double.NEGATIVE_INFINITY : (Double) zone.min();
    double max = zone.max() == null ? Double.NaN : (Double) zone.max();
    for (int r = 0; r < count; r++) {
      int belowHigh = compare(min, highs[r]);
      int aboveLow = compare(max, lows[r]);
      if ((belowHigh < 0 || belowHigh == 0 && highInclusive[r])
          && (aboveLow > 0 || aboveLow == 0 && lowInclusive[r])) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int filter(ColumnBlock block, int[] positions, int rows) {
    double[] values = block.doubles();
    boolean[] nulls = block.nulls();
    boolean matchesNull = matchesNull();
    int kept = 0;
    for (int i = 0; i < rows; i++) {
      int row = positions[i];
      boolean pass;
      if (nulls != null && nulls[row]) {
        pass = matchesNull;
      } else {
        pass = false;
        double v = values[row];
        for (int r = 0; r < count && !pass; r++) {
          pass = inRange(r, v);
        }
      }
      if (pass) {
        positions[kept++] = row;
      }
    }
    return kept;
  }
}
