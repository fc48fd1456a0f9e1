package io.basalt.federation.iceberg;

import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ValueRange;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Types;

/**
 * Pushed predicates as an Iceberg filter expression, which Iceberg evaluates on manifests'
 * partition summaries and on each data file's column bounds to prune files. Only pruning
 * depends on it (the Parquet reader applies the predicates exactly), so a range it cannot
 * express exactly becomes {@code alwaysTrue}, never a narrower filter.
 */
final class IcebergFilters {
  private IcebergFilters() {}

  static Expression of(List<ColumnPredicate> predicates, Schema schema) {
    Expression all = Expressions.alwaysTrue();
    for (ColumnPredicate predicate : predicates) {
      // Predicates on the row-positions view's $file and $pos columns are not data columns.
      if (predicate.column() < schema.columns().size()) {
        all = Expressions.and(all, of(predicate, schema.columns().get(predicate.column())));
      }
    }
    return all;
  }

  private static Expression of(ColumnPredicate predicate, Types.NestedField field) {
    String name = field.name();
    Expression any = predicate.matchesNull() ? Expressions.isNull(name)
        : Expressions.alwaysFalse();
    for (ValueRange range : predicate.ranges()) {
      Expression bounded = range(range, field);
      if (bounded == null) {
        return Expressions.alwaysTrue();
      }
      any = Expressions.or(any, bounded);
    }
    return any;
  }

  /** One range as a conjunction of bounds; null when a bound has no exact Iceberg literal. */
  private static Expression range(ValueRange range, Types.NestedField field) {
    String name = field.name();
    if (range.lower() == null && range.upper() == null) {
      return Expressions.notNull(name);
    }
    Object lower = range.lower() == null ? null : IcebergTypes.toLiteral(range.lower(),
        field.type());
    Object upper = range.upper() == null ? null : IcebergTypes.toLiteral(range.upper(),
        field.type());
    if ((range.lower() != null && lower == null) || (range.upper() != null && upper == null)) {
      return null;
    }
    if (lower != null && upper != null && range.lowerInclusive() && range.upperInclusive()
        && lower.equals(upper)) {
      return Expressions.equal(name, lower);
    }
    Expression bounds = Expressions.alwaysTrue();
    if (lower != null) {
      bounds = Expressions.and(bounds, range.lowerInclusive()
          ? Expressions.greaterThanOrEqual(name, lower) : Expressions.greaterThan(name, lower));
    }
    if (upper != null) {
      bounds = Expressions.and(bounds, range.upperInclusive()
          ? Expressions.lessThanOrEqual(name, upper) : Expressions.lessThan(name, upper));
    }
    return bounds;
  }
}
