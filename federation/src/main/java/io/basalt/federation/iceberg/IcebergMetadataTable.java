package io.basalt.federation.iceberg;

import io.basalt.planner.source.AbstractSourceTable;

/**
 * A metadata table of an Iceberg table as Calcite sees it, planned as a scan of its source. It
 * is read-only: {@code IcebergStatements} refuses statements that would change it.
 */
final class IcebergMetadataTable extends AbstractSourceTable {
  IcebergMetadataTable(IcebergMetadataTableSource source) {
    // A metadata table is small: a few rows per snapshot or file.
    super(source, 1);
  }
}
