package io.basalt.planner.source;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.catalog.TypeMapping;
import io.basalt.planner.rel.SourceTableScan;
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
 * The Calcite table of a {@link TableSource} that has nothing else to say: its row type from
 * the source's columns, its row count from the source's statistics, and planning that starts
 * from a {@link SourceTableScan} of it. External, Iceberg and federated tables extend it.
 */
public abstract class AbstractSourceTable extends AbstractTable
    implements TranslatableTable, SourceTable {
  /** Rows assumed when the source does not know its count: enough that joins build on it last. */
  public static final double UNKNOWN_ROWS = 1_000_000;

  private final TableSource source;
  private final double unknownRows;

  protected AbstractSourceTable(TableSource source) {
    this(source, UNKNOWN_ROWS);
  }

  /** A table whose row count, when the source does not know it, is taken as {@code rows}. */
  protected AbstractSourceTable(TableSource source, double unknownRows) {
    this.source = requireNonNull(source, "source is null");
    this.unknownRows = unknownRows;
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
    return Statistics.of(Math.max(1, source.statistics().rowCount().orElse(unknownRows)),
        List.of());
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
