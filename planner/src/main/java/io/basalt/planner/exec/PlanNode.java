package io.basalt.planner.exec;

import java.util.List;

/**
 * A compiled physical operator of Basalt's engine, independent of any one execution: it opens a
 * running {@link Operator} per partition. {@link #partitions} is 1 for a node whose output is one
 * stream, or the query's parallelism for a node that runs once per slice; partitions are disjoint
 * shares of the node's rows, with no promise about which rows go where.
 */
public interface PlanNode {
  /** How many partitions this node runs in, given the query's parallelism. */
  int partitions(QueryContext context);

  /** Starts this node's partition {@code partition} (0 ≤ partition &lt; partitions). */
  Operator open(QueryContext context, int partition);

  List<PlanNode> inputs();
}
