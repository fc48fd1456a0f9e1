package io.basalt.federation.iceberg;

import static java.util.Objects.requireNonNull;

import io.basalt.federation.lake.ListedTables;
import io.basalt.federation.lake.ScanLog;
import io.basalt.planner.cost.SourceSampler;
import io.basalt.planner.source.TableSource;
import io.basalt.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.schema.Table;
import org.apache.iceberg.Snapshot;

/**
 * The Iceberg tables of one server as the planner sees them: Calcite tables over {@link
 * IcebergTableSource}s and, for names such as {@code orders$snapshots}, over {@link
 * IcebergMetadataTableSource}s, looked up in the catalog on every call so that a table created
 * by any session is visible at once, and what their scans share (the scan log of
 * {@code SVL_S3QUERY_SUMMARY}, sampled distinct counts per snapshot).
 */
public final class IcebergTables implements ListedTables {
  /** Rows read to sample one column. */
  static final long SAMPLE_ROWS = 1_000_000;

  private final IcebergCatalog catalog;
  private final ScanLog log;
  private final Samples samples = new Samples();
  private final ScanPlans plans = new ScanPlans();

  public IcebergTables(IcebergCatalog catalog, ScanLog log) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.log = requireNonNull(log, "log is null");
  }

  IcebergCatalog catalog() {
    return catalog;
  }

  ScanLog log() {
    return log;
  }

  Samples samples() {
    return samples;
  }

  ScanPlans plans() {
    return plans;
  }

  /**
   * The Calcite table of Iceberg table {@code name} in {@code database}, if there is one. Other
   * than {@link #ROW_POSITIONS}, a name with a {@code $} is the metadata table after its last
   * {@code $} (whatever that suffix's case) of the table before it, and 42P01 when the table has
   * no such metadata table.
   */
  public Optional<Table> table(String schemaName, String database, String name) {
    if (name.endsWith(ROW_POSITIONS)) {
      String base = name.substring(0, name.length() - ROW_POSITIONS.length());
      return catalog.table(database, base).map(t -> new IcebergTable(
          new IcebergTableSource(this, schemaName, database, t, true)));
    }
    int dollar = name.lastIndexOf('$');
    if (dollar >= 0) {
      return metadataTable(schemaName, database, name.substring(0, dollar),
          name.substring(dollar + 1));
    }
    return catalog.table(database, name).map(t -> new IcebergTable(
        new IcebergTableSource(this, schemaName, database, t, false)));
  }

  /**
   * The suffix of a table's row-positions view ({@code "orders$row_positions"}), which DML reads;
   * like Trino's {@code $path} hidden column, it can be queried but is not listed.
   */
  static final String ROW_POSITIONS = "$row_positions";

  private Optional<Table> metadataTable(String schemaName, String database, String tableName,
      String suffix) {
    Optional<org.apache.iceberg.Table> base = catalog.table(database, tableName);
    if (base.isEmpty()) {
      return Optional.empty();
    }
    MetadataTable metadata = MetadataTable.of(suffix).orElseThrow(() -> new StorageException(
        "42P01", "Cannot read \"" + tableName + "$" + suffix + "\": Iceberg tables have no "
            + "metadata table \"" + suffix + "\" (expected snapshots, history, files, "
            + "manifests, partitions or refs)"));
    return Optional.of(new IcebergMetadataTable(new IcebergMetadataTableSource(this, schemaName,
        database, tableName, metadata, base.get())));
  }

  public Set<String> tableNames(String database) {
    return catalog.tableNames(database);
  }

  /** The database's Iceberg tables as SVV_EXTERNAL_TABLES and SVV_EXTERNAL_COLUMNS list them. */
  @Override
  public List<Listed> tables(String database) {
    List<Listed> listed = new ArrayList<>();
    for (String name : tableNames(database)) {
      org.apache.iceberg.Table table = catalog.table(database, name).orElse(null);
      if (table == null) {
        continue; // dropped since it was listed
      }
      List<Column> columns = new ArrayList<>();
      for (org.apache.iceberg.types.Types.NestedField field : table.schema().columns()) {
        columns.add(new Column(field.name(), field.type().toString(), field.isOptional()));
      }
      java.util.Map<String, String> parameters = new java.util.TreeMap<>(table.properties());
      parameters.put("table_type", "ICEBERG");
      if (table.currentSnapshot() != null) {
        parameters.put("current-snapshot-id",
            Long.toString(table.currentSnapshot().snapshotId()));
      }
      listed.add(new Listed(name, "ICEBERG", table.location(), parameters, columns));
    }
    return listed;
  }

  /** Distinct counts per column of one snapshot, sampled once: snapshots never change. */
  static final class Samples {
    private record Key(String uuid, long snapshot, int column) {}

    private final Map<Key, Double> distinct = new ConcurrentHashMap<>();

    double distinctValues(org.apache.iceberg.Table table, Snapshot snapshot, TableSource source,
        int column, double rows) {
      Key key = new Key(table.uuid().toString(), snapshot.snapshotId(), column);
      return distinct.computeIfAbsent(key,
          k -> SourceSampler.distinctValues(source, column, rows, SAMPLE_ROWS));
    }
  }
}
