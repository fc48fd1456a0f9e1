package io.basalt.federation.lake;

import io.basalt.federation.datacatalog.CatalogPartition;
import io.basalt.federation.datacatalog.CatalogTable;
import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.StorageBatches;
import io.basalt.planner.source.ScanMetrics;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.Split;
import io.basalt.planner.source.SplitReader;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One execution's scan of an external table: the partitions that pass the partition-key
 * predicates, the files under their locations, and those files' splits (row-group ranges of
 * Parquet files, whole text and JSON files). Listing happens once, when the engine first asks
 * for splits.
 */
final class ExternalScan implements SourceScan {
  /** Parquet files are split into ranges of about this many bytes (whole row groups). */
  static final long TARGET_SPLIT_BYTES = 32L << 20;
  private static final int BATCH_ROWS = 65_536;

  private final ObjectStore store;
  private final CatalogTable table;
  private final List<CatalogPartition> partitions;
  private final List<ColumnDefinition> columns;
  private final ScanSpec spec;
  private final String name;
  private final int dataCount;
  private final FormatOptions options;
  private final ScanMetrics metrics = new ScanMetrics();
  /** Footer reads while listing splits, counted into the scan's bytes. */
  private final ScanCounters listingCounters = new ScanCounters();
  /** Each Parquet footer is read once per scan: when splitting, reused when reading. */
  private final ParquetFooters footers = new ParquetFooters(listingCounters);
  private List<Split> splits;

  ExternalScan(ObjectStore store, CatalogTable table, List<CatalogPartition> partitions,
      List<ColumnDefinition> columns, ScanSpec spec, String name) {
    this.store = store;
    this.table = table;
    this.partitions = List.copyOf(partitions);
    this.columns = columns;
    this.spec = spec;
    this.name = name;
    this.dataCount = table.columns().size();
    this.options = LakeTables.options(table);
  }

  /** A file range with the values of the partition it belongs to. */
  private record ExternalSplit(FileSplit file, Object[] partitionValues) implements Split {
    @Override
    public String description() {
      return file.file().uri() + " [" + file.start() + ", " + (file.start() + file.length())
          + ")";
    }
  }

  /** A location to list and the typed values of its partition keys. */
  private record Location(ObjectUri uri, Object[] values) {}

  @Override
  public synchronized List<Split> splits(int partitionCount) {
    if (splits == null) {
      List<Split> found = new ArrayList<>();
      for (Location location : qualifiedLocations()) {
        for (ObjectInfo file : dataFiles(location.uri())) {
          for (FileSplit split : FileReaders.splits(store, file, options, TARGET_SPLIT_BYTES,
              footers)) {
            found.add(new ExternalSplit(split, location.values()));
          }
        }
      }
      splits = List.copyOf(found);
      metrics.addBytesRead(listingCounters.snapshot().bytesRead());
    }
    return splits;
  }

  private List<Location> qualifiedLocations() {
    int keys = table.partitionKeys().size();
    if (keys == 0) {
      metrics.setPartitions(0, 0);
      return List.of(new Location(ObjectUri.parse(table.location()), new Object[0]));
    }
    List<Location> locations = new ArrayList<>();
    for (CatalogPartition partition : partitions) {
      Object[] values = new Object[keys];
      String where = describe(partition);
      for (int k = 0; k < keys; k++) {
        ColumnDefinition key = columns.get(dataCount + k);
        values[k] = PartitionValues.parse(partition.values().get(k), key.type(), key.name(),
            where);
      }
      if (passes(values)) {
        locations.add(new Location(ObjectUri.parse(partition.location()), values));
      }
    }
    metrics.setPartitions(partitions.size(), locations.size());
    return locations;
  }

  private String describe(CatalogPartition partition) {
    StringBuilder text = new StringBuilder("(");
    for (int k = 0; k < partition.values().size(); k++) {
      text.append(k == 0 ? "" : ", ").append(table.partitionKeys().get(k).name()).append('=')
          .append(partition.values().get(k));
    }
    return text.append(") of '").append(name).append("'").toString();
  }

  private boolean passes(Object[] values) {
    for (ColumnPredicate predicate : spec.predicates()) {
      if (predicate.column() >= dataCount
          && !PartitionValues.matches(predicate, values[predicate.column() - dataCount])) {
        return false;
      }
    }
    return true;
  }

  /** The files below a location, without hidden ones (names starting with {@code _} or {@code .}). */
  private List<ObjectInfo> dataFiles(ObjectUri location) {
    ObjectUri prefix = location.asPrefix();
    List<ObjectInfo> files = new ArrayList<>();
    for (ObjectInfo file : store.list(prefix, null).objects()) {
      String relative = file.uri().key().substring(Math.min(prefix.key().length(),
          file.uri().key().length()));
      if (!isHidden(relative)) {
        files.add(file);
      }
    }
    return files;
  }

  static boolean isHidden(String relativeKey) {
    for (String segment : relativeKey.split("/")) {
      if (segment.startsWith("_") || segment.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public SplitReader open(Split split, BooleanSupplier canceled) {
    ExternalSplit external = (ExternalSplit) split;
    int[] requested = spec.columns();
    // Positions of the requested data columns among the columns the file reader returns.
    List<Integer> fileColumns = new ArrayList<>();
    int[] fromFile = new int[requested.length];
    for (int i = 0; i < requested.length; i++) {
      if (requested[i] < dataCount) {
        fromFile[i] = fileColumns.size();
        fileColumns.add(requested[i]);
      } else {
        fromFile[i] = -1;
      }
    }
    // A scan that needs no data column (COUNT(*), partition keys only) still reads one to learn
    // the rows' count.
    boolean countOnly = fileColumns.isEmpty();
    if (countOnly && dataCount > 0) {
      fileColumns.add(0);
    }
    List<ColumnPredicate> dataPredicates = new ArrayList<>();
    for (ColumnPredicate predicate : spec.predicates()) {
      if (predicate.column() < dataCount) {
        dataPredicates.add(predicate);
      }
    }
    TypeName[] fileTypes = new TypeName[fileColumns.size()];
    int[] fileIndexes = new int[fileColumns.size()];
    for (int i = 0; i < fileIndexes.length; i++) {
      fileIndexes[i] = fileColumns.get(i);
      fileTypes[i] = columns.get(fileIndexes[i]).type().name();
    }
    ScanCounters counters = new ScanCounters();
    FileBatchReader reader = FileReaders.open(store, external.file(), new FileReadRequest(
        columns.subList(0, dataCount), fileIndexes, dataPredicates, options, canceled, counters,
        BATCH_ROWS), footers);
    return new FileSplitReader(reader, fileTypes, counters, metrics, external.file().file().uri(),
        read -> {
          Column[] out = new Column[requested.length];
          for (int i = 0; i < out.length; i++) {
            out[i] = fromFile[i] >= 0 ? read.column(fromFile[i])
                : StorageBatches.constant(columns.get(requested[i]).type(),
                    external.partitionValues()[requested[i] - dataCount], read.size());
          }
          return new Batch(read.size(), out);
        });
  }

  @Override
  public ScanMetrics metrics() {
    return metrics;
  }
}
