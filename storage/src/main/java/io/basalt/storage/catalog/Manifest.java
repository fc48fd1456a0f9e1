package io.basalt.storage.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.ViewDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything committed in a store at one moment: schemas, tables with their segments, views, and
 * the next table and file ids. Immutable; a change produces a new manifest that is then published.
 */
public record Manifest(
    long version,
    long nextTableId,
    long nextFileId,
    List<String> schemas,
    List<TableEntry> tables,
    List<ViewDefinition> views) {
  public Manifest {
    schemas = List.copyOf(schemas);
    tables = List.copyOf(tables);
    views = List.copyOf(views);
  }

  static Manifest empty() {
    return new Manifest(0, 1, 1, List.of("public"), List.of(), List.of());
  }

  public Optional<TableEntry> table(String schema, String name) {
    requireNonNull(schema, "schema is null");
    requireNonNull(name, "name is null");
    for (TableEntry entry : tables) {
      if (entry.definition().schema().equals(schema) && entry.definition().name().equals(name)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  public Optional<ViewDefinition> view(String schema, String name) {
    for (ViewDefinition view : views) {
      if (view.schema().equals(schema) && view.name().equals(name)) {
        return Optional.of(view);
      }
    }
    return Optional.empty();
  }

  Manifest withSchemas(List<String> newSchemas) {
    return new Manifest(version, nextTableId, nextFileId, newSchemas, tables, views);
  }

  Manifest withTables(List<TableEntry> newTables) {
    return new Manifest(version, nextTableId, nextFileId, schemas, newTables, views);
  }

  Manifest withViews(List<ViewDefinition> newViews) {
    return new Manifest(version, nextTableId, nextFileId, schemas, tables, newViews);
  }

  Manifest withNextTableId(long id) {
    return new Manifest(version, id, nextFileId, schemas, tables, views);
  }

  Manifest withCounters(long newVersion, long fileId) {
    return new Manifest(newVersion, nextTableId, fileId, schemas, tables, views);
  }

  /** The tables without those matching {@code drop}. */
  List<TableEntry> tablesExcept(Predicate<TableEntry> drop) {
    List<TableEntry> kept = new ArrayList<>();
    for (TableEntry entry : tables) {
      if (!drop.test(entry)) {
        kept.add(entry);
      }
    }
    return kept;
  }

  /** The table with this id replaced by {@code replacement}. */
  List<TableEntry> tablesReplacing(long id, TableEntry replacement) {
    List<TableEntry> result = new ArrayList<>();
    for (TableEntry entry : tables) {
      result.add(entry.definition().id() == id ? replacement : entry);
    }
    return result;
  }
}
