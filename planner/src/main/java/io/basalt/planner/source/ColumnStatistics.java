package io.basalt.planner.source;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What is known of one column's values: nulls, distinct values (an estimate), and the smallest
 * and largest value in the storage representation.
 */
public record ColumnStatistics(OptionalLong nullCount, OptionalDouble distinctCount,
    Optional<Comparable<?>> min, Optional<Comparable<?>> max) {
  /** Nothing known. */
  public static final ColumnStatistics UNKNOWN = new ColumnStatistics(OptionalLong.empty(),
      OptionalDouble.empty(), Optional.empty(), Optional.empty());

  public ColumnStatistics {
    requireNonNull(nullCount, "nullCount is null");
    requireNonNull(distinctCount, "distinctCount is null");
    requireNonNull(min, "min is null");
    requireNonNull(max, "max is null");
  }

  /** Only the distinct count is known. */
  public static ColumnStatistics ofDistinct(double distinct) {
    return new ColumnStatistics(OptionalLong.empty(), OptionalDouble.of(distinct),
        Optional.empty(), Optional.empty());
  }
}
