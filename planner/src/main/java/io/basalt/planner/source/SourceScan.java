package io.basalt.planner.source;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One execution's scan of a source, resolved by {@link TableSource#scan}: every split it lists
 * reads the same version of the table. Thread-safe: the engine's partitions open splits
 * concurrently.
 */
public interface SourceScan {
  /**
   * The splits to read when the engine runs {@code partitions} pipelines; split i goes to
   * pipeline i mod partitions.
   */
  List<Split> splits(int partitions);

  /**
   * Whether, with {@code partitions} pipelines, the splits of one pipeline hold every row of the
   * distribution key values they hold (so rows with equal keys meet in one pipeline). Only a
   * source with a KEY {@link TableSource#distribution} can answer true.
   */
  default boolean alignedWithDistribution(int partitions) {
    return false;
  }

  /** Opens a split; {@code canceled} is polled between batches (SQLSTATE 57014 once true). */
  SplitReader open(Split split, BooleanSupplier canceled);

  /** What this scan read so far, over all its splits. */
  ScanMetrics metrics();

  /**
   * What else EXPLAIN ANALYZE shows of this scan once it has listed its splits, e.g. the
   * snapshot an Iceberg scan read and the data files it pruned; empty when nothing.
   */
  default String details() {
    return "";
  }
}
