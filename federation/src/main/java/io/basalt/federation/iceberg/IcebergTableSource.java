package io.basalt.federation.iceberg;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.source.ColumnStatistics;
import io.basalt.planner.source.PredicateSupport;
import io.basalt.planner.source.ScanContext;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.SourceStatistics;
import io.basalt.planner.source.TableSource;
import io.basalt.planner.source.TableVersion;
import io.basalt.storage.StorageException;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An Iceberg table through the table-source seam. Its columns are those of the schema current
 * when the statement is planned; the snapshot is resolved when the scan runs (the table's
 * current one), so a cached plan reads the latest commit. Predicates are exact: Iceberg prunes
 * files by partition values and column bounds, and Basalt's Parquet reader skips row groups and
 * filters the rest row by row.
 */
final class IcebergTableSource implements TableSource {
  private final IcebergTables tables;
  private final String schemaName;
  private final String database;
  private final Table table;
  private final Schema schema;
  private final List<ColumnDefinition> columns;
  private final boolean rowPositions;
  /** The version whose schema {@link #schema} is, when it is not the current one. */
  private final @Nullable TableVersion pinned;

  /**
   * The table; with {@code rowPositions}, its row-positions view, whose columns end with
   * {@code $file} (the data file's location) and {@code $pos} (the row's position in it): what
   * DELETE, UPDATE and MERGE read to name the rows they change.
   */
  IcebergTableSource(IcebergTables tables, String schemaName, String database, Table table,
      boolean rowPositions) {
    this(tables, schemaName, database, table, rowPositions, table.schema(), null);
  }

  private IcebergTableSource(IcebergTables tables, String schemaName, String database,
      Table table, boolean rowPositions, Schema schema, @Nullable TableVersion pinned) {
    this.rowPositions = rowPositions;
    this.tables = requireNonNull(tables, "tables is null");
    this.schemaName = requireNonNull(schemaName, "schemaName is null");
    this.database = requireNonNull(database, "database is null");
    this.table = requireNonNull(table, "table is null");
    this.schema = requireNonNull(schema, "schema is null");
    this.pinned = pinned;
    List<ColumnDefinition> data = IcebergTypes.columns(schema, name());
    if (rowPositions) {
      data = new java.util.ArrayList<>(data);
      data.add(new ColumnDefinition(FILE_COLUMN, IcebergScan.FILE_TYPE, false, null));
      data.add(new ColumnDefinition(POSITION_COLUMN,
          io.basalt.storage.ColumnType.of(io.basalt.storage.TypeName.BIGINT), false, null));
    }
    this.columns = List.copyOf(data);
  }

  static final String FILE_COLUMN = "$file";
  static final String POSITION_COLUMN = "$pos";

  Table table() {
    return table;
  }

  @Override
  public String name() {
    return schemaName + "." + tableName();
  }

  private String tableName() {
    String full = table.name();
    return full.substring(full.lastIndexOf('.') + 1);
  }

  @Override
  public String kind() {
    return "iceberg";
  }

  @Override
  public List<ColumnDefinition> columns() {
    return columns;
  }

  /**
   * This table as of {@code version}, with the columns of the schema that version's snapshot
   * was written with; this source itself when that is the current schema, when there is no such
   * snapshot (the scan then says so), and for the row-positions view, which DML reads with the
   * current columns.
   */
  IcebergTableSource atVersion(TableVersion version) {
    if (rowPositions || pinned != null) {
      return this;
    }
    Snapshot snapshot;
    try {
      snapshot = snapshot(table, version);
    } catch (StorageException e) {
      return this;
    }
    Integer schemaId = snapshot == null ? null : snapshot.schemaId();
    Schema old = schemaId == null ? null : table.schemas().get(schemaId);
    if (old == null || schemaId == table.schema().schemaId()) {
      return this;
    }
    return new IcebergTableSource(tables, schemaName, database, table, false, old, version);
  }

  @Override
  public SourceStatistics statistics() {
    if (pinned != null) {
      // Statistics are of the current snapshot's columns; an old schema's may differ.
      return SourceStatistics.UNKNOWN;
    }
    Snapshot current = table.currentSnapshot();
    OptionalDouble rows = current == null ? OptionalDouble.of(0)
        : records(current);
    return new SourceStatistics() {
      @Override
      public OptionalDouble rowCount() {
        return rows;
      }

      @Override
      public ColumnStatistics column(int index) {
        if (current == null || rows.isEmpty() || index >= schema.columns().size()) {
          return ColumnStatistics.UNKNOWN;
        }
        return ColumnStatistics.ofDistinct(tables.samples().distinctValues(table, current,
            IcebergTableSource.this, index, rows.getAsDouble()));
      }
    };
  }

  private static OptionalDouble records(Snapshot snapshot) {
    String total = snapshot.summary().get(SnapshotSummary.TOTAL_RECORDS_PROP);
    if (total == null) {
      return OptionalDouble.empty();
    }
    try {
      return OptionalDouble.of(Double.parseDouble(total));
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  @Override
  public PredicateSupport support(ColumnPredicate predicate) {
    return predicate.column() < schema.columns().size() ? PredicateSupport.EXACT
        : PredicateSupport.NONE;
  }

  @Override
  public boolean supportsVersions() {
    return true;
  }

  /**
   * The snapshot a scan of {@code version} reads: the current one, the one with an id, the one
   * a tag or branch points at, or the one current at an instant; an id or name that is not the
   * table's, or an instant before its first snapshot, is an error naming the table (22023).
   */
  private Snapshot snapshot(Table current, TableVersion version) {
    if (version instanceof TableVersion.SnapshotId id) {
      Snapshot snapshot = current.snapshot(id.id());
      if (snapshot == null) {
        throw new StorageException("22023", "Cannot read Iceberg table '" + name()
            + "' at version " + id.id() + ": the table has no snapshot with that id");
      }
      return snapshot;
    } else if (version instanceof TableVersion.Ref ref) {
      Snapshot snapshot = current.snapshot(ref.name());
      if (snapshot == null) {
        throw new StorageException("22023", "Cannot read Iceberg table '" + name()
            + "' at version '" + ref.name() + "': the table has no tag or branch of that name");
      }
      return snapshot;
    } else if (version instanceof TableVersion.AsOfTime time) {
      Snapshot found = null;
      for (var entry : current.history()) {
        if (entry.timestampMillis() <= time.epochMillis()) {
          found = current.snapshot(entry.snapshotId());
        }
      }
      if (found == null) {
        throw new StorageException("22023", "Cannot read Iceberg table '" + name() + "' "
            + time.describe() + ": it is before the table's first snapshot");
      }
      return found;
    }
    return current.currentSnapshot();
  }

  @Override
  public SourceScan scan(ScanSpec spec, ScanContext context) {
    Table current = tables.catalog().table(database, tableName()).orElseThrow(
        () -> new StorageException("42P01", "Cannot read Iceberg table '"
            + name() + "': it no longer exists"));
    IcebergScan scan = new IcebergScan(tables.catalog().store(), tables.plans(), current,
        snapshot(current, pinned != null && spec.version().equals(TableVersion.LATEST)
            ? pinned : spec.version()), schema, spec, name(), context.memory());
    tables.log().record(context.queryId(), context.user(), name(), kind(),
        current.spec().isPartitioned(), scan);
    return scan;
  }
}
