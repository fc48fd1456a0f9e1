package io.basalt.planner.ddl;

import io.basalt.distribution.SliceMap;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableWriter;

/**
 * A table writer for rows that statements compute: each row is brought to the exact Java
 * classes of its columns and sent to the slice its table's distribution style picks.
 */
final class RoutedWriter implements AutoCloseable {
  private final TableWriter writer;
  private final TableDefinition table;
  private final SliceMap slices;

  RoutedWriter(TableWriter writer, TableDefinition table, int sliceCount) {
    this.writer = writer;
    this.table = table;
    this.slices = SliceMap.of(table, sliceCount);
  }

  /** Appends a row computed by a query (values coerced to the column types). */
  void append(Object[] row) {
    Object[] values = new Object[row.length];
    for (int i = 0; i < row.length; i++) {
      ColumnDefinition column = table.columns().get(i);
      values[i] = ValueCoercion.toStorage(row[i], column.type(), column.name());
    }
    writer.append(slices.sliceOf(values), values);
  }

  /** Appends a row already in the store's representation (read from a table). */
  void appendStored(Object[] row) {
    writer.append(slices.sliceOf(row), row);
  }

  void commit() {
    writer.commit();
  }

  @Override
  public void close() {
    writer.close();
  }
}
