package io.basalt.federation.remote;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The remote queries of recent executions, oldest first, for SVL_FEDERATE_SUBQUERY: one entry
 * per query sent to a source (per split), holding live counters, so a query still running shows
 * what it has fetched so far. Bounded: the oldest entries are dropped past {@link #CAPACITY}.
 */
final class RemoteQueryLog {
  static final int CAPACITY = 10_000;

  private final Deque<Sent> entries = new ArrayDeque<>();

  /** How a remote query ended; RUNNING until its reader is closed. */
  enum Status {
    /** Rows are still being fetched. */
    RUNNING,
    /** Every row was fetched. */
    DONE,
    /** The reader was closed before the last row (a LIMIT met, another split failed). */
    STOPPED,
    /** The remote query or the reading of its rows failed. */
    FAILED
  }

  /**
   * One query sent to a source: who sent it for which Basalt query, the exact SQL, and what
   * came back. The counters are updated by the one thread reading the split and read by any.
   */
  static final class Sent {
    private final long queryId;
    private final String user;
    private final String schema;
    private final RemoteEngine engine;
    private final String table;
    private final String sql;
    private final long startMillis;
    private final long startNanos;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong remoteNanos = new AtomicLong();
    private volatile long endMillis = -1;
    private volatile long endNanos = -1;
    private volatile Status status = Status.RUNNING;

    private Sent(long queryId, String user, String schema, RemoteEngine engine, String table,
        String sql) {
      this.queryId = queryId;
      this.user = requireNonNull(user, "user is null");
      this.schema = requireNonNull(schema, "schema is null");
      this.engine = requireNonNull(engine, "engine is null");
      this.table = requireNonNull(table, "table is null");
      this.sql = requireNonNull(sql, "sql is null");
      this.startMillis = System.currentTimeMillis();
      this.startNanos = System.nanoTime();
    }

    /** Counts time spent waiting on the remote driver (executing, fetching). */
    void waited(long nanos) {
      remoteNanos.addAndGet(nanos);
    }

    /** Counts rows (and their size in the engine's batches) fetched from the source. */
    void fetched(long rowCount, long byteCount) {
      rows.addAndGet(rowCount);
      bytes.addAndGet(byteCount);
    }

    /** Marks the query ended; the first call decides its status and end time. */
    synchronized void ended(Status outcome) {
      if (status != Status.RUNNING) {
        return;
      }
      endNanos = System.nanoTime();
      endMillis = System.currentTimeMillis();
      status = outcome;
    }

    long queryId() {
      return queryId;
    }

    String user() {
      return user;
    }

    String schema() {
      return schema;
    }

    RemoteEngine engine() {
      return engine;
    }

    String table() {
      return table;
    }

    String sql() {
      return sql;
    }

    long startMillis() {
      return startMillis;
    }

    /** The end time, or -1 while the query runs. */
    long endMillis() {
      return endMillis;
    }

    Status status() {
      return status;
    }

    long rows() {
      return rows.get();
    }

    long bytes() {
      return bytes.get();
    }

    /** Microseconds spent in the remote driver: running the query and fetching its rows. */
    long remoteMicros() {
      return TimeUnit.NANOSECONDS.toMicros(remoteNanos.get());
    }

    /** Microseconds from sending the query to its end (or to now while it runs). */
    long elapsedMicros() {
      long end = endNanos;
      return TimeUnit.NANOSECONDS.toMicros((end < 0 ? System.nanoTime() : end) - startNanos);
    }
  }

  /** Records that {@code sql} is about to be sent to {@code source} for query {@code queryId}. */
  Sent sending(long queryId, String user, RemoteSource source, String table, String sql) {
    Sent sent = new Sent(queryId, user, source.name(), source.engine(), table, sql);
    synchronized (this) {
      entries.addLast(sent);
      while (entries.size() > CAPACITY) {
        entries.removeFirst();
      }
    }
    return sent;
  }

  synchronized List<Sent> entries() {
    return new ArrayList<>(entries);
  }
}
