package io.basalt.planner.source;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
import java.util.List;
import java.util.Optional;

/**
 * A table as the planner and the engine see it, whatever holds its rows. The planner asks for
 * the row type ({@link #columns}), the {@link #statistics} and what the source takes pushed down
 * ({@link #support} for each predicate, {@link #supportsLimit}); the engine asks the {@link
 * SourceScan} that {@link #scan} returns for splits and reads each split as engine batches.
 *
 * <p>Implementations are immutable descriptions of one table as the catalog knows it at planning
 * time; anything that changes with commits (a snapshot, a file listing) is resolved in {@link
 * #scan}, once per query execution, so a cached plan reads fresh data.
 */
public interface TableSource {
  /** The qualified name used in messages, EXPLAIN and system tables, e.g. {@code spectrum.sales}. */
  String name();

  /** A short word for the kind of table in EXPLAIN and system tables: native, parquet, csv, ... */
  String kind();

  /** The columns, in row-type order. */
  List<ColumnDefinition> columns();

  /** What is known of the rows, for costing. */
  SourceStatistics statistics();

  /** How the source treats a predicate over {@link #columns} indexes when it is pushed. */
  PredicateSupport support(ColumnPredicate predicate);

  /** Whether a scan may stop after {@link ScanSpec#limit} rows (the engine still applies it). */
  default boolean supportsLimit() {
    return false;
  }

  /**
   * Whether the table has versions a query can name ({@code FOR VERSION AS OF},
   * {@code FOR TIMESTAMP AS OF}); {@link #scan} then reads {@link ScanSpec#version}. Planning
   * refuses time travel on any other source, so the others only ever see {@link
   * TableVersion#LATEST}. The Calcite table of a source that says true implements {@link
   * VersionedSourceTable}.
   */
  default boolean supportsVersions() {
    return false;
  }

  /**
   * How the planner may run work above this table's scans in the database that holds it (see
   * {@link SqlPushdown}); empty for sources that are not SQL databases, and for remote tables
   * with a column whose values the database and Basalt read or compare differently.
   */
  default Optional<SqlPushdown> sqlPushdown() {
    return Optional.empty();
  }

  /** How rows are placed on slices, for co-located joins and aggregations. */
  default SourceDistribution distribution() {
    return SourceDistribution.NONE;
  }

  /**
   * Resolves the table for one execution of a scan: the snapshot, files or remote query to read
   * (for {@link ScanSpec#version} when it is not {@link TableVersion#LATEST}). Called when the
   * query runs, not when it is planned.
   */
  SourceScan scan(ScanSpec spec, ScanContext context);
}
