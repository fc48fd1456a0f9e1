package io.basalt.planner.exec;

import java.util.List;
import java.util.function.Function;

/**
 * A grouped aggregation whose group keys include the distribution key of the table its input
 * partitions come from: every group's rows are then in one partition (one slice), so each
 * partition aggregates its own rows completely and no hash exchange is needed, as Redshift
 * aggregates on the distribution key without moving rows. Whether the scan really splits by
 * slice is known only at run time (a table with rows on fewer slices than partitions is split
 * by blocks); otherwise the regular two-phase aggregation runs.
 */
public final class LocalAggregateNode implements PlanNode {
  private final PlanNode input;
  private final SourceScanNode scan;
  private final PlanNode regular;
  private final Function<PlanNode, PlanNode> aggregateOver;

  /**
   * {@code aggregateOver} builds the aggregation over a one-partition input; {@code regular} is
   * that aggregation over the whole {@code input}.
   */
  public LocalAggregateNode(PlanNode input, SourceScanNode scan, PlanNode regular,
      Function<PlanNode, PlanNode> aggregateOver) {
    this.input = input;
    this.scan = scan;
    this.regular = regular;
    this.aggregateOver = aggregateOver;
  }

  @Override
  public int partitions(QueryContext context) {
    return regular.partitions(context);
  }

  @Override
  public Operator open(QueryContext context, int partition) {
    if (input.partitions(context) != partitions(context) || !scan.slicesAligned(context)) {
      return regular.open(context, partition);
    }
    PlanNode own = new PlanNode() {
      @Override
      public int partitions(QueryContext ignored) {
        return 1;
      }

      @Override
      public Operator open(QueryContext ignored, int onlyPartition) {
        return input.open(context, partition);
      }

      @Override
      public List<PlanNode> inputs() {
        return List.of(input);
      }
    };
    return aggregateOver.apply(own).open(context.withParallelism(1), 0);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }
}
