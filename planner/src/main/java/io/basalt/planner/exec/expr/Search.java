package io.basalt.planner.exec.expr;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import io.basalt.planner.exec.QueryContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.apache.calcite.util.TimestampString;

/**
 * SEARCH(x, Sarg): whether x lies in a sorted set of disjoint ranges (IN lists, BETWEEN,
 * comparisons merged by Calcite). Integer-like values (and DECIMALs held as unscaled longs) are
 * tested against closed long ranges by binary search; other values against the bounds directly.
 */
final class Search implements VectorExpression {
  private final VectorExpression operand;
  private final ColumnKind kind;
  private final int scale;
  /** Closed ranges [lows[i], highs[i]] in the operand's long (unscaled) representation. */
  private final long[] lows;
  private final long[] highs;
  /** The same ranges over comparable values, for doubles, strings and wide decimals. */
  private final List<Bounds> bounds;
  /** The strings of an IN list of strings (every range a point), else null. */
  private final Set<Object> points;
  private final RexUnknownAs nullAs;

  private Search(VectorExpression operand, ColumnKind kind, int scale, long[] lows,
      long[] highs, List<Bounds> bounds, RexUnknownAs nullAs) {
    this.operand = operand;
    this.kind = kind;
    this.scale = scale;
    this.lows = lows;
    this.highs = highs;
    this.bounds = bounds;
    this.nullAs = nullAs;
    Set<Object> strings = new HashSet<>();
    for (Bounds range : bounds) {
      if (kind != ColumnKind.STRING || range.low == null || range.lowOpen || range.highOpen
          || !range.low.equals(range.high)) {
        strings = null;
        break;
      }
      strings.add(range.low);
    }
    this.points = strings;
  }

  /** One range over comparable values; a null end is unbounded. */
  record Bounds(Comparable<Object> low, boolean lowOpen, Comparable<Object> high,
      boolean highOpen) {
    boolean contains(Object value) {
      if (low != null) {
        int c = low.compareTo(value);
        if (c > 0 || c == 0 && lowOpen) {
          return false;
        }
      }
      if (high != null) {
        int c = high.compareTo(value);
        return c > 0 || c == 0 && !highOpen;
      }
      return true;
    }
  }

  /** The compiled search, or null when the Sarg's values are of an unsupported type. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Search of(VectorExpression operand, ColumnKind kind, int scale, Sarg<?> sarg) {
    List<Bounds> bounds = new ArrayList<>();
    List<long[]> longRanges = new ArrayList<>();
    for (Range<?> range : sarg.rangeSet.asRanges()) {
      Comparable low = range.hasLowerBound() ? value(range.lowerEndpoint(), kind) : null;
      Comparable high = range.hasUpperBound() ? value(range.upperEndpoint(), kind) : null;
      if (range.hasLowerBound() && low == null || range.hasUpperBound() && high == null) {
        return null;
      }
      boolean lowOpen = range.hasLowerBound() && range.lowerBoundType() == BoundType.OPEN;
      boolean highOpen = range.hasUpperBound() && range.upperBoundType() == BoundType.OPEN;
      bounds.add(new Bounds(low, lowOpen, high, highOpen));
      if (kind == ColumnKind.LONG || kind == ColumnKind.DECIMAL) {
        BigDecimal lowValue = low == null ? null : ((BigDecimal) low).movePointRight(
            kind == ColumnKind.DECIMAL ? scale : 0);
        BigDecimal highValue = high == null ? null : ((BigDecimal) high).movePointRight(
            kind == ColumnKind.DECIMAL ? scale : 0);
        long lowLong = lowValue == null ? Long.MIN_VALUE
            : clamp(lowOpen ? lowValue.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE)
                : lowValue.setScale(0, RoundingMode.CEILING));
        long highLong = highValue == null ? Long.MAX_VALUE
            : clamp(highOpen ? highValue.setScale(0, RoundingMode.CEILING)
                .subtract(BigDecimal.ONE) : highValue.setScale(0, RoundingMode.FLOOR));
        if (lowLong <= highLong) {
          longRanges.add(new long[] {lowLong, highLong});
        }
      }
    }
    long[] lows = new long[longRanges.size()];
    long[] highs = new long[longRanges.size()];
    for (int i = 0; i < lows.length; i++) {
      lows[i] = longRanges.get(i)[0];
      highs[i] = longRanges.get(i)[1];
    }
    return new Search(operand, kind, scale, lows, highs, List.copyOf(bounds), sarg.nullAs);
  }

  private static long clamp(BigDecimal integral) {
    if (integral.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Long.MAX_VALUE;
    }
    if (integral.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      return Long.MIN_VALUE;
    }
    return integral.longValueExact();
  }

  /** A Sarg bound as BigDecimal (numbers, dates, timestamps, booleans) or String, or null. */
  private static Comparable<?> value(Object bound, ColumnKind kind) {
    Comparable<?> value;
    if (bound instanceof BigDecimal decimal) {
      value = decimal;
    } else if (bound instanceof NlsString string) {
      value = string.getValue();
    } else if (bound instanceof DateString date) {
      value = BigDecimal.valueOf(date.getDaysSinceEpoch());
    } else if (bound instanceof TimestampString timestamp) {
      value = BigDecimal.valueOf(timestamp.getMillisSinceEpoch());
    } else if (bound instanceof Boolean bool) {
      value = bool ? BigDecimal.ONE : BigDecimal.ZERO;
    } else if (bound instanceof Number number) {
      value = new BigDecimal(number.toString());
    } else {
      return null;
    }
    boolean isString = value instanceof String;
    if (isString != (kind == ColumnKind.STRING)) {
      return null;
    }
    if (kind == ColumnKind.DOUBLE) {
      return ((BigDecimal) value).doubleValue();
    }
    return value;
  }

  @Override
  public Column evaluate(Batch input, QueryContext context) {
    Column a = operand.evaluate(input, context);
    int size = input.size();
    long[] result = new long[size];
    boolean[] nulls = null;
    for (int i = 0; i < size; i++) {
      if (a.isNull(i)) {
        if (nullAs == RexUnknownAs.UNKNOWN) {
          if (nulls == null) {
            nulls = new boolean[size];
          }
          nulls[i] = true;
        } else {
          result[i] = nullAs == RexUnknownAs.TRUE ? 1 : 0;
        }
        continue;
      }
      result[i] = contains(a, i) ? 1 : 0;
    }
    return Column.ofLongs(size, result, nulls);
  }

  /** Whether the non-null value at {@code row} lies in the ranges. */
  boolean contains(Column column, int row) {
    if (column.longs != null && (kind == ColumnKind.LONG
        || kind == ColumnKind.DECIMAL && column.scale == scale)) {
      return containsLong(column.longs[row]);
    }
    if (points != null) {
      return points.contains(column.objects[row]);
    }
    Object value = switch (kind) {
      case DOUBLE -> column.doubles[row];
      case STRING -> column.objects[row];
      default -> Columns.decimal(column, row);
    };
    for (Bounds range : bounds) {
      if (range.contains(value)) {
        return true;
      }
    }
    return false;
  }

  boolean containsLong(long value) {
    int low = 0;
    int high = lows.length - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (value < lows[middle]) {
        high = middle - 1;
      } else if (value > highs[middle]) {
        low = middle + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  VectorExpression operand() {
    return operand;
  }

  RexUnknownAs nullAs() {
    return nullAs;
  }
}
