package io.basalt.federation.lake;

import static java.util.Objects.requireNonNull;

import io.basalt.federation.lake.PartitionedFileSink.WrittenFile;
import io.basalt.planner.catalog.StatementEnvironment.PlannedQuery;
import io.basalt.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Hands a query's rows, which arrive on one thread, to file writers. In parallel, rows are cut
 * into chunks dealt round robin to one thread per writer through small bounded queues (so a slow
 * writer holds the query back instead of filling memory), and nothing about their order is kept;
 * serially, the calling thread writes every row itself, in query order.
 *
 * <p>The first failure of a writer stops the query at the next chunk and is thrown from
 * {@link #accept} or {@link #finish}; {@link #abort} stops the writers and discards their open
 * files. Files already finished are the staged store's to discard.
 */
final class ParallelRowWriter implements Consumer<Object[]> {
  /** Rows per chunk handed to a writer thread. */
  static final int CHUNK_ROWS = 1024;
  /** Chunks waiting per writer thread. */
  private static final int QUEUE_CHUNKS = 4;
  private static final List<Object[]> END = new ArrayList<>();

  private final BooleanSupplier canceled;
  private final List<PartitionedFileSink> sinks = new ArrayList<>();
  private final List<BlockingQueue<List<Object[]>>> queues = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final List<List<WrittenFile>> results = new ArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean stopped;
  private List<Object[]> chunk = new ArrayList<>(CHUNK_ROWS);
  private int next;
  private long rows;
  private boolean finished;

  /**
   * A writer over {@code writers} sinks made by {@code sinkFactory} (writer numbers from 0); with
   * {@code parallel} false, one sink written by the calling thread.
   */
  ParallelRowWriter(boolean parallel, int writers, IntFunction<PartitionedFileSink> sinkFactory,
      BooleanSupplier canceled, String threadName) {
    requireNonNull(sinkFactory, "sinkFactory is null");
    this.canceled = requireNonNull(canceled, "canceled is null");
    int count = parallel ? Math.max(1, writers) : 1;
    for (int w = 0; w < count; w++) {
      sinks.add(sinkFactory.apply(w));
      results.add(List.of());
    }
    if (parallel) {
      for (int w = 0; w < count; w++) {
        BlockingQueue<List<Object[]>> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
        queues.add(queue);
        int writer = w;
        Thread thread = new Thread(() -> drain(writer, queue), threadName + "-" + w);
        thread.setDaemon(true);
        threads.add(thread);
      }
      threads.forEach(Thread::start);
    }
  }

  private boolean parallel() {
    return !threads.isEmpty();
  }

  /** A writer thread: writes chunks until the end marker, then finishes its files. */
  private void drain(int writer, BlockingQueue<List<Object[]>> queue) {
    PartitionedFileSink sink = sinks.get(writer);
    boolean ok = false;
    try {
      while (true) {
        List<Object[]> rows = queue.take();
        if (stopped) {
          break;
        }
        if (rows == END) {
          results.set(writer, sink.finish());
          ok = true;
          break;
        }
        for (Object[] row : rows) {
          sink.write(row);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, canceledError());
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
    } finally {
      if (!ok) {
        sink.abort();
      }
    }
  }

  @Override
  public void accept(Object[] row) {
    rows++;
    if (!parallel()) {
      if ((rows & (CHUNK_ROWS - 1)) == 0) {
        checkCanceled();
      }
      sinks.get(0).write(row);
      return;
    }
    // The engine may reuse a row's array once the consumer returns.
    chunk.add(row.clone());
    if (chunk.size() >= CHUNK_ROWS) {
      hand(chunk);
      chunk = new ArrayList<>(CHUNK_ROWS);
    }
  }

  private void hand(List<Object[]> rows) {
    checkFailure();
    checkCanceled();
    BlockingQueue<List<Object[]>> queue = queues.get(next);
    next = (next + 1) % queues.size();
    try {
      while (!queue.offer(rows, 50, TimeUnit.MILLISECONDS)) {
        checkFailure();
        checkCanceled();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw canceledError();
    }
  }

  private void checkCanceled() {
    if (canceled.getAsBoolean()) {
      throw canceledError();
    }
  }

  private static StorageException canceledError() {
    return new StorageException("57014", "Query was canceled");
  }

  private void checkFailure() {
    Throwable t = failure.get();
    if (t != null) {
      throw rethrown(t);
    }
  }

  private static RuntimeException rethrown(Throwable t) {
    if (t instanceof RuntimeException runtime) {
      return runtime;
    }
    if (t instanceof Error error) {
      throw error;
    }
    return new StorageException("XX000", "Cannot write files: " + t, t);
  }

  /**
   * Runs the query into the writers and returns the finished files; on any failure (of the
   * query, a writer, or a cancel) stops and discards the writers first, then rethrows.
   */
  List<WrittenFile> writeAll(PlannedQuery query) {
    try {
      query.forEachRow(this);
      return finish();
    } catch (RuntimeException | Error e) {
      abort();
      throw e;
    }
  }

  /** Rows accepted so far. */
  long rows() {
    return rows;
  }

  /**
   * Writes what is left, waits for the writers and returns every finished file, writer by
   * writer; a writer's failure is thrown (after which {@link #abort} still has to be called).
   */
  List<WrittenFile> finish() {
    if (finished) {
      throw new IllegalStateException("already finished");
    }
    finished = true;
    if (!parallel()) {
      checkCanceled();
      return sinks.get(0).finish();
    }
    if (!chunk.isEmpty()) {
      hand(chunk);
      chunk = new ArrayList<>();
    }
    for (int w = 0; w < queues.size(); w++) {
      next = w;
      hand(END);
    }
    join();
    checkFailure();
    List<WrittenFile> files = new ArrayList<>();
    results.forEach(files::addAll);
    return files;
  }

  /** Stops the writers and discards their open files; safe after a failure or finish. */
  void abort() {
    finished = true;
    stopped = true;
    if (!parallel()) {
      sinks.get(0).abort();
      return;
    }
    for (BlockingQueue<List<Object[]>> queue : queues) {
      queue.clear();
      queue.offer(END);
    }
    join();
  }

  private void join() {
    boolean interrupted = false;
    for (Thread thread : threads) {
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          // The writers end on their own once they see the end marker or the stop flag.
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
