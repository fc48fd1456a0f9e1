package io.basalt.planner.exec;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A plan node that counts, over all its partitions, the rows and batches its operators return
 * and the time spent in them (including their inputs' time), for EXPLAIN ANALYZE. Counting is
 * per batch, never per row.
 */
public final class ProfiledNode implements PlanNode {
  private final PlanNode node;
  private final LongAdder rows = new LongAdder();
  private final LongAdder batches = new LongAdder();
  private final LongAdder nanos = new LongAdder();

  public ProfiledNode(PlanNode node) {
    this.node = node;
  }

  public PlanNode node() {
    return node;
  }

  public long rows() {
    return rows.sum();
  }

  public long batches() {
    return batches.sum();
  }

  /** Wall time inside this node's operators, summed over partitions, in milliseconds. */
  public double millis() {
    return nanos.sum() / 1e6;
  }

  @Override
  public int partitions(QueryContext context) {
    return node.partitions(context);
  }

  @Override
  public Operator open(QueryContext context, int partition) {
    long start = System.nanoTime();
    Operator operator = node.open(context, partition);
    nanos.add(System.nanoTime() - start);
    return new Operator() {
      @Override
      public Batch next() {
        long begin = System.nanoTime();
        Batch batch = operator.next();
        nanos.add(System.nanoTime() - begin);
        if (batch != null) {
          rows.add(batch.size());
          batches.increment();
        }
        return batch;
      }

      @Override
      public void close() {
        operator.close();
      }
    };
  }

  @Override
  public List<PlanNode> inputs() {
    return node.inputs();
  }
}
