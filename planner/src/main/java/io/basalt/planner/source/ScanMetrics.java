package io.basalt.planner.source;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one scan, added to by every split as it reads (per batch or per file, never per
 * row): bytes fetched, rows decoded and returned, files and splits, blocks (native blocks or
 * Parquet row groups) read and skipped, and partitions qualified out of the total.
 */
public final class ScanMetrics {
  private final LongAdder bytesRead = new LongAdder();
  private final LongAdder rowsRead = new LongAdder();
  private final LongAdder rowsReturned = new LongAdder();
  private final LongAdder filesRead = new LongAdder();
  private final LongAdder splitsRead = new LongAdder();
  private final LongAdder blocksRead = new LongAdder();
  private final LongAdder blocksSkipped = new LongAdder();
  private volatile long partitionsTotal;
  private volatile long partitionsQualified;

  /** An immutable reading of the counters. */
  public record Counts(long bytesRead, long rowsRead, long rowsReturned, long filesRead,
      long splitsRead, long blocksRead, long blocksSkipped, long partitionsTotal,
      long partitionsQualified) {}

  public void addBytesRead(long bytes) {
    bytesRead.add(bytes);
  }

  public void addRowsRead(long rows) {
    rowsRead.add(rows);
  }

  public void addRowsReturned(long rows) {
    rowsReturned.add(rows);
  }

  public void addFilesRead(long files) {
    filesRead.add(files);
  }

  public void addSplitsRead(long splits) {
    splitsRead.add(splits);
  }

  public void addBlocks(long read, long skipped) {
    blocksRead.add(read);
    blocksSkipped.add(skipped);
  }

  /** Records partition pruning, decided once per scan when its splits are listed. */
  public void setPartitions(long total, long qualified) {
    partitionsTotal = total;
    partitionsQualified = qualified;
  }

  public Counts counts() {
    return new Counts(bytesRead.sum(), rowsRead.sum(), rowsReturned.sum(), filesRead.sum(),
        splitsRead.sum(), blocksRead.sum(), blocksSkipped.sum(), partitionsTotal,
        partitionsQualified);
  }
}
