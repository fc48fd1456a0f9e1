package io.basalt.planner.rel.pushdown;

import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.adapter.jdbc.JdbcImplementor;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.sql.SqlDialect;

/**
 * Calcite's JDBC implementor with the remote tables' own names: Calcite names a scanned table
 * by its Basalt qualified name ({@code pg.customers}) unless it is one of Calcite's JDBC tables;
 * a {@link RemoteTableScan} knows its name in the source ({@code "public"."customers"}).
 */
public final class RemoteImplementor extends JdbcImplementor {
  RemoteImplementor(SqlDialect dialect, JavaTypeFactory typeFactory) {
    super(dialect, typeFactory);
  }

  @Override
  public Result visit(TableScan scan) {
    if (scan instanceof RemoteTableScan remote) {
      return remote.implement(this);
    }
    return super.visit(scan);
  }
}
