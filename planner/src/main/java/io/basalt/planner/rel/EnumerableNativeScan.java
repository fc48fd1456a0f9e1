package io.basalt.planner.rel;

import io.basalt.storage.ColumnPredicate;
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
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableIntList;

/** The native scan in Calcite's Enumerable convention: generated code calls the store. */
public final class EnumerableNativeScan extends TableScan
    implements EnumerableRel, NativeScanWrapper {
  private final NativeTableScan logical;
  private final List<ColumnPredicate> predicates;

  EnumerableNativeScan(NativeTableScan logical, RelTraitSet traits,
      List<ColumnPredicate> predicates) {
    super(logical.getCluster(), traits, List.of(), logical.getTable());
    this.logical = logical;
    this.predicates = List.copyOf(predicates);
  }

  @Override
  public NativeTableScan logical() {
    return logical;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new EnumerableNativeScan(logical, traitSet, predicates);
  }

  @Override
  public RelDataType deriveRowType() {
    return logical.getRowType();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    ImmutableIntList columns = logical.columns;
    List<RexNode> filters = logical.filters;
    return super.explainTerms(pw)
        .itemIf("columns", columns, columns.size() != table.getRowType().getFieldCount())
        .itemIf("filters", filters, !filters.isEmpty());
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return logical.estimateRowCount(mq);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return NativeTableScan.scanCost(planner, table, logical.columns.size(),
        logical.filters.size());
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer prefer) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        prefer.preferArray());
    var definition = logical.nativeTable.definition();
    NativeScanSpec spec = new NativeScanSpec(logical.nativeTable.services().storage(),
        definition.schema(), definition.name(), logical.columns.toIntArray(), predicates);
    Expression stashed = implementor.stash(spec, NativeScanSpec.class);
    // A one-column row is a bare value in Calcite's SCALAR format; wider rows are arrays.
    String method = physType.getFormat() == JavaRowFormat.SCALAR ? "scanValues" : "scan";
    Expression scan = Expressions.call(stashed, method, implementor.getRootExpression());
    return implementor.result(physType, Blocks.toBlock(scan));
  }

  static RelTraitSet enumerableTraits(NativeTableScan scan) {
    return scan.getTraitSet().replace(EnumerableConvention.INSTANCE);
  }
}
