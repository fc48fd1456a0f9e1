package io.basalt.storage.format;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of what the file readers of one query did; thread-safe, so the readers of all
 * splits may share one instance. {@link #snapshot} reads them.
 */
public final class ScanCounters {
  private final LongAdder bytesRead = new LongAdder();
  private final LongAdder rowsRead = new LongAdder();
  private final LongAdder filesRead = new LongAdder();
  private final LongAdder rowGroupsRead = new LongAdder();
  private final LongAdder rowGroupsSkipped = new LongAdder();
  private final LongAdder splits = new LongAdder();

  void addBytesRead(long bytes) {
    bytesRead.add(bytes);
  }

  void addRowsRead(long rows) {
    rowsRead.add(rows);
  }

  void addFileRead() {
    filesRead.increment();
  }

  void addRowGroupRead() {
    rowGroupsRead.increment();
  }

  void addRowGroupSkipped() {
    rowGroupsSkipped.increment();
  }

  void addSplit() {
    splits.increment();
  }

  public ScanCounts snapshot() {
    return new ScanCounts(bytesRead.sum(), rowsRead.sum(), filesRead.sum(), rowGroupsRead.sum(),
        rowGroupsSkipped.sum(), splits.sum());
  }

  @Override
  public String toString() {
    return snapshot().toString();
  }
}
