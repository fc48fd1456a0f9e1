package io.basalt.planner.exec.sort;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Operator;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.QueryContext;
import java.util.List;

/**
 * OFFSET/FETCH without ORDER BY, in one output partition: reads the input's partitions one after
 * the other and closes the input as soon as the last wanted row has passed, so a small LIMIT
 * reads little more than it returns.
 */
final class LimitNode implements PlanNode {
  private final PlanNode input;
  private final long offset;
  /** Rows to return after the offset, or -1 for all. */
  private final long fetch;

  LimitNode(PlanNode input, long offset, long fetch) {
    this.input = input;
    this.offset = offset;
    this.fetch = fetch;
  }

  @Override
  public int partitions(QueryContext context) {
    return 1;
  }

  @Override
  public Operator open(QueryContext context, int partition) {
    if (partition != 0) {
      throw new IllegalArgumentException("a limit has one partition, not " + partition);
    }
    return new LimitOperator(context);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  /** One execution of the limit. */
  private final class LimitOperator implements Operator {
    private final QueryContext context;
    private final int partitions;
    private int nextPartition;
    private Operator current;
    private long toSkip = offset;
    /** Rows still to return, or -1 for all. */
    private long remaining = fetch;

    LimitOperator(QueryContext context) {
      this.context = context;
      this.partitions = input.partitions(context);
    }

    @Override
    public Batch next() {
      while (remaining != 0) {
        if (current == null) {
          if (nextPartition >= partitions) {
            return null;
          }
          current = input.open(context, nextPartition++);
        }
        Batch batch = current.next();
        if (batch == null) {
          closeCurrent();
          continue;
        }
        context.checkCanceled();
        int size = batch.size();
        int start = (int) Math.min(toSkip, size);
        toSkip -= start;
        int count = size - start;
        if (remaining > 0) {
          count = (int) Math.min(count, remaining);
          remaining -= count;
          if (remaining == 0) {
            // Stop the input now rather than at close: its scans may hold files and threads.
            closeCurrent();
          }
        }
        if (count > 0) {
          return start == 0 && count == size ? batch
              : batch.select(IndexSort.range(start, count), count);
        }
      }
      return null;
    }

    private void closeCurrent() {
      if (current != null) {
        Operator closing = current;
        current = null;
        closing.close();
      }
    }

    @Override
    public void close() {
      closeCurrent();
    }
  }
}
