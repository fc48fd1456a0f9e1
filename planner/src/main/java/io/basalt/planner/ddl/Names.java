package io.basalt.planner.ddl;

import io.basalt.storage.StorageEngine;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Resolves a statement's table names as the session's search path does: an unqualified name is
 * the session's TEMP table of that name if there is one, else a table of the default schema.
 */
final class Names {
  private final String defaultSchema;
  private final String tempSchema;
  private final StorageEngine storage;

  Names(List<String> defaultSchemaPath, String tempSchema, StorageEngine storage) {
    this.defaultSchema = defaultSchemaPath == null || defaultSchemaPath.isEmpty()
        ? "public" : defaultSchemaPath.get(defaultSchemaPath.size() - 1);
    this.tempSchema = tempSchema;
    this.storage = storage;
  }

  /** Where a new table goes: a TEMP table into the session's temp schema (created if need be). */
  Qualified qualifyNew(SqlIdentifier identifier, boolean temporary) {
    if (!temporary || tempSchema == null) {
      return qualify(identifier);
    }
    storage.createSchema(tempSchema, true);
    return new Qualified(tempSchema, identifier.names.get(identifier.names.size() - 1));
  }

  /** A schema-qualified name. */
  record Qualified(String schema, String name) {
    String quoted() {
      return quote(schema) + "." + quote(name);
    }

    @Override
    public String toString() {
      return schema + "." + name;
    }
  }

  Qualified qualify(SqlIdentifier identifier) {
    List<String> parts = identifier.names;
    return switch (parts.size()) {
      case 1 -> new Qualified(isTemporary(parts.get(0)) ? tempSchema : defaultSchema,
          parts.get(0));
      case 2 -> new Qualified(parts.get(0), parts.get(1));
      default -> new Qualified(parts.get(parts.size() - 2), parts.get(parts.size() - 1));
    };
  }

  private boolean isTemporary(String name) {
    return tempSchema != null && storage.schemaExists(tempSchema)
        && (storage.table(tempSchema, name).isPresent()
            || storage.view(tempSchema, name).isPresent());
  }

  /**
   * The expression with references written as {@code schema.table.column} to the given table
   * shortened to {@code alias.column}, for SQL that reads the table under that alias.
   */
  static SqlNode withTableAlias(SqlNode node, Qualified table, String alias) {
    if (node == null) {
      return null;
    }
    return node.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlIdentifier identifier) {
        List<String> parts = identifier.names;
        if (parts.size() == 3 && parts.get(0).equals(table.schema())
            && parts.get(1).equals(table.name())) {
          return new SqlIdentifier(List.of(alias, parts.get(2)),
              identifier.getParserPosition());
        }
        return identifier;
      }
    });
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
