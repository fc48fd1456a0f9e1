package io.basalt.federation.iceberg;

import io.basalt.planner.source.AbstractSourceTable;
import io.basalt.planner.source.VersionedSourceTable;

/**
 * An Iceberg table as Calcite sees it: planning starts from a scan of its source, and
 * {@code FOR VERSION | TIMESTAMP AS OF} picks the snapshot that scan reads.
 */
final class IcebergTable extends AbstractSourceTable implements VersionedSourceTable {
  IcebergTable(IcebergTableSource source) {
    super(source);
  }
}
