package io.basalt.planner.source;

import org.apache.calcite.schema.TemporalTable;

/**
 * The Calcite table of a source that {@link TableSource#supportsVersions}. Calcite's validator
 * accepts {@code FOR ... AS OF} only on a {@link TemporalTable}; Basalt plans the clause into
 * the scan's {@link ScanSpec#version}, so the system-period columns of SQL:2011 temporal tables,
 * which Calcite asks a temporal table for, do not exist here.
 */
public interface VersionedSourceTable extends SourceTable, TemporalTable {
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
