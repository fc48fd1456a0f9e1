package io.basalt.planner.exec;

import io.basalt.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Runs every partition of a node to its end and collects the batches: the "materialize
 * everything" half of an exchange, used where an operator needs all of an input before it can
 * produce anything (a hash join's build side, a sort). Partitions run in parallel on the query's
 * pool; the first failure cancels the others and is rethrown.
 */
public final class Drain {
  private Drain() {}

  /** All batches of all partitions, one list per partition. */
  public static List<List<Batch>> byPartition(PlanNode node, QueryContext context) {
    int partitions = node.partitions(context);
    List<List<Batch>> results = new ArrayList<>();
    if (partitions == 1) {
      results.add(drain(node, context, 0));
      return results;
    }
    List<Future<List<Batch>>> futures = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      int partition = p;
      futures.add(context.executor().submit(() -> drain(node, context, partition)));
    }
    RuntimeException failure = null;
    for (Future<List<Batch>> future : futures) {
      try {
        results.add(future.get());
      } catch (ExecutionException e) {
        context.cancel();
        failure = firstFailure(failure, e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        context.cancel();
        failure = firstFailure(failure, new StorageException("57014", "Query was canceled"));
      }
    }
    if (failure != null) {
      throw failure;
    }
    return results;
  }

  /** All batches of all partitions in one list. */
  public static List<Batch> all(PlanNode node, QueryContext context) {
    List<Batch> all = new ArrayList<>();
    byPartition(node, context).forEach(all::addAll);
    return all;
  }

  /**
   * The failure to report: a real error beats the cancellations it caused in other partitions.
   */
  public static RuntimeException firstFailure(RuntimeException current, Throwable next) {
    RuntimeException wrapped = next instanceof RuntimeException r ? r
        : next instanceof Error e ? new StorageException("XX000", "Query failed: " + e, e)
        : new StorageException("XX000", "Query failed: " + next, next);
    if (current == null) {
      return wrapped;
    }
    boolean currentIsCancel = current instanceof StorageException s
        && "57014".equals(s.sqlState());
    return currentIsCancel ? wrapped : current;
  }

  private static List<Batch> drain(PlanNode node, QueryContext context, int partition) {
    List<Batch> batches = new ArrayList<>();
    try (Operator operator = node.open(context, partition)) {
      for (Batch batch = operator.next(); batch != null; batch = operator.next()) {
        if (batch.size() > 0) {
          batches.add(batch);
        }
      }
    }
    return batches;
  }
}
