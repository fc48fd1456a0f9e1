package io.basalt.planner.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.rel.SourceTableScan;
import io.basalt.planner.source.SourceTable;
import io.basalt.planner.source.TableSource;
import io.basalt.storage.TableDefinition;
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
 * A native columnar table. Planning starts from a {@link SourceTableScan} of its {@link NativeTableSource}, into which the rules
 * push projections and filters; the row count statistic comes from the latest commit.
 */
public final class NativeTable extends AbstractTable implements TranslatableTable, SourceTable {
  private final CatalogServices services;
  private final TableDefinition definition;
  private final NativeTableSource source;

  NativeTable(CatalogServices services, TableDefinition definition) {
    this.services = requireNonNull(services, "services is null");
    this.definition = requireNonNull(definition, "definition is null");
    this.source = new NativeTableSource(services, definition);
  }

  @Override
  public TableSource source() {
    return source;
  }

  public TableDefinition definition() {
    return definition;
  }

  public CatalogServices services() {
    return services;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeMapping.rowType(typeFactory, definition.columns());
  }

  @Override
  public Statistic getStatistic() {
    double rows = source.statistics().rowCount().orElse(0);
    return Statistics.of(Math.max(rows, 1), List.of());
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return definition.temporary() ? Schema.TableType.LOCAL_TEMPORARY : Schema.TableType.TABLE;
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return SourceTableScan.create(context.getCluster(), relOptTable, source);
  }
}
