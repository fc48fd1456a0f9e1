package io.basalt.planner.rel;

import io.basalt.planner.catalog.NativeTable;
import io.basalt.storage.ColumnPredicate;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableIntList;

/**
 * A logical scan of a native table that carries the columns to read and the filters the store
 * applies itself (zone maps, then exact row checks), so that the store never decodes a column
 * the query does not need.
 */
public final class NativeTableScan extends TableScan {
  final NativeTable nativeTable;
  /** Table column indexes, in output order. */
  final ImmutableIntList columns;
  /** Conditions the store evaluates, over the table's full row type. */
  final List<RexNode> filters;

  NativeTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
      NativeTable nativeTable, ImmutableIntList columns, List<RexNode> filters) {
    super(cluster, traits, List.of(), table);
    this.nativeTable = nativeTable;
    this.columns = columns;
    this.filters = List.copyOf(filters);
  }

  /** A scan of every column with no filter. */
  public static NativeTableScan create(RelOptCluster cluster, RelOptTable table,
      NativeTable nativeTable) {
    int count = table.getRowType().getFieldCount();
    return new NativeTableScan(cluster, cluster.traitSetOf(Convention.NONE), table, nativeTable,
        ImmutableIntList.identity(count), List.of());
  }

  public NativeTable nativeTable() {
    return nativeTable;
  }

  /** Table column indexes, in output order. */
  public ImmutableIntList columns() {
    return columns;
  }

  /** The pushed filters as the store's predicates. */
  public List<ColumnPredicate> storePredicates() {
    List<ColumnPredicate> predicates = new ArrayList<>();
    for (RexNode filter : filters) {
      predicates.add(PredicateTranslator.translate(filter, nativeTable.definition())
          .orElseThrow(() -> new IllegalStateException("untranslatable pushed filter " + filter)));
    }
    return predicates;
  }

  NativeTableScan withColumns(ImmutableIntList newColumns) {
    return new NativeTableScan(getCluster(), getTraitSet(), getTable(), nativeTable, newColumns,
        filters);
  }

  NativeTableScan withFilters(List<RexNode> newFilters) {
    return new NativeTableScan(getCluster(), getTraitSet(), getTable(), nativeTable, columns,
        newFilters);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new NativeTableScan(getCluster(), traitSet, getTable(), nativeTable, columns, filters);
  }

  @Override
  public RelDataType deriveRowType() {
    return projectedRowType(getCluster().getTypeFactory(), table.getRowType(), columns);
  }

  static RelDataType projectedRowType(RelDataTypeFactory factory, RelDataType full,
      ImmutableIntList columns) {
    RelDataTypeFactory.Builder builder = factory.builder();
    for (int column : columns) {
      builder.add(full.getFieldList().get(column));
    }
    return builder.build();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .itemIf("columns", columns, columns.size() != table.getRowType().getFieldCount())
        .itemIf("filters", filters, !filters.isEmpty());
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return scanRowCount(table.getRowCount(), filters.size());
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return scanCost(planner, table, columns.size(), filters.size());
  }

  static double scanRowCount(double tableRows, int filterCount) {
    return tableRows * Math.pow(0.25, filterCount);
  }

  /** Reading fewer columns and filtering in the store must look cheaper than doing it above. */
  static RelOptCost scanCost(RelOptPlanner planner, RelOptTable table, int columnCount,
      int filterCount) {
    double rows = table.getRowCount();
    double width = (columnCount + 1.0) / (table.getRowType().getFieldCount() + 1.0);
    double cpu = rows * width * (filterCount == 0 ? 1.0 : 0.5);
    return planner.getCostFactory().makeCost(scanRowCount(rows, filterCount), cpu, rows * width);
  }
}
