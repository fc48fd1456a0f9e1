package io.basalt.planner.source;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.TemporalTable;

/**
 * The Calcite table of a source that {@link TableSource#supportsVersions}. Calcite's validator
 * accepts {@code FOR ... AS OF} only on a {@link TemporalTable}; Basalt plans the clause into
 * the scan's {@link ScanSpec#version}, so the system-period columns of SQL:2011 temporal tables,
 * which Calcite asks a temporal table for, do not exist here.
 */
public interface VersionedSourceTable extends SourceTable, TemporalTable {
  /**
   * The table as it was at {@code version}: its columns are those of the schema that version
   * was written with, and its scans read that version. This table itself when the columns are
   * the same, or when the version does not exist (the scan then reports it). The planner asks
   * for it when a query names a literal version; an expression evaluated per execution reads
   * with the current columns.
   */
  default Table atVersion(TableVersion version) {
    return this;
  }

  /** No system-period column: versions are the source's snapshots, not row periods. */
  @Override
  default String getSysStartFieldName() {
    throw new UnsupportedOperationException(source().name() + " has no system-period column");
  }

  /** No system-period column: versions are the source's snapshots, not row periods. */
  @Override
  default String getSysEndFieldName() {
    throw new UnsupportedOperationException(source().name() + " has no system-period column");
  }
}
