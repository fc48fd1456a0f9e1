package io.basalt.storage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A view: its defining SELECT text and, when given, the column names declared for it. */
public record ViewDefinition(String schema, String name, String sql, List<String> columnNames) {
  public ViewDefinition {
    requireNonNull(schema, "schema is null");
    requireNonNull(name, "name is null");
    requireNonNull(sql, "sql is null");
    columnNames = List.copyOf(columnNames);
  }
}
