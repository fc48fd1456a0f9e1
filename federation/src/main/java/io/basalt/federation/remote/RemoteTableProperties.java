package io.basalt.federation.remote;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table properties set on federated tables with {@code ALTER TABLE s.t SET TABLE
 * PROPERTIES (...)} (the range splits of {@link RangeSplitting}), kept in {@code
 * remote_tables.json} next to the catalog files, by schema and remote table name. DROP SCHEMA
 * drops a schema's properties.
 */
final class RemoteTableProperties {
  static final String FILE = "remote_tables.json";

  /** The properties of one table. */
  record Entry(String schema, String table, Map<String, String> properties) {
    Entry {
      properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
  }

  /** The content of {@code remote_tables.json}. */
  record TablesFile(List<Entry> tables) {
    TablesFile {
      tables = tables == null ? List.of() : List.copyOf(tables);
    }
  }

  private final Path file;
  private volatile List<Entry> entries;

  RemoteTableProperties(Path directory) {
    this.file = directory.resolve(FILE);
    this.entries = RemoteFiles.read(file, TablesFile.class, new TablesFile(List.of())).tables();
  }

  /** The properties of {@code table} of {@code schema}; empty when none were set. */
  Map<String, String> get(String schema, String table) {
    for (Entry entry : entries) {
      if (entry.schema().equals(schema) && entry.table().equals(table)) {
        return entry.properties();
      }
    }
    return Map.of();
  }

  /** Sets the properties of a table: the given ones replace, an empty value removes one. */
  synchronized void set(String schema, String table, Map<String, String> changes) {
    Map<String, String> merged = new TreeMap<>(get(schema, table));
    changes.forEach((key, value) -> {
      if (value.isEmpty()) {
        merged.remove(key);
      } else {
        merged.put(key, value);
      }
    });
    List<Entry> next = new ArrayList<>(entries);
    next.removeIf(e -> e.schema().equals(schema) && e.table().equals(table));
    if (!merged.isEmpty()) {
      next.add(new Entry(schema, table, merged));
    }
    save(next, "set the table properties of '" + schema + "." + table + "'");
  }

  /** Drops the properties of every table of {@code schema}. */
  synchronized void dropSchema(String schema) {
    List<Entry> next = new ArrayList<>(entries);
    if (next.removeIf(e -> e.schema().equals(schema))) {
      save(next, "drop the table properties of schema '" + schema + "'");
    }
  }

  private void save(List<Entry> next, String action) {
    next.sort(Comparator.comparing(Entry::schema).thenComparing(Entry::table));
    RemoteFiles.write(file, new TablesFile(next), action);
    entries = List.copyOf(next);
  }
}
