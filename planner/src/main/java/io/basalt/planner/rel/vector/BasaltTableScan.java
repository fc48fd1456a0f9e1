package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.ScanNode;
import io.basalt.planner.rel.NativeScanWrapper;
import io.basalt.planner.rel.NativeTableScan;
import io.basalt.storage.TableDefinition;
import java.util.List;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/** A native table scan in the engine: one pipeline per slice. */
final class BasaltTableScan extends TableScan implements BasaltRel, NativeScanWrapper {
  private final NativeTableScan logical;

  BasaltTableScan(NativeTableScan logical, RelTraitSet traits) {
    super(logical.getCluster(), traits, List.of(), logical.getTable());
    this.logical = logical;
  }

  @Override
  public NativeTableScan logical() {
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
    TableDefinition definition = logical.nativeTable().definition();
    ScanNode node = new ScanNode(logical.nativeTable().services().storage(),
        definition.schema(), definition.name(), logical.columns().toIntArray(),
        logical.storePredicates());
    compiler.compiled(this, node);
    return node;
  }
}
