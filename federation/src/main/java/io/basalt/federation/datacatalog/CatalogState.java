package io.basalt.federation.datacatalog;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One immutable snapshot of the catalog, which readers use without locking; every change builds
 * a new one. Maps are sorted by name so that listings come out sorted.
 */
final class CatalogState {
  private final long version;
  private final SortedMap<String, CatalogDatabase> databases;
  private final SortedMap<String, ExternalSchemaDefinition> schemas;
  /** The tables of each database that has any, by database name and then table name. */
  private final Map<String, SortedMap<String, TableFile>> tables;

  private CatalogState(long version, SortedMap<String, CatalogDatabase> databases,
      SortedMap<String, ExternalSchemaDefinition> schemas,
      Map<String, SortedMap<String, TableFile>> tables) {
    this.version = version;
    this.databases = Collections.unmodifiableSortedMap(databases);
    this.schemas = Collections.unmodifiableSortedMap(schemas);
    this.tables = Collections.unmodifiableMap(tables);
  }

  /** The state holding these; tables of a database not among {@code databases} are left out. */
  static CatalogState of(Collection<CatalogDatabase> databases,
      Collection<ExternalSchemaDefinition> schemas, Collection<TableFile> tables) {
    SortedMap<String, CatalogDatabase> databaseMap = new TreeMap<>();
    for (CatalogDatabase database : databases) {
      databaseMap.put(database.name(), database);
    }
    SortedMap<String, ExternalSchemaDefinition> schemaMap = new TreeMap<>();
    for (ExternalSchemaDefinition schema : schemas) {
      schemaMap.put(schema.name(), schema);
    }
    Map<String, SortedMap<String, TableFile>> tableMap = new TreeMap<>();
    for (TableFile file : tables) {
      if (databaseMap.containsKey(file.table().database())) {
        tableMap.computeIfAbsent(file.table().database(), database -> new TreeMap<>())
            .put(file.table().name(), file);
      }
    }
    tableMap.replaceAll((database, inDatabase) -> Collections.unmodifiableSortedMap(inDatabase));
    return new CatalogState(0, databaseMap, schemaMap, tableMap);
  }

  long version() {
    return version;
  }

  CatalogState withVersion(long newVersion) {
    return new CatalogState(newVersion, databases, schemas, tables);
  }

  Optional<CatalogDatabase> database(String name) {
    return Optional.ofNullable(databases.get(name));
  }

  Collection<CatalogDatabase> databases() {
    return databases.values();
  }

  CatalogState withDatabase(CatalogDatabase database) {
    SortedMap<String, CatalogDatabase> next = new TreeMap<>(databases);
    next.put(database.name(), database);
    return new CatalogState(version, next, schemas, tables);
  }

  /** The state without the database and its tables. */
  CatalogState withoutDatabase(String name) {
    SortedMap<String, CatalogDatabase> next = new TreeMap<>(databases);
    next.remove(name);
    Map<String, SortedMap<String, TableFile>> nextTables = new TreeMap<>(tables);
    nextTables.remove(name);
    return new CatalogState(version, next, schemas, nextTables);
  }

  Optional<ExternalSchemaDefinition> schema(String name) {
    return Optional.ofNullable(schemas.get(name));
  }

  Collection<ExternalSchemaDefinition> schemas() {
    return schemas.values();
  }

  CatalogState withSchema(ExternalSchemaDefinition schema) {
    SortedMap<String, ExternalSchemaDefinition> next = new TreeMap<>(schemas);
    next.put(schema.name(), schema);
    return new CatalogState(version, databases, next, tables);
  }

  CatalogState withoutSchema(String name) {
    SortedMap<String, ExternalSchemaDefinition> next = new TreeMap<>(schemas);
    next.remove(name);
    return new CatalogState(version, databases, next, tables);
  }

  Optional<TableFile> table(String database, String name) {
    SortedMap<String, TableFile> inDatabase = tables.get(database);
    return Optional.ofNullable(inDatabase == null ? null : inDatabase.get(name));
  }

  /** The tables of a database, sorted by name. */
  Collection<TableFile> tables(String database) {
    SortedMap<String, TableFile> inDatabase = tables.get(database);
    return inDatabase == null ? List.of() : inDatabase.values();
  }

  /** The state with this table added or replaced. */
  CatalogState withTable(TableFile file) {
    String database = file.table().database();
    Map<String, SortedMap<String, TableFile>> next = new TreeMap<>(tables);
    SortedMap<String, TableFile> inDatabase =
        new TreeMap<>(tables.getOrDefault(database, Collections.emptySortedMap()));
    inDatabase.put(file.table().name(), file);
    next.put(database, Collections.unmodifiableSortedMap(inDatabase));
    return new CatalogState(version, databases, schemas, next);
  }

  CatalogState withoutTable(String database, String name) {
    Map<String, SortedMap<String, TableFile>> next = new TreeMap<>(tables);
    SortedMap<String, TableFile> inDatabase =
        new TreeMap<>(tables.getOrDefault(database, Collections.emptySortedMap()));
    inDatabase.remove(name);
    if (inDatabase.isEmpty()) {
      next.remove(database);
    } else {
      next.put(database, Collections.unmodifiableSortedMap(inDatabase));
    }
    return new CatalogState(version, databases, schemas, next);
  }
}
