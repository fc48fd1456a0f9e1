package io.basalt.planner.source;

/**
 * One independently readable part of a scan: a share of a native table's slices, a file or a
 * range of a file's row groups, an Iceberg data file with its deletes, or a remote query. The
 * engine spreads splits over its partitions; a source reads a split in {@link SourceScan#open}.
 */
public interface Split {
  /** What the split covers, for messages and EXPLAIN ANALYZE, e.g. a file URI and range. */
  String description();
}
