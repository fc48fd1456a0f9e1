package io.basalt.planner.exec;

import io.basalt.planner.exec.expr.VectorFilter;
import java.util.List;

/** Keeps the rows of each batch that pass a compiled condition; runs in its input's partitions. */
public final class FilterNode implements PlanNode {
  private final PlanNode input;
  private final VectorFilter condition;

  public FilterNode(PlanNode input, VectorFilter condition) {
    this.input = input;
    this.condition = condition;
  }

  @Override
  public int partitions(QueryContext context) {
    return input.partitions(context);
  }

  @Override
  public Operator open(QueryContext context, int partition) {
    Operator source = input.open(context, partition);
    return new Operator() {
      private int[] positions = new int[0];

      @Override
      public Batch next() {
        for (Batch batch = source.next(); batch != null; batch = source.next()) {
          context.checkCanceled();
          if (positions.length < batch.size()) {
            positions = new int[batch.size()];
          }
          int count = condition.filter(batch, context, positions);
          if (count > 0) {
            return batch.select(positions, count);
          }
        }
        return null;
      }

      @Override
      public void close() {
        source.close();
      }
    };
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }
}
