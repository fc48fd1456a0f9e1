package io.basalt.ingest;

import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableWriter;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands parsed rows from the parsing thread to the thread that owns the table writer, in
 * columnar batches, so that parsing and writing overlap. A bounded queue keeps at most a few
 * batches in memory. The producer ends with {@link #finish()} or {@link #fail}; the consumer's
 * {@link #drainTo} then returns or rethrows.
 */
final class RowHandoff {
  private static final int BATCH_ROWS = 4096;
  private static final int QUEUED_BATCHES = 4;

  /** A batch of rows, or the producer's failure. */
  private record Handed(ParsedBatch rows, Throwable failure) {
  }

  private static final Handed END = new Handed(null, null);

  private final BlockingQueue<Handed> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
  /**
   * Batches the writer is done with, for the parser to fill again: a load then allocates a
   * handful of batches instead of one per few thousand rows, which keeps young collections,
   * and so the copying of the rows the writer buffers, rare.
   */
  private final BlockingQueue<ParsedBatch> spare = new ArrayBlockingQueue<>(QUEUED_BATCHES + 2);
  private final List<ColumnType> types;
  private ParsedBatch filling;

  /** A handoff of rows of a table with columns of {@code types}. */
  RowHandoff(List<ColumnType> types) {
    this.types = List.copyOf(types);
    this.filling = new ParsedBatch(this.types, BATCH_ROWS);
  }

  /** Producer: the batch whose {@link ParsedBatch#nextRow() next row} is being filled. */
  ParsedBatch filling() {
    return filling;
  }

  /** Producer: keeps the filled row for {@code slice}, blocking while the consumer is behind. */
  void commitRow(int slice) throws InterruptedException {
    if (filling.commitRow(slice)) {
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
    queue.put(new Handed(null, failure));
  }

  private void flush() throws InterruptedException {
    if (filling.rowCount() > 0) {
      filling.seal();
      queue.put(new Handed(filling, null));
      ParsedBatch reused = spare.poll();
      if (reused != null) {
        reused.clear();
      }
      filling = reused != null ? reused : new ParsedBatch(types, BATCH_ROWS);
    }
  }

  /** Consumer: appends every row until the producer finishes; rethrows a producer failure. */
  void drainTo(TableWriter writer) throws InterruptedException {
    while (true) {
      Handed handed = queue.take();
      if (handed == END) {
        return;
      }
      if (handed.failure() != null) {
        if (handed.failure() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (handed.failure() instanceof Error error) {
          throw error;
        }
        throw new StorageException("XX000", "COPY failed: " + handed.failure(),
            handed.failure());
      }
      writer.append(handed.rows().slices(), handed.rows());
      // The writer copied the values: the batch may be filled again.
      spare.offer(handed.rows());
    }
  }
}
