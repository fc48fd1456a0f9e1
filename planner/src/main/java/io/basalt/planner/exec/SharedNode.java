package io.basalt.planner.exec;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A subplan that several parents of one execution read, as a WITH query referenced twice (TPC-H
 * Q15's revenue view): the first reader runs every partition of it to the end, and each reader of
 * partition p then replays the batches partition p produced. The node belongs to one execution,
 * so it keeps the batches itself until the execution is dropped.
 */
public final class SharedNode implements PlanNode {
  private final PlanNode input;
  private final CompletableFuture<List<List<Batch>>> batches = new CompletableFuture<>();
  private boolean started;

  public SharedNode(PlanNode input) {
    this.input = input;
  }

  @Override
  public int partitions(QueryContext context) {
    return input.partitions(context);
  }

  @Override
  public Operator open(QueryContext context, int partition) {
    return new Operator() {
      private List<Batch> own;
      private int next;

      @Override
      public Batch next() {
        if (own == null) {
          own = results(context).get(partition);
        }
        return next < own.size() ? own.get(next++) : null;
      }

      @Override
      public void close() {}
    };
  }

  /** Every partition's batches, computed by the first caller; the others wait for them. */
  private List<List<Batch>> results(QueryContext context) {
    boolean first;
    synchronized (this) {
      first = !started;
      started = true;
    }
    if (first) {
      try {
        batches.complete(Drain.byPartition(input, context));
      } catch (RuntimeException | Error e) {
        batches.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return batches.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r
          : new IllegalStateException("shared subplan failed", e.getCause());
    }
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }
}
