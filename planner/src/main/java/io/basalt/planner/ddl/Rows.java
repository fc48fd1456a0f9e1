package io.basalt.planner.ddl;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.TableDefinition;

/** Row-level helpers for statements that write query results into a table. */
final class Rows {
  private Rows() {}

  /** The row with every value in the exact class its column stores. */
  static Object[] coerce(Object[] row, TableDefinition table) {
    Object[] values = new Object[row.length];
    for (int i = 0; i < row.length; i++) {
      ColumnDefinition column = table.columns().get(i);
      values[i] = ValueCoercion.toStorage(row[i], column.type(), column.name());
    }
    return values;
  }
}
