package io.basalt.planner.exec;

import io.basalt.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The gather exchange: runs every partition of a node on the query's pool and merges their
 * batches into one stream, in arrival order. A bounded queue keeps fast partitions from running
 * far ahead of the consumer. Closing early (a LIMIT reached, the client gone) stops the
 * producers; a failure in one partition cancels the others and is rethrown to the consumer.
 */
public final class Gather implements Operator {
  private static final Object END = new Object();
  private static final long POLL_MILLIS = 50;

  private final QueryContext context;
  private final BlockingQueue<Object> queue;
  private final List<Future<?>> producers = new ArrayList<>();
  private final Operator single;
  private volatile boolean stopped;
  private int running;
  private RuntimeException failure;

  private Gather(QueryContext context, PlanNode node) {
    this.context = context;
    int partitions = node.partitions(context);
    if (partitions == 1) {
      single = node.open(context, 0);
      queue = null;
      return;
    }
    single = null;
    queue = new ArrayBlockingQueue<>(Math.max(4, 2 * partitions));
    running = partitions;
    for (int p = 0; p < partitions; p++) {
      int partition = p;
      producers.add(context.executor().submit(() -> produce(node, partition)));
    }
  }

  /** One stream of all of {@code node}'s partitions. */
  public static Operator of(QueryContext context, PlanNode node) {
    return new Gather(context, node);
  }

  private void produce(PlanNode node, int partition) {
    Object last = END;
    try (Operator operator = node.open(context, partition)) {
      for (Batch batch = operator.next(); batch != null && !stopped; batch = operator.next()) {
        if (batch.size() > 0) {
          put(batch);
        }
      }
    } catch (RuntimeException | Error e) {
      context.cancel();
      last = e;
    }
    put(last);
  }

  private void put(Object item) {
    try {
      while (!stopped && !queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        // The consumer is slower; keep checking whether it has gone away.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public Batch next() {
    if (single != null) {
      return single.next();
    }
    while (running > 0) {
      Object item;
      try {
        item = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        context.cancel();
        throw new StorageException("57014", "Query was canceled");
      }
      if (item instanceof Batch batch) {
        if (failure == null) {
          return batch;
        }
      } else {
        running--;
        if (item != END) {
          failure = Drain.firstFailure(failure, (Throwable) item);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return null;
  }

  @Override
  public void close() {
    if (single != null) {
      single.close();
      return;
    }
    stopped = true;
    queue.clear();
  }
}
