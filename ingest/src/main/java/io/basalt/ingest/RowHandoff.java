package io.basalt.ingest;

import io.basalt.storage.StorageException;
import io.basalt.storage.TableWriter;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands parsed rows from the parsing thread to the thread that owns the table writer, in
 * batches, so that parsing and writing overlap. A bounded queue keeps at most a few batches in
 * memory. The producer ends with {@link #finish()} or {@link #fail}; the consumer's
 * {@link #drainTo} then returns or rethrows.
 */
final class RowHandoff {
  private static final int BATCH_ROWS = 4096;
  private static final int QUEUED_BATCHES = 4;

  /** A run of rows with their slices; {@code count} of them are filled. */
  private record Batch(int[] slices, Object[][] rows, int count, Throwable failure) {
  }

  private static final Batch END = new Batch(new int[0], new Object[0][], 0, null);

  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
  private int[] slices = new int[BATCH_ROWS];
  private Object[][] rows = new Object[BATCH_ROWS][];
  private int count;

  /** Producer: queues one row, blocking while the consumer is behind. */
  void add(int slice, Object[] row) throws InterruptedException {
    slices[count] = slice;
    rows[count] = row;
    if (++count == BATCH_ROWS) {
      flush();
    }
  }

  /** Producer: all rows were added. */
  void finish() throws InterruptedException {
    flush();
    queue.put(END);
  }

  /** Producer: parsing failed; the consumer rethrows {@code failure}. */
  void fail(Throwable failure) throws InterruptedException {
    queue.put(new Batch(null, null, 0, failure));
  }

  private void flush() throws InterruptedException {
    if (count > 0) {
      queue.put(new Batch(slices, rows, count, null));
      slices = new int[BATCH_ROWS];
      rows = new Object[BATCH_ROWS][];
      count = 0;
    }
  }

  /** Consumer: appends every row until the producer finishes; rethrows a producer failure. */
  void drainTo(TableWriter writer) throws InterruptedException {
    while (true) {
      Batch batch = queue.take();
      if (batch == END) {
        return;
      }
      if (batch.failure() != null) {
        if (batch.failure() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (batch.failure() instanceof Error error) {
          throw error;
        }
        throw new StorageException("XX000", "COPY failed: " + batch.failure(), batch.failure());
      }
      int[] batchSlices = batch.slices();
      Object[][] batchRows = batch.rows();
      for (int i = 0; i < batch.count(); i++) {
        writer.append(batchSlices[i], batchRows[i]);
      }
    }
  }
}
