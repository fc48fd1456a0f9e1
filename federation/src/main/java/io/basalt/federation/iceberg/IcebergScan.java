package io.basalt.federation.iceberg;

import io.basalt.federation.lake.FileSplitReader;
import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.source.ScanMetrics;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.Split;
import io.basalt.planner.source.SplitReader;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.format.FileBatchReader;
import io.basalt.storage.format.FileReadRequest;
import io.basalt.storage.format.FileReaders;
import io.basalt.storage.format.FileSplit;
import io.basalt.storage.format.FormatOptions;
import io.basalt.storage.format.ParquetFooters;
import io.basalt.storage.format.ScanCounters;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.metrics.ScanReport;
import org.apache.iceberg.types.Types;

/**
 * One execution's scan of an Iceberg table at one snapshot: Iceberg plans the data files,
 * pruning manifests by partition summaries and files by partition values and column bounds,
 * and each file's row-group ranges become splits that Basalt's Parquet reader reads, finding
 * columns by field id (so renamed and added columns read right in files written before).
 */
final class IcebergScan implements SourceScan {
  /** Data files are split into ranges of about this many bytes (whole row groups). */
  static final long TARGET_SPLIT_BYTES = 32L << 20;
  private static final int BATCH_ROWS = 65_536;

  private final ObjectStore store;
  private final Table table;
  private final Snapshot snapshot;
  private final Schema schema;
  private final ScanSpec spec;
  private final String name;
  private final List<ColumnDefinition> tableColumns;
  private final ScanMetrics metrics = new ScanMetrics();
  private final FormatOptions options = FormatOptions.parquet();
  private List<Split> splits;
  private volatile ScanReport report;

  /** {@code snapshot} is null for a table that has never been written. */
  IcebergScan(ObjectStore store, Table table, Snapshot snapshot, Schema schema, ScanSpec spec,
      String name) {
    this.store = store;
    this.table = table;
    this.snapshot = snapshot;
    this.schema = schema;
    this.spec = spec;
    this.name = name;
    this.tableColumns = IcebergTypes.columns(schema, name);
  }

  /** A row-group range of one data file. */
  private record IcebergSplit(FileSplit file) implements Split {
    @Override
    public String description() {
      return file.file().uri() + " [" + file.start() + ", " + (file.start() + file.length())
          + ")";
    }
  }

  /** The snapshot read, or null for a table without one; shown by EXPLAIN ANALYZE. */
  Snapshot snapshot() {
    return snapshot;
  }

  /** What Iceberg's planning reported (manifests and files scanned and skipped), once planned. */
  ScanReport report() {
    return report;
  }

  @Override
  public synchronized List<Split> splits(int partitions) {
    if (splits != null) {
      return splits;
    }
    List<Split> found = new ArrayList<>();
    if (snapshot != null) {
      TableScan scan = table.newScan().useSnapshot(snapshot.snapshotId())
          .filter(IcebergFilters.of(spec.predicates(), schema))
          .metricsReporter(r -> {
            if (r instanceof ScanReport scanReport) {
              report = scanReport;
            }
          });
      try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
        for (FileScanTask task : tasks) {
          check(task);
          for (FileScanTask part : task.split(TARGET_SPLIT_BYTES)) {
            found.add(new IcebergSplit(new FileSplit(new ObjectInfo(
                ObjectUri.parse(part.file().location()), part.file().fileSizeInBytes(), 0),
                part.start(), part.length())));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (org.apache.iceberg.exceptions.NotFoundException e) {
        throw new StorageException("58P01", "Cannot read Iceberg table '" + name + "': "
            + e.getMessage(), e);
      }
    }
    splits = List.copyOf(found);
    return splits;
  }

  private void check(FileScanTask task) {
    if (task.file().format() != org.apache.iceberg.FileFormat.PARQUET) {
      throw new StorageException("0A000", "Cannot read Iceberg table '" + name + "': data file '"
          + task.file().location() + "' is " + task.file().format()
          + "; Basalt reads Parquet data files only");
    }
    if (!task.deletes().isEmpty()) {
      throw new StorageException("0A000", "Cannot read Iceberg table '" + name + "': data file '"
          + task.file().location() + "' has delete files, which Basalt does not apply yet");
    }
  }

  @Override
  public SplitReader open(Split split, BooleanSupplier canceled) {
    FileSplit file = ((IcebergSplit) split).file();
    int[] requested = spec.columns();
    // A scan that needs no column (COUNT(*)) still reads one to learn the rows' count.
    boolean countOnly = requested.length == 0;
    int[] fileColumns = countOnly ? new int[] {0} : requested;
    TypeName[] types = new TypeName[fileColumns.length];
    // The footer is read once per split, counted with the split's bytes (Iceberg's manifests
    // already told the file sizes, so listing reads no footer).
    ScanCounters counters = new ScanCounters();
    ParquetFooters footers = new ParquetFooters(counters);
    List<ColumnDefinition> columns = fileColumns(file.file(), footers);
    for (int i = 0; i < types.length; i++) {
      types[i] = columns.get(fileColumns[i]).type().name();
    }
    FileBatchReader reader = FileReaders.open(store, file, new FileReadRequest(columns,
        fileColumns, spec.predicates(), options, canceled, counters, BATCH_ROWS), footers);
    return new FileSplitReader(reader, types, counters, metrics, file.file().uri(),
        read -> countOnly ? new Batch(read.size(), new Column[0]) : read);
  }

  /**
   * The table's columns named as this file names them: found by field id, or by name in a file
   * written without ids; a column the file lacks gets a name no file column has, so it reads as
   * NULL (a column added after the file was written).
   */
  private List<ColumnDefinition> fileColumns(ObjectInfo file, ParquetFooters footers) {
    Map<Integer, String> byId = footers.topLevelNamesById(store, file);
    List<ColumnDefinition> columns = new ArrayList<>();
    for (int c = 0; c < tableColumns.size(); c++) {
      Types.NestedField field = schema.columns().get(c);
      ColumnDefinition column = tableColumns.get(c);
      String fileName = byId.isEmpty() ? field.name()
          : byId.getOrDefault(field.fieldId(), "\u0000absent field " + field.fieldId());
      columns.add(new ColumnDefinition(fileName, column.type(), true, null));
    }
    return columns;
  }

  @Override
  public ScanMetrics metrics() {
    return metrics;
  }

  /** The snapshot read and what Iceberg's planning pruned: data files and manifests. */
  @Override
  public String details() {
    if (snapshot == null) {
      return "snapshot=none";
    }
    ScanReport planned = report;
    if (planned == null) {
      return "snapshot=" + snapshot.snapshotId();
    }
    var counts = planned.scanMetrics();
    return "snapshot=" + snapshot.snapshotId() + " data files=" + counts.resultDataFiles().value()
        + " of " + (counts.resultDataFiles().value() + counts.skippedDataFiles().value())
        + " manifests=" + counts.scannedDataManifests().value() + " of "
        + counts.totalDataManifests().value();
  }
}
