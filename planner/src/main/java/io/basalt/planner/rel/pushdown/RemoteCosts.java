package io.basalt.planner.rel.pushdown;

import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The costs of work a SQL source does, and of its rows reaching Basalt. Work inside the source
 * is nearly free: what a plan pays for is the rows it transfers, at a little less per row than a
 * Basalt scan reading them ({@link io.basalt.planner.rel.vector.BasaltRel#COST_FACTOR}), so
 * that the plan sending the fewest rows wins and, among plans sending the same rows, the one
 * doing the work remotely. Calcite's JDBC operators cost as Calcite's logical ones; this handler
 * gives those of a remote convention the remote cost instead.
 */
public final class RemoteCosts implements MetadataHandler<BuiltInMetadata.NonCumulativeCost> {
  /** What a row the source processes costs (the source's own work). */
  static final double REMOTE_ROW = 0.0001;
  /** What a row sent to Basalt costs: less than a Basalt scan's 0.1 for the same row. */
  static final double TRANSFERRED_ROW = 0.09;

  @Override
  public MetadataDef<BuiltInMetadata.NonCumulativeCost> getDef() {
    return BuiltInMetadata.NonCumulativeCost.DEF;
  }

  static RelOptCost remote(RelOptPlanner planner, double rows) {
    return planner.getCostFactory().makeCost(rows * REMOTE_ROW, rows * REMOTE_ROW, 0);
  }

  static RelOptCost transferred(RelOptPlanner planner, double rows) {
    return planner.getCostFactory().makeCost(rows * TRANSFERRED_ROW, rows * TRANSFERRED_ROW, 0);
  }

  public RelOptCost getNonCumulativeCost(JdbcRules.JdbcFilter rel, RelMetadataQuery mq) {
    return cost(rel, mq);
  }

  public RelOptCost getNonCumulativeCost(JdbcRules.JdbcProject rel, RelMetadataQuery mq) {
    return cost(rel, mq);
  }

  public RelOptCost getNonCumulativeCost(JdbcRules.JdbcAggregate rel, RelMetadataQuery mq) {
    return cost(rel, mq);
  }

  public RelOptCost getNonCumulativeCost(JdbcRules.JdbcSort rel, RelMetadataQuery mq) {
    return cost(rel, mq);
  }

  public RelOptCost getNonCumulativeCost(JdbcRules.JdbcJoin rel, RelMetadataQuery mq) {
    return cost(rel, mq);
  }

  /**
   * Rows of a join inside a source: as many as its larger input, as Calcite's JDBC adapter
   * assumes (most joins of one database's tables follow a foreign key). Remote tables have no
   * distinct-value statistics, without which Basalt's join estimate is a product of guesses that
   * would keep every remote join in Basalt.
   */
  public static final class JoinRows implements MetadataHandler<BuiltInMetadata.RowCount> {
    @Override
    public MetadataDef<BuiltInMetadata.RowCount> getDef() {
      return BuiltInMetadata.RowCount.DEF;
    }

    public @Nullable Double getRowCount(JdbcRules.JdbcJoin join, RelMetadataQuery mq) {
      if (join.getConvention() instanceof RemoteConvention) {
        return join.estimateRowCount(mq);
      }
      return RelMdUtil.getJoinRowCount(mq, join, join.getCondition());
    }
  }

  private static RelOptCost cost(RelNode rel, RelMetadataQuery mq) {
    RelOptPlanner planner = rel.getCluster().getPlanner();
    if (!(rel.getConvention() instanceof RemoteConvention)) {
      return rel.computeSelfCost(planner, mq);
    }
    double rows = mq.getRowCount(rel.getInput(0));
    for (int i = 1; i < rel.getInputs().size(); i++) {
      rows += mq.getRowCount(rel.getInput(i));
    }
    return remote(planner, rows);
  }
}
