package io.basalt.planner.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.rel.NativeTableScan;
import io.basalt.storage.StorageException;
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
 * A native columnar table. Planning starts from a {@link NativeTableScan}, into which the rules
 * push projections and filters; the row count statistic comes from the latest commit.
 */
public final class NativeTable extends AbstractTable implements TranslatableTable {
  private final CatalogServices services;
  private final TableDefinition definition;

  NativeTable(CatalogServices services, TableDefinition definition) {
    this.services = requireNonNull(services, "services is null");
    this.definition = requireNonNull(definition, "definition is null");
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
    double rows;
    try {
      rows = services.storage().snapshot(definition.schema(), definition.name()).stats()
          .rowCount();
    } catch (StorageException dropped) {
      rows = 0;
    }
    return Statistics.of(Math.max(rows, 1), List.of());
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return definition.temporary() ? Schema.TableType.LOCAL_TEMPORARY : Schema.TableType.TABLE;
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return NativeTableScan.create(context.getCluster(), relOptTable, this);
  }
}
