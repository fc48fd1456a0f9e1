package io.basalt.planner.rel;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.TableSource;
import io.basalt.storage.ColumnPredicate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import org.apache.calcite.DataContext;
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
 * A logical scan of any {@link TableSource} that carries the columns to read, the filters
 * pushed into the source (evaluated exactly, or used to skip data, as the source declared), so
 * that no source reads a column the query does not need, and the version of the table to read
 * (folded in from a time-travel Snapshot by {@link SnapshotFolding}).
 */
public final class SourceTableScan extends TableScan {
  final TableSource source;
  /** Source column indexes, in output order. */
  final ImmutableIntList columns;
  /** Conditions pushed into the source, over the table's full row type. */
  final List<RexNode> filters;
  final ScanVersion version;
  /**
   * The rows the source may stop after (a LIMIT right above the scan, which stays above it:
   * the engine still applies it); empty for all rows.
   */
  final OptionalLong limit;

  SourceTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
      TableSource source, ImmutableIntList columns, List<RexNode> filters, ScanVersion version,
      OptionalLong limit) {
    super(cluster, traits, List.of(), table);
    this.source = source;
    this.columns = columns;
    this.filters = List.copyOf(filters);
    this.version = requireNonNull(version, "version is null");
    this.limit = requireNonNull(limit, "limit is null");
  }

  /** A scan of every column with no filter. */
  public static SourceTableScan create(RelOptCluster cluster, RelOptTable table,
      TableSource source) {
    int count = table.getRowType().getFieldCount();
    return new SourceTableScan(cluster, cluster.traitSetOf(Convention.NONE), table, source,
        ImmutableIntList.identity(count), List.of(), ScanVersion.LATEST, OptionalLong.empty());
  }

  /**
   * Whether the scan reads the latest version of every column, with no pushed filter and no
   * limit: the table as it is, which a source may be asked to do more work on.
   */
  public boolean isPlain() {
    return filters.isEmpty() && limit.isEmpty() && version.isLatest()
        && columns.equals(ImmutableIntList.identity(table.getRowType().getFieldCount()));
  }

  public TableSource source() {
    return source;
  }

  /** Source column indexes, in output order. */
  public ImmutableIntList columns() {
    return columns;
  }

  /**
   * What the source is asked to read in each execution, given the execution's context: the
   * columns and predicates are translated once, here; a version that is an expression of the
   * execution's time is evaluated each time (see {@link ScanVersion}).
   */
  public Function<DataContext, ScanSpec> specs() {
    List<ColumnPredicate> predicates = new ArrayList<>();
    for (RexNode filter : filters) {
      predicates.add(PredicateTranslator.translate(filter, source.columns())
          .orElseThrow(() -> new IllegalStateException("untranslatable pushed filter " + filter)));
    }
    ScanSpec latest = new ScanSpec(columns.toIntArray(), predicates, limit);
    ScanVersion planned = version;
    return planned.isLatest() ? context -> latest
        : context -> latest.withVersion(planned.resolve(context));
  }

  SourceTableScan withColumns(ImmutableIntList newColumns) {
    return new SourceTableScan(getCluster(), getTraitSet(), getTable(), source, newColumns,
        filters, version, limit);
  }

  SourceTableScan withFilters(List<RexNode> newFilters) {
    return new SourceTableScan(getCluster(), getTraitSet(), getTable(), source, columns,
        newFilters, version, limit);
  }

  SourceTableScan withVersion(ScanVersion newVersion) {
    return new SourceTableScan(getCluster(), getTraitSet(), getTable(), source, columns,
        filters, newVersion, limit);
  }

  SourceTableScan withLimit(long rows) {
    return new SourceTableScan(getCluster(), getTraitSet(), getTable(), source, columns,
        filters, version, OptionalLong.of(rows));
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new SourceTableScan(getCluster(), traitSet, getTable(), source, columns, filters,
        version, limit);
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
    return explainScan(super.explainTerms(pw));
  }

  /** The scan's own terms, shared by its physical forms. */
  RelWriter explainScan(RelWriter pw) {
    return pw
        .itemIf("kind", source.kind(), !source.kind().equals("native"))
        .itemIf("columns", columns, columns.size() != table.getRowType().getFieldCount())
        .itemIf("filters", filters, !filters.isEmpty())
        .itemIf("version", version.describe(), !version.isLatest())
        .itemIf("limit", limit.isPresent() ? limit.getAsLong() : 0, limit.isPresent());
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = scanRowCount(table.getRowCount(), filters.size());
    return limit.isPresent() ? Math.min(rows, limit.getAsLong()) : rows;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    RelOptCost cost = scanCost(planner, table, columns.size(), filters.size());
    // A source that stops after the limit reads that share of the rows at most.
    return limit.isPresent() ? cost.multiplyBy(Math.min(1.0, Math.max(limit.getAsLong(), 1)
        / Math.max(1.0, table.getRowCount()))) : cost;
  }

  static double scanRowCount(double tableRows, int filterCount) {
    return tableRows * Math.pow(0.25, filterCount);
  }

  /** Reading fewer columns and filtering in the source must look cheaper than doing it above. */
  static RelOptCost scanCost(RelOptPlanner planner, RelOptTable table, int columnCount,
      int filterCount) {
    double rows = table.getRowCount();
    double width = (columnCount + 1.0) / (table.getRowType().getFieldCount() + 1.0);
    double cpu = rows * width * (filterCount == 0 ? 1.0 : 0.5);
    return planner.getCostFactory().makeCost(scanRowCount(rows, filterCount), cpu, rows * width);
  }
}
