package io.basalt.planner.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run query partitions. A cached pool, because exchanges block while they wait
 * for their inputs: a fixed pool could deadlock with every thread waiting on work still queued.
 * How many partitions run is bounded by the queries' parallelism, not by this pool.
 */
public final class EngineThreads {
  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "basalt-slice-" + COUNT.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });

  private EngineThreads() {}

  public static ExecutorService pool() {
    return POOL;
  }
}
