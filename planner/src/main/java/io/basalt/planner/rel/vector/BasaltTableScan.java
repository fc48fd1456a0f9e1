package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.SourceScanNode;
import io.basalt.planner.rel.SourceScanWrapper;
import io.basalt.planner.rel.SourceTableScan;
import java.util.List;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/** A table-source scan in the engine: one pipeline per partition, reading the source's splits. */
final class BasaltTableScan extends TableScan implements BasaltRel, SourceScanWrapper {
  private final SourceTableScan logical;

  BasaltTableScan(SourceTableScan logical, RelTraitSet traits) {
    super(logical.getCluster(), traits, List.of(), logical.getTable());
    this.logical = logical;
  }

  @Override
  public SourceTableScan logical() {
    return logical;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new BasaltTableScan(logical, traitSet);
  }

  @Override
  public RelDataType deriveRowType() {
    return logical.getRowType();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return logical.explainTerms(pw);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return logical.estimateRowCount(mq);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return logical.computeSelfCost(planner, mq).multiplyBy(COST_FACTOR);
  }

  @Override
  public PlanNode compile(PlanCompiler compiler) {
    SourceScanNode node = new SourceScanNode(logical.source(), logical.specs());
    compiler.compiled(this, node);
    return node;
  }
}
