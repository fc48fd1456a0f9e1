package io.basalt.storage;

import java.util.List;

/**
 * A filter on one column that the scan applies exactly: a row passes when its value lies in any
 * of {@code ranges}, or when it is NULL and {@code matchesNull}. {@code IS NULL} is no ranges with
 * matchesNull; {@code IS NOT NULL} is {@link ValueRange#all()} without it. The predicates of one
 * scan are ANDed. CHAR values compare with trailing blanks ignored.
 */
public record ColumnPredicate(int column, List<ValueRange> ranges, boolean matchesNull) {
  public ColumnPredicate {
    ranges = List.copyOf(ranges);
  }
}
