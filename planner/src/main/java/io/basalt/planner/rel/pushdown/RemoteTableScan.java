package io.basalt.planner.rel.pushdown;

import io.basalt.planner.rel.SourceScanWrapper;
import io.basalt.planner.rel.SourceTableScan;
import java.util.List;
import org.apache.calcite.adapter.jdbc.JdbcImplementor;
import org.apache.calcite.adapter.jdbc.JdbcRel;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A table of a SQL source read inside that source: the FROM item of a remote statement, named
 * by the table's remote qualified name. It costs next to nothing itself; rows cost when they
 * leave the source ({@link RemoteQuery}).
 */
public final class RemoteTableScan extends TableScan implements JdbcRel, SourceScanWrapper {
  private final SourceTableScan logical;
  private final List<String> remoteName;

  RemoteTableScan(SourceTableScan logical, RelTraitSet traits, List<String> remoteName) {
    super(logical.getCluster(), traits, List.of(), logical.getTable());
    this.logical = logical;
    this.remoteName = List.copyOf(remoteName);
  }

  @Override
  public SourceTableScan logical() {
    return logical;
  }

  /** The table's qualified name in its source. */
  public List<String> remoteName() {
    return remoteName;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new RemoteTableScan(logical, traitSet, remoteName);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return logical.estimateRowCount(mq);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return RemoteCosts.remote(planner, estimateRowCount(mq));
  }

  @Override
  public JdbcImplementor.Result implement(JdbcImplementor implementor) {
    return implementor.result(new SqlIdentifier(remoteName, SqlParserPos.ZERO),
        List.of(JdbcImplementor.Clause.FROM), this, null);
  }
}
