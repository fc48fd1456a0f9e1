package io.basalt.federation.iceberg;

import io.basalt.federation.lake.FileSplitReader;
import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.MemoryTracker;
import io.basalt.planner.exec.StorageBatches;
import io.basalt.planner.source.ScanMetrics;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.Split;
import io.basalt.planner.source.SplitReader;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.format.FileBatchReader;
import io.basalt.storage.format.FileReadRequest;
import io.basalt.storage.format.FileReaders;
import io.basalt.storage.format.FileSplit;
import io.basalt.storage.format.FormatOptions;
import io.basalt.storage.format.ParquetFooters;
import io.basalt.storage.format.RowPositions;
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
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.metrics.ScanReport;
import org.apache.iceberg.types.Types;
import org.roaringbitmap.RoaringBitmap;

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
  static final ColumnType FILE_TYPE = ColumnType.varchar(IcebergTypes.STRING_LENGTH);

  private final ObjectStore store;
  private final ScanPlans plans;
  private final Table table;
  private final Snapshot snapshot;
  private final Schema schema;
  private final ScanSpec spec;
  private final String name;
  private final List<ColumnDefinition> tableColumns;
  private final ScanMetrics metrics = new ScanMetrics();
  private final FormatOptions options = FormatOptions.parquet();
  private List<Split> splits;
  /** The deleted positions of each data file with delete files, read once per scan. */
  private final RowDeletes rowDeletes;
  private volatile ScanReport report;

  /**
   * {@code snapshot} is null for a table that has never been written; {@code memory} is the
   * query's budget, charged for the equality delete keys the scan holds.
   */
  IcebergScan(ObjectStore store, ScanPlans plans, Table table, Snapshot snapshot, Schema schema,
      ScanSpec spec, String name, MemoryTracker memory) {
    this.store = store;
    this.plans = plans;
    this.table = table;
    this.snapshot = snapshot;
    this.schema = schema;
    this.spec = spec;
    this.name = name;
    this.tableColumns = IcebergTypes.columns(schema, name);
    this.rowDeletes = new RowDeletes(store, table, name, memory);
  }

  /**
   * A row-group range of one data file, with the file's location as Iceberg records it and the
   * delete files that apply to it.
   */
  private record IcebergSplit(FileSplit file, String location, List<DeleteFile> deletes)
      implements Split {
    @Override
    public String description() {
      return file.file().uri() + " [" + file.start() + ", " + (file.start() + file.length())
          + ")";
    }
  }

  @Override
  public synchronized List<Split> splits(int partitions) {
    if (splits != null) {
      return splits;
    }
    if (snapshot == null) {
      splits = List.of();
      return splits;
    }
    ScanPlans.Plan plan = plans.plan(new ScanPlans.Key(table.uuid().toString(),
        snapshot.snapshotId(), schema.schemaId(), spec.predicates()), this::plan);
    report = plan.report();
    splits = plan.splits();
    return splits;
  }

  /** Iceberg's planning of the snapshot's files that the predicates may match, as splits. */
  private ScanPlans.Plan plan() {
    List<Split> found = new ArrayList<>();
    ScanReport[] planned = new ScanReport[1];
    TableScan scan = table.newScan().useSnapshot(snapshot.snapshotId())
        .filter(IcebergFilters.of(spec.predicates(), schema))
        .metricsReporter(r -> {
          if (r instanceof ScanReport scanReport) {
            planned[0] = scanReport;
          }
        });
    try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
      for (FileScanTask task : tasks) {
        check(task);
        for (FileScanTask part : task.split(TARGET_SPLIT_BYTES)) {
          found.add(new IcebergSplit(new FileSplit(new ObjectInfo(
              ObjectUri.parse(part.file().location()), part.file().fileSizeInBytes(), 0),
              part.start(), part.length()), part.file().location(),
              List.copyOf(task.deletes())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (org.apache.iceberg.exceptions.NotFoundException e) {
      throw new StorageException("58P01", "Cannot read Iceberg table '" + name + "': "
          + e.getMessage(), e);
    }
    // The report arrives when the planning's iterable is closed.
    return new ScanPlans.Plan(found, planned[0]);
  }

  private void check(FileScanTask task) {
    if (task.file().format() != org.apache.iceberg.FileFormat.PARQUET) {
      throw new StorageException("0A000", "Cannot read Iceberg table '" + name + "': data file '"
          + task.file().location() + "' is " + task.file().format()
          + "; Basalt reads Parquet data files only");
    }
  }

  @Override
  public SplitReader open(Split split, BooleanSupplier canceled) {
    IcebergSplit iceberg = (IcebergSplit) split;
    FileSplit file = iceberg.file();
    int width = tableColumns.size();
    int[] requested = spec.columns();
    // The data columns to read; $file and $pos (of the row-positions view) come from the split
    // and from the reader's position column.
    int[] fileColumns = java.util.Arrays.stream(requested).filter(c -> c < width).toArray();
    boolean positions = java.util.Arrays.stream(requested).anyMatch(c -> c == width + 1);
    // A scan that needs no data column (COUNT(*)) still reads one to learn the rows' count.
    boolean noColumn = fileColumns.length == 0;
    if (noColumn) {
      fileColumns = new int[] {0};
    }
    // The footer is read once per split, counted with the split's bytes (Iceberg's manifests
    // already told the file sizes, so listing reads no footer).
    ScanCounters counters = new ScanCounters();
    ParquetFooters footers = new ParquetFooters(counters);
    List<ColumnDefinition> columns = fileColumns(file.file(), footers);
    TypeName[] types = new TypeName[fileColumns.length + (positions ? 1 : 0)];
    for (int i = 0; i < fileColumns.length; i++) {
      types[i] = columns.get(fileColumns[i]).type().name();
    }
    if (positions) {
      types[fileColumns.length] = TypeName.BIGINT;
    }
    RoaringBitmap deleted = rowDeletes.of(iceberg.location(), file.file(), iceberg.deletes(),
        footers, canceled, counters);
    FileBatchReader reader = FileReaders.open(store, file, new FileReadRequest(columns,
        fileColumns, spec.predicates(), options, canceled, counters, BATCH_ROWS)
        .withPositions(new RowPositions(deleted, positions)), footers);
    int[] read = fileColumns;
    return new FileSplitReader(reader, types, counters, metrics, file.file().uri(),
        batch -> shape(batch, requested, read, iceberg.location()));
  }

  /** A batch of the file's columns (and positions) in the scan's requested order. */
  private Batch shape(Batch batch, int[] requested, int[] fileColumns, String location) {
    int width = tableColumns.size();
    Column[] out = new Column[requested.length];
    int next = 0;
    for (int i = 0; i < requested.length; i++) {
      if (requested[i] < width) {
        out[i] = batch.column(next++);
      } else if (requested[i] == width) {
        out[i] = StorageBatches.constant(FILE_TYPE, location, batch.size());
      } else {
        out[i] = batch.column(fileColumns.length);
      }
    }
    return new Batch(batch.size(), out);
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
      columns.add(new ColumnDefinition(nameInFile(byId, schema.columns().get(c)),
          tableColumns.get(c).type(), true, null));
    }
    return columns;
  }

  /**
   * The name of {@code field} in a file whose top-level fields have names {@code byId}: by field
   * id, or the field's own name in a file written without ids; a name no file column has when
   * the file lacks the field.
   */
  static String nameInFile(Map<Integer, String> byId, Types.NestedField field) {
    return byId.isEmpty() ? field.name()
        : byId.getOrDefault(field.fieldId(), "\u0000absent field " + field.fieldId());
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
