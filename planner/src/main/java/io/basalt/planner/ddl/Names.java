package io.basalt.planner.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;

/** Resolves a statement's table names against the session's default schema (search path). */
final class Names {
  private final String defaultSchema;

  Names(List<String> defaultSchemaPath) {
    this.defaultSchema = defaultSchemaPath == null || defaultSchemaPath.isEmpty()
        ? "public" : defaultSchemaPath.get(defaultSchemaPath.size() - 1);
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
      case 1 -> new Qualified(defaultSchema, parts.get(0));
      case 2 -> new Qualified(parts.get(0), parts.get(1));
      default -> new Qualified(parts.get(parts.size() - 2), parts.get(parts.size() - 1));
    };
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
