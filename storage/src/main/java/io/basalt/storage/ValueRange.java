package io.basalt.storage;

/**
 * An interval of column values, in the storage value representation of {@link ColumnType}.
 * A null bound is unbounded on that side. A point is {@code [v, v]} with both bounds inclusive.
 */
public record ValueRange(
    Comparable<?> lower, boolean lowerInclusive, Comparable<?> upper, boolean upperInclusive) {

  public static ValueRange point(Comparable<?> value) {
    return new ValueRange(value, true, value, true);
  }

  public static ValueRange all() {
    return new ValueRange(null, false, null, false);
  }
}
