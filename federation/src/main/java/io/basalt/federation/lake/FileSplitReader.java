package io.basalt.federation.lake;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.StorageBatches;
import io.basalt.planner.source.ScanMetrics;
import io.basalt.planner.source.SplitReader;
import io.basalt.storage.RowBatch;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.format.FileBatchReader;
import io.basalt.storage.format.ScanCounters;
import io.basalt.storage.format.ScanCounts;
import io.basalt.storage.objectstore.ObjectUri;
import java.util.function.UnaryOperator;

/**
 * One file split read as engine batches, for every table kind whose rows are files in the
 * object store (external tables, Iceberg tables): the storage reader's batches converted to the
 * engine's columns, reshaped for the scan's output, and the reader's counters added to the
 * scan's metrics once, when the split is closed.
 */
public final class FileSplitReader implements SplitReader {
  private final FileBatchReader reader;
  private final TypeName[] fileTypes;
  private final ScanCounters counters;
  private final ScanMetrics metrics;
  private final ObjectUri file;
  private final UnaryOperator<Batch> shape;
  private boolean closed;

  /**
   * A reader of {@code reader}'s batches, whose columns have {@code fileTypes}; {@code shape}
   * turns each into the scan's output (e.g. adds constant partition columns); {@code counters}
   * are the ones the storage reader counts into.
   */
  public FileSplitReader(FileBatchReader reader, TypeName[] fileTypes, ScanCounters counters,
      ScanMetrics metrics, ObjectUri file, UnaryOperator<Batch> shape) {
    this.reader = requireNonNull(reader, "reader is null");
    this.fileTypes = fileTypes.clone();
    this.counters = requireNonNull(counters, "counters is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.file = requireNonNull(file, "file is null");
    this.shape = requireNonNull(shape, "shape is null");
    metrics.addSplitsRead(1);
  }

  @Override
  public Batch next() {
    if (!reader.hasNext()) {
      return null;
    }
    RowBatch rows = reader.next();
    Batch out = shape.apply(StorageBatches.toBatch(rows, fileTypes));
    metrics.addRowsReturned(out.size());
    return out;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      reader.close();
    } catch (Exception e) {
      throw new StorageException("58030", "Cannot close '" + file + "': " + e.getMessage(), e);
    } finally {
      ScanCounts counts = counters.snapshot();
      metrics.addBytesRead(counts.bytesRead());
      metrics.addRowsRead(counts.rowsRead());
      metrics.addFilesRead(counts.filesRead());
      metrics.addBlocks(counts.rowGroupsRead(), counts.rowGroupsSkipped());
    }
  }
}
