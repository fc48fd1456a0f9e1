package io.basalt.storage.predicate;

import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ValueRange;
import io.basalt.storage.block.ColumnBlock;
import io.basalt.storage.zonemap.ZoneMap;
import java.math.BigDecimal;
import java.util.List;

/** A predicate on a decimal column wider than 18 digits, by {@link BigDecimal#compareTo}. */
final class DecimalPredicate extends BoundPredicate {
  private final int count;
  private final BigDecimal[] lows;
  private final BigDecimal[] highs;
  private final boolean[] lowInclusive;
  private final boolean[] highInclusive;

  private DecimalPredicate(int column, boolean matchesNull, List<ValueRange> ranges) {
    super(column, matchesNull);
    count = ranges.size();
    lows = new BigDecimal[count];
    highs = new BigDecimal[count];
    lowInclusive = new boolean[count];
    highInclusive = new boolean[count];
    for (int i = 0; i < count; i++) {
      ValueRange range = ranges.get(i);
      lows[i] = range.lower() == null ? null : LongPredicate.decimal(range.lower());
      lowInclusive[i] = range.lowerInclusive();
      highs[i] = range.upper() == null ? null : LongPredicate.decimal(range.upper());
      highInclusive[i] = range.upperInclusive();
    }
  }

  static DecimalPredicate bind(int column, ColumnPredicate predicate) {
    return new DecimalPredicate(column, predicate.matchesNull(), predicate.ranges());
  }

  private boolean passes(BigDecimal v) {
    for (int r = 0; r < count; r++) {
      if (lows[r] != null) {
        int c = v.compareTo(lows[r]);
        if (c < 0 || c == 0 && !lowInclusive[r]) {
          continue;
        }
      }
      if (highs[r] != null) {
        int c = v.compareTo(highs[r]);
        if (c > 0 || c == 0 && !highInclusive[r]) {
          continue;
        }
      }
      return true;
    }
    return false;
  }

  @Override
  boolean rangesMayMatch(ZoneMap zone) {
    BigDecimal min = (BigDecimal) zone.min();
    BigDecimal max = (BigDecimal) zone.max();
    for (int r = 0; r < count; r++) {
      if (highs[r] != null && min != null) {
        int c = min.compareTo(highs[r]);
        if (c > 0 || c == 0 && !highInclusive[r]) {
          continue;
        }
      }
      if (lows[r] != null && max != null) {
        int c = max.compareTo(lows[r]);
        if (c < 0 || c == 0 && !lowInclusive[r]) {
          continue;
        }
      }
      return true;
    }
    return false;
  }

  @Override
  public int filter(ColumnBlock block, int[] positions, int rows) {
    BigDecimal[] values = block.decimals();
    boolean[] nulls = block.nulls();
    int kept = 0;
    for (int i = 0; i < rows; i++) {
      int row = positions[i];
      boolean pass = nulls != null && nulls[row] ? matchesNull() : passes(values[row]);
      if (pass) {
        positions[kept++] = row;
      }
    }
    return kept;
  }

  @Override
  int filterObjects(Object[] values, boolean[] nulls, int[] positions, int rows) {
    return filterObjects(values, nulls, positions, rows, value -> passes((BigDecimal) value));
  }
}
