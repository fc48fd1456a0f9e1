package io.basalt.federation.iceberg;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.StorageBatches;
import io.basalt.planner.source.ScanMetrics;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.Split;
import io.basalt.planner.source.SplitReader;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.format.ArrayRowBatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.exceptions.RuntimeIOException;
import org.apache.iceberg.io.CloseableIterable;

/**
 * One execution's scan of a metadata table: a single split whose rows {@link MetadataTable}
 * reads from the table as loaded when the scan was resolved, turned into engine batches of the
 * scan's columns.
 */
final class IcebergMetadataScan implements SourceScan {
  private static final int BATCH_ROWS = 4096;

  private final Table table;
  private final MetadataTable metadata;
  private final int[] columns;
  private final List<ColumnType> types = new ArrayList<>();
  private final TypeName[] typeNames;
  private final String name;
  private final ScanMetrics metrics = new ScanMetrics();

  IcebergMetadataScan(Table table, MetadataTable metadata, ScanSpec spec, String name) {
    this.table = table;
    this.metadata = metadata;
    this.columns = spec.columns();
    this.typeNames = new TypeName[columns.length];
    for (int i = 0; i < columns.length; i++) {
      ColumnType type = metadata.columns().get(columns[i]).type();
      types.add(type);
      typeNames[i] = type.name();
    }
    this.name = name;
  }

  /** The whole metadata table: its rows come from one place and are few next to data files. */
  private record MetadataSplit(String description) implements Split {}

  @Override
  public List<Split> splits(int partitions) {
    return List.of(new MetadataSplit(name));
  }

  @Override
  public SplitReader open(Split split, BooleanSupplier canceled) {
    metrics.addSplitsRead(1);
    CloseableIterable<Object[]> rows = reading(() -> metadata.rows(table));
    Iterator<Object[]> iterator = reading(rows::iterator);
    return new SplitReader() {
      @Override
      public Batch next() {
        if (canceled.getAsBoolean()) {
          throw new StorageException("57014", "Query was canceled");
        }
        ArrayRowBatch.Builder batch = ArrayRowBatch.builder(types, BATCH_ROWS);
        Object[] projected = new Object[columns.length];
        while (batch.rowCount() < BATCH_ROWS && reading(iterator::hasNext)) {
          Object[] row = reading(iterator::next);
          for (int i = 0; i < columns.length; i++) {
            projected[i] = row[columns[i]];
          }
          batch.append(projected);
        }
        if (batch.rowCount() == 0) {
          return null;
        }
        metrics.addRowsRead(batch.rowCount());
        metrics.addRowsReturned(batch.rowCount());
        return StorageBatches.toBatch(batch.build(), typeNames);
      }

      @Override
      public void close() {
        try {
          rows.close();
        } catch (IOException e) {
          throw new StorageException("58030", "Cannot read " + quoted() + ": " + e.getMessage(),
              e);
        }
      }
    };
  }

  /** Runs a step that reads Iceberg metadata files, naming the table in what it throws. */
  private <T> T reading(Supplier<T> step) {
    try {
      return step.get();
    } catch (NotFoundException e) {
      throw new StorageException("58P01", "Cannot read " + quoted() + ": " + e.getMessage(), e);
    } catch (RuntimeIOException e) {
      throw new StorageException("58030", "Cannot read " + quoted() + ": " + e.getMessage(), e);
    }
  }

  private String quoted() {
    return "Iceberg metadata table '" + name + "'";
  }

  @Override
  public ScanMetrics metrics() {
    return metrics;
  }

  /** The snapshot whose metadata was read. */
  @Override
  public String details() {
    return table.currentSnapshot() == null ? "snapshot=none"
        : "snapshot=" + table.currentSnapshot().snapshotId();
  }
}
