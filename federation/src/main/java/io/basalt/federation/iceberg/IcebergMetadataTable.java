package io.basalt.federation.iceberg;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.catalog.TypeMapping;
import io.basalt.planner.rel.SourceTableScan;
import io.basalt.planner.source.SourceTable;
import io.basalt.planner.source.TableSource;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A metadata table of an Iceberg table as Calcite sees it, planned as a scan of its source. It
 * is read-only: {@code IcebergStatements} refuses statements that would change it.
 */
final class IcebergMetadataTable extends AbstractTable implements TranslatableTable, SourceTable {
  private final IcebergMetadataTableSource source;

  IcebergMetadataTable(IcebergMetadataTableSource source) {
    this.source = requireNonNull(source, "source is null");
  }

  @Override
  public TableSource source() {
    return source;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeMapping.rowType(typeFactory, source.columns());
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(Math.max(1, source.statistics().rowCount().orElse(1)), List.of());
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.TABLE;
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return SourceTableScan.create(context.getCluster(), relOptTable, source);
  }
}
