package io.basalt.planner.ddl;

import io.basalt.storage.StorageEngine;
import io.basalt.storage.StorageException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSetOption;

/**
 * {@code SET name TO value} and {@code RESET name} for a session. This release knows
 * {@code search_path}: unqualified names then resolve in its first schema that exists.
 */
final class SessionSettings {
  private static final String SEARCH_PATH = "search_path";
  private static final String DEFAULT_SCHEMA = "public";

  private SessionSettings() {}

  static long apply(SqlSetOption set, CalcitePrepare.Context context, StorageEngine storage) {
    String name = set.getName().toString().toLowerCase(Locale.ROOT);
    if (!name.equals(SEARCH_PATH) && !(name.equals("all") && set.getValue() == null)) {
      throw new StorageException("0A000", "Cannot set \"" + name
          + "\": this release supports only search_path");
    }
    String schema = set.getValue() == null ? DEFAULT_SCHEMA : firstExisting(set, storage);
    try {
      ((CalciteConnection) context.getDataContext().getQueryProvider()).setSchema(schema);
    } catch (SQLException e) {
      throw new StorageException("XX000", "Cannot set search_path: " + e.getMessage(), e);
    }
    return 0;
  }

  private static String firstExisting(SqlSetOption set, StorageEngine storage) {
    List<String> schemas = names(set.getValue());
    for (String schema : schemas) {
      if (storage.schemaExists(schema)) {
        return schema;
      }
    }
    throw new StorageException("3F000", "Cannot set search_path to " + String.join(", ", schemas)
        + ": no such schema exists");
  }

  /** The schema names of a value: an identifier, a list of them, or a string '$user, public'. */
  private static List<String> names(SqlNode value) {
    List<String> names = new ArrayList<>();
    if (value instanceof SqlNodeList list) {
      list.forEach(item -> names.addAll(names(item)));
    } else if (value instanceof SqlIdentifier identifier) {
      names.add(identifier.getSimple());
    } else if (value instanceof SqlLiteral literal) {
      for (String part : literal.getValueAs(String.class).split(",")) {
        String trimmed = part.trim().replace("\"", "");
        if (!trimmed.isEmpty() && !trimmed.equals("$user")) {
          names.add(trimmed);
        }
      }
    }
    return names;
  }
}
