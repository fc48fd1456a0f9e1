package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Drain;
import io.basalt.planner.exec.Operator;
import io.basalt.planner.exec.QueryContext;
import io.basalt.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The partial phase of one execution of a {@link HashAggregateNode}, shared by its output
 * partitions: the first to ask runs every input partition in parallel into its own partial table;
 * the others wait, and all of them see the same tables or the same failure.
 */
final class PartialPhase {
  private final int buckets;
  private final boolean[] finished;
  private List<GroupTable> partials;
  private RuntimeException failure;
  private int bucketsLeft;

  PartialPhase(int buckets) {
    this.buckets = buckets;
    this.finished = new boolean[buckets];
    this.bucketsLeft = buckets;
  }

  /** The final table of output partition {@code bucket}, now owned by the caller. */
  GroupTable finalTable(HashAggregateNode node, QueryContext context, int bucket) {
    boolean handedOver = false;
    try {
      List<GroupTable> tables = partials(node, context);
      if (tables.size() == 1 && buckets == 1) {
        // The only partial table already is the final one: hand it over rather than copy it.
        handedOver = true;
        return tables.get(0);
      }
      GroupTable result = node.newTable(context);
      try {
        // The largest partial share is a lower bound of the distinct groups: size for it.
        int largest = 0;
        for (GroupTable partial : tables) {
          largest = Math.max(largest, partial.bucketSize(bucket));
        }
        result.expect(largest);
        for (GroupTable partial : tables) {
          context.checkCanceled();
          result.mergeBucket(partial, bucket);
        }
      } catch (RuntimeException e) {
        result.release();
        throw e;
      }
      return result;
    } finally {
      finish(node, context, bucket, handedOver);
    }
  }

  private synchronized List<GroupTable> partials(HashAggregateNode node, QueryContext context) {
    if (failure != null) {
      throw failure;
    }
    if (partials == null) {
      try {
        partials = run(node, context);
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
    }
    return partials;
  }

  /**
   * Marks bucket {@code bucket} as taken (or abandoned, when its operator closes without taking
   * it); the partial tables are released once no bucket needs them.
   */
  synchronized void finish(HashAggregateNode node, QueryContext context, int bucket,
      boolean handedOver) {
    if (finished[bucket]) {
      return;
    }
    finished[bucket] = true;
    if (--bucketsLeft == 0) {
      if (partials != null && !handedOver) {
        partials.forEach(GroupTable::release);
      }
      partials = null;
      node.finished(context, this);
    }
  }

  private List<GroupTable> run(HashAggregateNode node, QueryContext context) {
    int inputs = node.input().partitions(context);
    boolean split = inputs > 1 || buckets > 1;
    if (inputs == 1) {
      return List.of(build(node, context, 0, split));
    }
    List<Future<GroupTable>> futures = new ArrayList<>();
    for (int p = 0; p < inputs; p++) {
      int partition = p;
      futures.add(context.executor().submit(() -> build(node, context, partition, split)));
    }
    List<GroupTable> tables = new ArrayList<>();
    RuntimeException error = null;
    for (Future<GroupTable> future : futures) {
      try {
        tables.add(future.get());
      } catch (ExecutionException e) {
        context.cancel();
        error = Drain.firstFailure(error, e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        context.cancel();
        error = Drain.firstFailure(error, new StorageException("57014", "Query was canceled"));
      }
    }
    if (error != null) {
      tables.forEach(GroupTable::release);
      throw error;
    }
    return tables;
  }

  private GroupTable build(HashAggregateNode node, QueryContext context, int partition,
      boolean split) {
    GroupTable table = node.newTable(context);
    try {
      try (Operator operator = node.input().open(context, partition)) {
        for (Batch batch = operator.next(); batch != null; batch = operator.next()) {
          context.checkCanceled();
          table.add(batch);
        }
      }
      if (split) {
        table.partitionByBucket(buckets);
      }
    } catch (RuntimeException | Error e) {
      table.release();
      throw e;
    }
    return table;
  }
}
