package io.basalt.federation.iceberg;

import io.basalt.planner.source.AbstractSourceTable;
import io.basalt.planner.source.TableVersion;
import io.basalt.planner.source.VersionedSourceTable;
import org.apache.calcite.schema.Table;

/**
 * An Iceberg table as Calcite sees it: planning starts from a scan of its source, and
 * {@code FOR VERSION | TIMESTAMP AS OF} picks the snapshot that scan reads.
 */
final class IcebergTable extends AbstractSourceTable implements VersionedSourceTable {
  IcebergTable(IcebergTableSource source) {
    super(source);
  }

  /** The table with the columns {@code version} was written with (see VersionPins). */
  @Override
  public Table atVersion(TableVersion version) {
    IcebergTableSource pinned = ((IcebergTableSource) source()).atVersion(version);
    return pinned == source() ? this : new IcebergTable(pinned);
  }
}
