package io.basalt.planner.exec.sort;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Operator;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.QueryContext;
import java.util.ArrayList;
import java.util.List;

/**
 * UNION ALL of inputs with the same row layout: output partition p returns partition p of every
 * input that has one, input after input, so partitioned inputs stay parallel and a one-partition
 * input is read once (in partition 0).
 */
public final class UnionAllNode implements PlanNode {
  private final List<PlanNode> inputs;

  private UnionAllNode(List<PlanNode> inputs) {
    this.inputs = List.copyOf(inputs);
  }

  /** UNION ALL of inputs with the same row layout. */
  public static PlanNode create(List<PlanNode> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("Cannot build UNION ALL: it has no inputs");
    }
    return inputs.size() == 1 ? inputs.get(0) : new UnionAllNode(inputs);
  }

  @Override
  public int partitions(QueryContext context) {
    int partitions = 1;
    for (PlanNode input : inputs) {
      partitions = Math.max(partitions, input.partitions(context));
    }
    return partitions;
  }

  @Override
  public Operator open(QueryContext context, int partition) {
    List<PlanNode> sharing = new ArrayList<>();
    for (PlanNode input : inputs) {
      if (partition < input.partitions(context)) {
        sharing.add(input);
      }
    }
    return new UnionOperator(context, partition, sharing);
  }

  @Override
  public List<PlanNode> inputs() {
    return inputs;
  }

  /** One partition of the union: opens each input in turn and closes it at its end. */
  private static final class UnionOperator implements Operator {
    private final QueryContext context;
    private final int partition;
    private final List<PlanNode> inputs;
    private int nextInput;
    private Operator current;

    UnionOperator(QueryContext context, int partition, List<PlanNode> inputs) {
      this.context = context;
      this.partition = partition;
      this.inputs = inputs;
    }

    @Override
    public Batch next() {
      while (true) {
        if (current == null) {
          if (nextInput >= inputs.size()) {
            return null;
          }
          current = inputs.get(nextInput++).open(context, partition);
        }
        Batch batch = current.next();
        if (batch != null) {
          context.checkCanceled();
          return batch;
        }
        Operator finished = current;
        current = null;
        finished.close();
      }
    }

    @Override
    public void close() {
      if (current != null) {
        Operator closing = current;
        current = null;
        closing.close();
      }
    }
  }
}
