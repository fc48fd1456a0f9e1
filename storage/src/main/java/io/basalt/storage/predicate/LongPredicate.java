package io.basalt.storage.predicate;

import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ColumnType;
import io.basalt.storage.TypeName;
import io.basalt.storage.ValueRange;
import io.basalt.storage.block.ColumnBlock;
import io.basalt.storage.zonemap.ZoneMap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** A predicate on a long-stored column, its ranges made inclusive in the stored (unscaled) form. */
final class LongPredicate extends BoundPredicate {
  private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final long[] lows;
  private final long[] highs;

  private LongPredicate(int column, boolean matchesNull, long[] lows, long[] highs) {
    super(column, matchesNull);
    this.lows = lows;
    this.highs = highs;
  }

  static LongPredicate bind(int column, ColumnType type, ColumnPredicate predicate) {
    int scale = type.name() == TypeName.DECIMAL ? type.scale() : 0;
    List<long[]> ranges = new ArrayList<>();
    for (ValueRange range : predicate.ranges()) {
      BigInteger low = range.lower() == null ? null
          : least(range.lower(), range.lowerInclusive(), scale);
      BigInteger high = range.upper() == null ? null
          : greatest(range.upper(), range.upperInclusive(), scale);
      if (low != null && low.compareTo(MAX) > 0 || high != null && high.compareTo(MIN) < 0) {
        continue;
      }
      long lowValue = low == null ? Long.MIN_VALUE : clamp(low);
      long highValue = high == null ? Long.MAX_VALUE : clamp(high);
      if (lowValue <= highValue) {
        ranges.add(new long[] {lowValue, highValue});
      }
    }
    long[] lows = new long[ranges.size()];
    long[] highs = new long[ranges.size()];
    for (int i = 0; i < lows.length; i++) {
      lows[i] = ranges.get(i)[0];
      highs[i] = ranges.get(i)[1];
    }
    return new LongPredicate(column, predicate.matchesNull(), lows, highs);
  }

  /** The least stored (unscaled) value the lower bound admits. */
  private static BigInteger least(Comparable<?> bound, boolean inclusive, int scale) {
    if (scale == 0 && isIntegral(bound)) {
      BigInteger v = BigInteger.valueOf(integral(bound));
      return inclusive ? v : v.add(BigInteger.ONE);
    }
    BigDecimal value = decimal(bound).movePointRight(scale);
    return inclusive ? value.setScale(0, RoundingMode.CEILING).toBigInteger()
        : value.setScale(0, RoundingMode.FLOOR).toBigInteger().add(BigInteger.ONE);
  }

  /** The greatest stored (unscaled) value the upper bound admits. */
  private static BigInteger greatest(Comparable<?> bound, boolean inclusive, int scale) {
    if (scale == 0 && isIntegral(bound)) {
      BigInteger v = BigInteger.valueOf(integral(bound));
      return inclusive ? v : v.subtract(BigInteger.ONE);
    }
    BigDecimal value = decimal(bound).movePointRight(scale);
    return inclusive ? value.setScale(0, RoundingMode.FLOOR).toBigInteger()
        : value.setScale(0, RoundingMode.CEILING).toBigInteger().subtract(BigInteger.ONE);
  }

  private static long clamp(BigInteger value) {
    if (value.compareTo(MIN) < 0) {
      return Long.MIN_VALUE;
    }
    if (value.compareTo(MAX) > 0) {
      return Long.MAX_VALUE;
    }
    return value.longValueExact();
  }

  private static boolean isIntegral(Object bound) {
    return bound instanceof Long || bound instanceof Integer || bound instanceof Short
        || bound instanceof Byte || bound instanceof Boolean;
  }

  private static long integral(Object bound) {
    if (bound instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return ((Number) bound).longValue();
  }

  static BigDecimal decimal(Object bound) {
    if (bound instanceof BigDecimal d) {
      return d;
    }
    if (bound instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (bound instanceof Double || bound instanceof Float) {
      double v = ((Number) bound).doubleValue();
      if (Double.isNaN(v)) {
        throw new NumberFormatException("NaN bound");
      }
      if (Double.isInfinite(v)) {
        // Beyond every long in the direction of its sign.
        return v > 0 ? new BigDecimal(MAX).add(BigDecimal.TEN.pow(40))
            : new BigDecimal(MIN).subtract(BigDecimal.TEN.pow(40));
      }
      return new BigDecimal(v);
    }
    if (bound instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (bound instanceof Number n) {
      return BigDecimal.valueOf(n.longValue());
    }
    throw new ClassCastException(bound.getClass().getSimpleName() + " is not numeric");
  }

  @Override
  boolean rangesMayMatch(ZoneMap zone) {
    long min = zone.min() == null ? Long.MIN_VALUE : (Long) zone.min();
    long max = zone.max() == null ? Long.MAX_VALUE : (Long) zone.max();
    for (int i = 0; i < lows.length; i++) {
      if (lows[i] <= max && highs[i] >= min) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean allMatch(ZoneMap zone) {
    if (zone.nulls() > 0 && !matchesNull() || zone.min() == null || zone.max() == null) {
      return false;
    }
    long min = (Long) zone.min();
    long max = (Long) zone.max();
    for (int i = 0; i < lows.length; i++) {
      if (lows[i] <= min && max <= highs[i]) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int filter(ColumnBlock block, int[] positions, int count) {
    long[] values = block.longs();
    boolean[] nulls = block.nulls();
    boolean matchesNull = matchesNull();
    int kept = 0;
    if (lows.length == 1 && nulls == null) {
      long low = lows[0];
      long high = highs[0];
      for (int i = 0; i < count; i++) {
        int row = positions[i];
        long v = values[row];
        if (v >= low && v <= high) {
          positions[kept++] = row;
        }
      }
      return kept;
    }
    for (int i = 0; i < count; i++) {
      int row = positions[i];
      boolean pass;
      if (nulls != null && nulls[row]) {
        pass = matchesNull;
      } else {
        long v = values[row];
        pass = false;
        for (int r = 0; r < lows.length; r++) {
          if (v >= lows[r] && v <= highs[r]) {
            pass = true;
            break;
          }
        }
      }
      if (pass) {
        positions[kept++] = row;
      }
    }
    return kept;
  }
}
