package io.basalt.planner.exec;

import io.basalt.planner.exec.expr.VectorExpression;
import java.util.List;

/**
 * Computes one column per compiled expression for each batch; plain field references pass
 * their column through untouched. Runs in its input's partitions.
 */
public final class ProjectNode implements PlanNode {
  private final PlanNode input;
  private final List<VectorExpression> expressions;
  /** The input field each output passes through, or -1 where it is computed. */
  private final int[] passThrough;

  public ProjectNode(PlanNode input, List<VectorExpression> expressions, int[] passThrough) {
    this.input = input;
    this.expressions = expressions;
    this.passThrough = passThrough.clone();
  }

  @Override
  public int partitions(QueryContext context) {
    return input.partitions(context);
  }

  @Override
  public Operator open(QueryContext context, int partition) {
    Operator source = input.open(context, partition);
    return new Operator() {
      @Override
      public Batch next() {
        Batch batch = source.next();
        if (batch == null) {
          return null;
        }
        Column[] out = new Column[passThrough.length];
        for (int i = 0; i < out.length; i++) {
          out[i] = passThrough[i] >= 0 ? batch.column(passThrough[i])
              : expressions.get(i).evaluate(batch, context);
        }
        return new Batch(batch.size(), out);
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
