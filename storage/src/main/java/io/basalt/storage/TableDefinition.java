package io.basalt.storage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A native table as the catalog records it. {@code id} is assigned by the store when the table is
 * created (pass 0 when asking for a new table). {@code distKey} is null unless the style is KEY.
 */
public record TableDefinition(
    long id,
    String schema,
    String name,
    List<ColumnDefinition> columns,
    DistStyle distStyle,
    String distKey,
    SortKeyKind sortKeyKind,
    List<String> sortKeyColumns,
    boolean temporary) {
  public TableDefinition {
    requireNonNull(schema, "schema is null");
    requireNonNull(name, "name is null");
    columns = List.copyOf(columns);
    requireNonNull(distStyle, "distStyle is null");
    requireNonNull(sortKeyKind, "sortKeyKind is null");
    sortKeyColumns = List.copyOf(sortKeyColumns);
  }

  /** The index of the named column, or -1. */
  public int columnIndex(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }

  public TableDefinition withId(long newId) {
    return new TableDefinition(newId, schema, name, columns, distStyle, distKey, sortKeyKind,
        sortKeyColumns, temporary);
  }
}
