package io.basalt.planner.rel;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/** A source scan in Calcite's Enumerable convention: generated code reads the splits as rows. */
public final class EnumerableSourceScan extends TableScan
    implements EnumerableRel, SourceScanWrapper {
  private final SourceTableScan logical;

  EnumerableSourceScan(SourceTableScan logical, RelTraitSet traits) {
    super(logical.getCluster(), traits, List.of(), logical.getTable());
    this.logical = logical;
  }

  @Override
  public SourceTableScan logical() {
    return logical;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new EnumerableSourceScan(logical, traitSet);
  }

  @Override
  public RelDataType deriveRowType() {
    return logical.getRowType();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return logical.explainScan(super.explainTerms(pw));
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return logical.estimateRowCount(mq);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return logical.computeSelfCost(planner, mq);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer prefer) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        prefer.preferArray());
    EnumerableScanRuntime runtime = new EnumerableScanRuntime(logical.source, logical.specs(),
        getRowType());
    Expression stashed = implementor.stash(runtime, EnumerableScanRuntime.class);
    // A one-column row is a bare value in Calcite's SCALAR format; wider rows are arrays.
    String method = physType.getFormat() == JavaRowFormat.SCALAR ? "scanValues" : "scan";
    Expression scan = Expressions.call(stashed, method, implementor.getRootExpression());
    return implementor.result(physType, Blocks.toBlock(scan));
  }

  static RelTraitSet enumerableTraits(SourceTableScan scan) {
    return scan.getTraitSet().replace(EnumerableConvention.INSTANCE);
  }
}
