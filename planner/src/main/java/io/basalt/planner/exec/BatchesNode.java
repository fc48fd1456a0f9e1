package io.basalt.planner.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan node over batches known at planning time (VALUES, and inputs in tests): partition p of
 * P returns the batches at positions p, p+P, p+2P, ... of the list.
 */
public final class BatchesNode implements PlanNode {
  private final List<Batch> batches;
  private final boolean partitioned;

  /** One partition holding every batch, or as many partitions as the query's parallelism. */
  public BatchesNode(List<Batch> batches, boolean partitioned) {
    this.batches = List.copyOf(batches);
    this.partitioned = partitioned;
  }

  @Override
  public int partitions(QueryContext context) {
    return partitioned ? context.parallelism() : 1;
  }

  @Override
  public Operator open(QueryContext context, int partition) {
    int step = partitions(context);
    List<Batch> own = new ArrayList<>();
    for (int i = partition; i < batches.size(); i += step) {
      own.add(batches.get(i));
    }
    return new Operator() {
      private int next;

      @Override
      public Batch next() {
        return next < own.size() ? own.get(next++) : null;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }
}
