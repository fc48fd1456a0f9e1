package io.basalt.planner.catalog;

import java.util.List;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A system table or catalog view whose rows (in Calcite's internal representation) are computed
 * from the catalog on every scan: SVV_EXTERNAL_*, information_schema and the like.
 */
public final class ComputedTable extends AbstractTable implements ScannableTable {
  private final Function<RelDataTypeFactory, RelDataType> rowType;
  private final Function<RelDataTypeFactory, List<Object[]>> rows;

  public ComputedTable(Function<RelDataTypeFactory, RelDataType> rowType,
      Function<RelDataTypeFactory, List<Object[]>> rows) {
    this.rowType = rowType;
    this.rows = rows;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory factory) {
    return rowType.apply(factory);
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.SYSTEM_TABLE;
  }

  @Override
  public Enumerable<Object[]> scan(DataContext dataContext) {
    return Linq4j.asEnumerable(rows.apply(dataContext.getTypeFactory()));
  }
}
