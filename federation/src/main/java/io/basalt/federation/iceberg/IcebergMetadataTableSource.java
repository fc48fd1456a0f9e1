package io.basalt.federation.iceberg;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.source.ColumnStatistics;
import io.basalt.planner.source.PredicateSupport;
import io.basalt.planner.source.ScanContext;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.SourceStatistics;
import io.basalt.planner.source.TableSource;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.StorageException;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;

/**
 * A metadata table of an Iceberg table ({@code ice."orders$snapshots"}) through the
 * table-source seam: the fixed columns of its {@link MetadataTable}, no pushdown (the engine
 * filters), and rows read from the table as it is when the scan runs, reloaded from the
 * catalog, so a cached plan shows the latest commit.
 */
final class IcebergMetadataTableSource implements TableSource {
  /** The row count assumed when the metadata file does not tell it. */
  private static final double DEFAULT_ROWS = 100;

  private final IcebergTables tables;
  private final String schemaName;
  private final String database;
  private final String tableName;
  private final MetadataTable metadata;
  private final double rows;

  /** {@code table} is the base table as loaded at planning time, for the row estimate. */
  IcebergMetadataTableSource(IcebergTables tables, String schemaName, String database,
      String tableName, MetadataTable metadata, Table table) {
    this.tables = requireNonNull(tables, "tables is null");
    this.schemaName = requireNonNull(schemaName, "schemaName is null");
    this.database = requireNonNull(database, "database is null");
    this.tableName = requireNonNull(tableName, "tableName is null");
    this.metadata = requireNonNull(metadata, "metadata is null");
    this.rows = estimate(metadata, table);
  }

  /** Rows the metadata file counts (snapshots, history, refs, files), a guess otherwise. */
  private static double estimate(MetadataTable metadata, Table table) {
    Snapshot current = table.currentSnapshot();
    return switch (metadata) {
      case SNAPSHOTS -> count(table.snapshots());
      case HISTORY -> table.history().size();
      case REFS -> table.refs().size();
      case FILES -> current == null ? 0 : summed(current, SnapshotSummary.TOTAL_DATA_FILES_PROP,
          SnapshotSummary.TOTAL_DELETE_FILES_PROP);
      case MANIFESTS, PARTITIONS -> current == null ? 0 : DEFAULT_ROWS;
    };
  }

  private static double count(Iterable<?> items) {
    double count = 0;
    for (Object ignored : items) {
      count++;
    }
    return count;
  }

  private static double summed(Snapshot snapshot, String... properties) {
    double sum = 0;
    for (String property : properties) {
      try {
        sum += Double.parseDouble(snapshot.summary().getOrDefault(property, "0"));
      } catch (NumberFormatException e) {
        return DEFAULT_ROWS;
      }
    }
    return sum;
  }

  @Override
  public String name() {
    return schemaName + "." + tableName + "$" + metadata.suffix();
  }

  @Override
  public String kind() {
    return "iceberg-metadata";
  }

  @Override
  public List<ColumnDefinition> columns() {
    return metadata.columns();
  }

  @Override
  public SourceStatistics statistics() {
    return new SourceStatistics() {
      @Override
      public OptionalDouble rowCount() {
        return OptionalDouble.of(rows);
      }

      @Override
      public ColumnStatistics column(int index) {
        return ColumnStatistics.UNKNOWN;
      }
    };
  }

  @Override
  public PredicateSupport support(ColumnPredicate predicate) {
    return PredicateSupport.NONE;
  }

  @Override
  public SourceScan scan(ScanSpec spec, ScanContext context) {
    Table current = tables.catalog().table(database, tableName).orElseThrow(
        () -> new StorageException("42P01", "Cannot read Iceberg metadata table '" + name()
            + "': table '" + schemaName + "." + tableName + "' no longer exists"));
    return new IcebergMetadataScan(current, metadata, spec, name());
  }
}
