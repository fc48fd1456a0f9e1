package io.basalt.federation.lake;

import java.util.List;
import java.util.Map;

/**
 * Tables of a Data Catalog database that another catalog keeps (Iceberg tables), as the lake's
 * system tables list them next to its own: {@code SVV_EXTERNAL_TABLES} and
 * {@code SVV_EXTERNAL_COLUMNS}.
 */
public interface ListedTables {
  /** No other tables. */
  ListedTables NONE = database -> List.of();

  /** The tables of {@code database}, by name. */
  List<Listed> tables(String database);

  /** One table: its type word ({@code ICEBERG}), location, properties and columns. */
  record Listed(String name, String type, String location, Map<String, String> parameters,
      List<Column> columns) {
    public Listed {
      parameters = Map.copyOf(parameters);
      columns = List.copyOf(columns);
    }
  }

  /** A column: its name, its type as the catalog spells it, and whether it may be NULL. */
  record Column(String name, String type, boolean nullable) {}
}
