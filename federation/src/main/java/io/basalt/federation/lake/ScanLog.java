package io.basalt.federation.lake;

import io.basalt.planner.source.ScanMetrics;
import io.basalt.planner.source.SourceScan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The external scans of recent queries, newest last, for SVL_S3QUERY_SUMMARY: each entry holds
 * its scan's live metrics, so a query still running shows what it has read so far. Bounded: the
 * oldest entries are dropped past {@link #CAPACITY}.
 */
public final class ScanLog {
  static final int CAPACITY = 10_000;

  /** One external table scan of one query. */
  public record Entry(long queryId, String user, long startMillis, String table, String format,
      boolean partitioned, SourceScan scan) {
    public ScanMetrics.Counts counts() {
      return scan.metrics().counts();
    }
  }

  private final Deque<Entry> entries = new ArrayDeque<>();

  public synchronized void record(long queryId, String user, String table, String format,
      boolean partitioned, SourceScan scan) {
    entries.addLast(new Entry(queryId, user, System.currentTimeMillis(), table, format,
        partitioned, scan));
    while (entries.size() > CAPACITY) {
      entries.removeFirst();
    }
  }

  public synchronized List<Entry> entries() {
    return new ArrayList<>(entries);
  }
}
