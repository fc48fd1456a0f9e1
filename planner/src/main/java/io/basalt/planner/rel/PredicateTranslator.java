package io.basalt.planner.rel;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ColumnType;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ValueRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.apache.calcite.util.TimestampString;

/**
 * The one translation from Calcite's {@link RexNode} to the store's Calcite-free predicate model.
 * It accepts a conjunct only when the store can evaluate it exactly: a column compared with a
 * literal ({@code = < <= > >=}), a {@code SEARCH} over literal ranges, IS [NOT] NULL.
 */
final class PredicateTranslator {
  private PredicateTranslator() {}

  /** The store predicate for a condition over the table's full row, if it has one. */
  static Optional<ColumnPredicate> translate(RexNode condition, List<ColumnDefinition> table) {
    if (!(condition instanceof RexCall call)) {
      return Optional.empty();
    }
    return switch (call.getKind()) {
      case IS_NULL -> column(call.getOperands().get(0))
          .map(c -> new ColumnPredicate(c, List.of(), true));
      case IS_NOT_NULL -> column(call.getOperands().get(0))
          .map(c -> new ColumnPredicate(c, List.of(ValueRange.all()), false));
      case EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL ->
          comparison(call, table);
      case SEARCH -> search(call, table);
      default -> Optional.empty();
    };
  }

  private static Optional<Integer> column(RexNode node) {
    return node instanceof RexInputRef ref ? Optional.of(ref.getIndex()) : Optional.empty();
  }

  private static Optional<ColumnPredicate> comparison(RexCall call, List<ColumnDefinition> table) {
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    if (left instanceof RexLiteral && right instanceof RexInputRef) {
      RexNode swap = left;
      left = right;
      right = swap;
      kind = kind.reverse();
    }
    if (!(left instanceof RexInputRef ref) || !(right instanceof RexLiteral literal)
        || literal.isNull()) {
      return Optional.empty();
    }
    ColumnType type = table.get(ref.getIndex()).type();
    Comparable<?> value = toStorage(literalValue(literal), type);
    if (value == null) {
      return Optional.empty();
    }
    ValueRange range = switch (kind) {
      case EQUALS -> ValueRange.point(value);
      case LESS_THAN -> new ValueRange(null, false, value, false);
      case LESS_THAN_OR_EQUAL -> new ValueRange(null, false, value, true);
      case GREATER_THAN -> new ValueRange(value, false, null, false);
      default -> new ValueRange(value, true, null, false);
    };
    return Optional.of(new ColumnPredicate(ref.getIndex(), List.of(range), false));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Optional<ColumnPredicate> search(RexCall call, List<ColumnDefinition> table) {
    if (!(call.getOperands().get(0) instanceof RexInputRef ref)
        || !(call.getOperands().get(1) instanceof RexLiteral literal)) {
      return Optional.empty();
    }
    Sarg<?> sarg = literal.getValueAs(Sarg.class);
    if (sarg == null) {
      return Optional.empty();
    }
    ColumnType type = table.get(ref.getIndex()).type();
    List<ValueRange> ranges = new ArrayList<>();
    for (Object object : sarg.rangeSet.asRanges()) {
      Range<?> range = (Range<?>) object;
      Comparable<?> lower = null;
      Comparable<?> upper = null;
      if (range.hasLowerBound()) {
        lower = toStorage((Comparable) range.lowerEndpoint(), type);
        if (lower == null) {
          return Optional.empty();
        }
      }
      if (range.hasUpperBound()) {
        upper = toStorage((Comparable) range.upperEndpoint(), type);
        if (upper == null) {
          return Optional.empty();
        }
      }
      ranges.add(new ValueRange(lower,
          range.hasLowerBound() && range.lowerBoundType() == BoundType.CLOSED, upper,
          range.hasUpperBound() && range.upperBoundType() == BoundType.CLOSED));
    }
    return Optional.of(new ColumnPredicate(ref.getIndex(), ranges,
        sarg.nullAs == RexUnknownAs.TRUE));
  }

  /**
   * A literal's value in the form Sarg ranges use too ({@link RexLiteral#getValue()} would give
   * dates and timestamps as Calendars).
   */
  private static Comparable<?> literalValue(RexLiteral literal) {
    return switch (literal.getTypeName()) {
      case DATE -> literal.getValueAs(DateString.class);
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> literal.getValueAs(TimestampString.class);
      case CHAR, VARCHAR -> literal.getValueAs(NlsString.class);
      case BOOLEAN -> literal.getValueAs(Boolean.class);
      case DECIMAL, INTEGER, BIGINT, SMALLINT, TINYINT, DOUBLE, REAL, FLOAT ->
          literal.getValueAs(BigDecimal.class);
      default -> null;
    };
  }

  /**
   * A literal value in the store's representation for the column type, or null when the
   * comparison cannot be evaluated exactly in the store (it then stays in the plan).
   */
  static Comparable<?> toStorage(Comparable<?> value, ColumnType type) {
    if (value == null) {
      return null;
    }
    switch (type.name()) {
      case SMALLINT, INTEGER, BIGINT:
        if (value instanceof BigDecimal decimal && isIntegral(decimal)) {
          return decimal.longValueExact();
        }
        return null;
      case DECIMAL:
        return value instanceof BigDecimal decimal ? decimal : null;
      case REAL, DOUBLE:
        if (value instanceof BigDecimal decimal) {
          return decimal.doubleValue();
        }
        return value instanceof Double d ? d : null;
      case CHAR, VARCHAR:
        return value instanceof NlsString string ? string.getValue() : null;
      case DATE:
        return value instanceof DateString date ? date.getDaysSinceEpoch() : null;
      case TIMESTAMP, TIMESTAMPTZ:
        return value instanceof TimestampString timestamp ? timestamp.getMillisSinceEpoch() : null;
      case BOOLEAN:
        return value instanceof Boolean bool ? bool : null;
      default:
        return null;
    }
  }

  private static boolean isIntegral(BigDecimal decimal) {
    return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0
        && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
  }
}
