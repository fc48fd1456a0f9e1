package io.basalt.planner.ddl;

import io.basalt.planner.rel.vector.EngineSettings;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.StorageException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
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

  static long apply(SqlSetOption set, CalcitePrepare.Context context, StorageEngine storage,
      java.util.Set<String> externalSchemas) {
    String name = set.getName().toString().toLowerCase(Locale.ROOT);
    Properties properties =
        ((CalciteConnection) context.getDataContext().getQueryProvider()).getProperties();
    if (name.equals(EngineSettings.MEMORY_LIMIT_PROPERTY)) {
      return setMemoryLimit(set, properties);
    }
    if (name.equals(EngineSettings.ENGINE_PROPERTY)) {
      return setEngine(set, properties);
    }
    if (name.equals("all") && set.getValue() == null) {
      properties.remove(EngineSettings.MEMORY_LIMIT_PROPERTY);
      properties.remove(EngineSettings.ENGINE_PROPERTY);
    } else if (!name.equals(SEARCH_PATH)) {
      throw new StorageException("42704", "Cannot set \"" + name + "\": unrecognized"
          + " configuration parameter (this release knows search_path, "
          + EngineSettings.MEMORY_LIMIT_PROPERTY + " and " + EngineSettings.ENGINE_PROPERTY
          + ")");
    }
    String schema = set.getValue() == null ? DEFAULT_SCHEMA : firstExisting(set, storage,
        externalSchemas);
    try {
      ((CalciteConnection) context.getDataContext().getQueryProvider()).setSchema(schema);
    } catch (SQLException e) {
      throw new StorageException("XX000", "Cannot set search_path: " + e.getMessage(), e);
    }
    return 0;
  }

  private static long setMemoryLimit(SqlSetOption set, Properties properties) {
    if (set.getValue() == null) {
      properties.remove(EngineSettings.MEMORY_LIMIT_PROPERTY);
      return 0;
    }
    String text = valueText(set.getValue());
    long megabytes;
    try {
      megabytes = Long.parseLong(text);
    } catch (NumberFormatException e) {
      megabytes = -1;
    }
    if (megabytes < 1) {
      throw new StorageException("22023", "Cannot set " + EngineSettings.MEMORY_LIMIT_PROPERTY
          + " to \"" + text + "\": expected a positive whole number of megabytes");
    }
    properties.setProperty(EngineSettings.MEMORY_LIMIT_PROPERTY, String.valueOf(megabytes));
    return 0;
  }

  private static long setEngine(SqlSetOption set, Properties properties) {
    if (set.getValue() == null) {
      properties.remove(EngineSettings.ENGINE_PROPERTY);
      return 0;
    }
    String text = valueText(set.getValue()).toLowerCase(Locale.ROOT);
    String value = switch (text) {
      case "on", "true", "1" -> "on";
      case "off", "false", "0" -> "off";
      default -> throw new StorageException("22023", "Cannot set "
          + EngineSettings.ENGINE_PROPERTY + " to \"" + text + "\": expected on or off");
    };
    properties.setProperty(EngineSettings.ENGINE_PROPERTY, value);
    return 0;
  }

  private static String valueText(SqlNode value) {
    if (value instanceof SqlLiteral literal) {
      Object raw = literal.getValue();
      return raw instanceof org.apache.calcite.util.NlsString nls ? nls.getValue()
          : String.valueOf(literal.toValue());
    }
    return value.toString();
  }

  private static String firstExisting(SqlSetOption set, StorageEngine storage,
      java.util.Set<String> externalSchemas) {
    List<String> schemas = names(set.getValue());
    for (String schema : schemas) {
      if (storage.schemaExists(schema)) {
        return schema;
      }
    }
    for (String schema : schemas) {
      if (externalSchemas.contains(schema)) {
        // As in Redshift: external tables are always named with their schema.
        throw new StorageException("0A000", "Cannot set search_path to " + schema
            + ": external schemas cannot be in the search path; qualify external tables, "
            + "e.g. " + schema + ".table");
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
