package io.basalt.planner.source;

import java.util.OptionalDouble;

/**
 * What a source knows of its rows, for the optimizer. Every figure is optional: a source that
 * does not know says so rather than guessing. Implementations may compute figures lazily.
 */
public interface SourceStatistics {
  /** The number of rows, when known. */
  OptionalDouble rowCount();

  /** What is known of one column (by index), {@link ColumnStatistics#UNKNOWN} when nothing. */
  ColumnStatistics column(int index);

  /** Statistics that know nothing. */
  SourceStatistics UNKNOWN = new SourceStatistics() {
    @Override
    public OptionalDouble rowCount() {
      return OptionalDouble.empty();
    }

    @Override
    public ColumnStatistics column(int index) {
      return ColumnStatistics.UNKNOWN;
    }
  };
}
