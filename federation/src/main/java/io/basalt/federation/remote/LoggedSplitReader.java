package io.basalt.federation.remote;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.source.SplitReader;

/**
 * A remote split's reader that records in its {@link RemoteQueryLog.Sent} entry the rows and
 * bytes it fetched, the time spent in the remote driver, and how it ended.
 */
final class LoggedSplitReader implements SplitReader {
  private final SplitReader reader;
  private final RemoteQueryLog.Sent sent;

  LoggedSplitReader(SplitReader reader, RemoteQueryLog.Sent sent) {
    this.reader = reader;
    this.sent = sent;
  }

  @Override
  public Batch next() {
    long started = System.nanoTime();
    Batch batch;
    try {
      batch = reader.next();
    } catch (RuntimeException e) {
      sent.waited(System.nanoTime() - started);
      sent.ended(RemoteQueryLog.Status.FAILED);
      throw e;
    }
    sent.waited(System.nanoTime() - started);
    if (batch == null) {
      sent.ended(RemoteQueryLog.Status.DONE);
    } else {
      sent.fetched(batch.size(), valueBytes(batch));
    }
    return batch;
  }

  /**
   * The size of the batch's values as fetched: 8 bytes per number, date or timestamp, 16 per
   * wide decimal, a string's length in characters (nulls count nothing). Not the wire size,
   * which the drivers do not report, but comparable across queries and sources.
   */
  static long valueBytes(Batch batch) {
    long bytes = 0;
    for (int c = 0; c < batch.columnCount(); c++) {
      Column column = batch.column(c);
      int size = batch.size();
      if (column.objects == null) {
        int nulls = 0;
        if (column.nulls != null) {
          for (int row = 0; row < size; row++) {
            nulls += column.nulls[row] ? 1 : 0;
          }
        }
        bytes += 8L * (size - nulls);
        continue;
      }
      for (int row = 0; row < size; row++) {
        Object value = column.objects[row];
        if (value instanceof CharSequence text) {
          bytes += text.length();
        } else if (value != null) {
          bytes += 16;
        }
      }
    }
    return bytes;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } finally {
      sent.ended(RemoteQueryLog.Status.STOPPED);
    }
  }
}
