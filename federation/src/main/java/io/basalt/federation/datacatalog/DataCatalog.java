package io.basalt.federation.datacatalog;

import static io.basalt.federation.datacatalog.CatalogNames.quoted;
import static java.util.Objects.requireNonNull;

import io.basalt.storage.StorageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The Data Catalog of the lake, after AWS Glue's model: databases, their external tables with
 * schema versions and partitions, and the external schemas bound to them. One instance per
 * server, under {@code <data-dir>/catalog}, shared by all sessions.
 *
 * <p>Readers use an immutable snapshot without locking. Changes are serialized by one lock; each
 * writes the files it affects (see {@link CatalogFiles}) by atomic replacement before the new
 * snapshot is published, so a failed write changes nothing and a crash at any moment leaves each
 * file old or new. Adding or dropping partitions rewrites only that table's file. Names are
 * stored lower-case and looked up case-insensitively, as Redshift folds unquoted identifiers.
 */
public final class DataCatalog {
  private static final Set<String> FORMATS =
      Set.of(CatalogTable.PARQUET, CatalogTable.TEXTFILE, CatalogTable.JSON);
  private static final Set<String> SOURCE_KINDS = Set.of(ExternalSchemaDefinition.DATA_CATALOG,
      ExternalSchemaDefinition.POSTGRES, ExternalSchemaDefinition.MYSQL);

  private final CatalogFiles files;
  private final LongSupplier clock;
  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile CatalogState state;

  private DataCatalog(CatalogFiles files, LongSupplier clock, CatalogState state) {
    this.files = files;
    this.clock = clock;
    this.state = state;
  }

  /** Opens the catalog under {@code directory}, creating the directory if it is missing. */
  public static DataCatalog open(Path directory) {
    return open(directory, System::currentTimeMillis);
  }

  /** Opens the catalog with {@code clock} giving the times it records (a test hook). */
  static DataCatalog open(Path directory, LongSupplier clock) {
    requireNonNull(directory, "directory is null");
    requireNonNull(clock, "clock is null");
    CatalogFiles files = new CatalogFiles(directory);
    try {
      return new DataCatalog(files, clock, files.load());
    } catch (IOException e) {
      throw new StorageException("58030", "Cannot open data catalog '" + directory + "': "
          + e.getMessage(), e);
    }
  }

  /** A number that increases on every change, for caches of what was planned against it. */
  public long version() {
    return state.version();
  }

  // Databases

  /** Creates a database; {@code description} and {@code locationUri} may be null. */
  public void createDatabase(String name, boolean ifNotExists, String description,
      String locationUri) {
    String folded = CatalogNames.fold(name, "name");
    String action = "create database " + quoted(folded);
    checkName(action, folded);
    writeLock.lock();
    try {
      CatalogState current = state;
      if (current.database(folded).isPresent()) {
        if (ifNotExists) {
          return;
        }
        throw new StorageException("42P06", "Cannot " + action + ": it already exists");
      }
      CatalogState next = current.withDatabase(
          new CatalogDatabase(folded, description, locationUri, clock.getAsLong()));
      write(action, () -> {
        // Tables of an earlier database of this name whose deletion failed must not come back.
        files.deleteDatabaseTables(folded);
        files.writeDatabases(next.databases());
      });
      publish(next);
    } finally {
      writeLock.unlock();
    }
  }

  public Optional<CatalogDatabase> database(String name) {
    return state.database(CatalogNames.fold(name, "name"));
  }

  /** The databases, sorted by name. */
  public List<CatalogDatabase> databases() {
    return List.copyOf(state.databases());
  }

  /**
   * Drops a database; with {@code cascade} its tables and their partitions too, otherwise it must
   * have none. External schemas bound to it stay, as Glue lets a database go while Redshift
   * schemas still name it; using them fails until the database exists again.
   */
  public void dropDatabase(String name, boolean ifExists, boolean cascade) {
    String folded = CatalogNames.fold(name, "name");
    String action = "drop database " + quoted(folded);
    writeLock.lock();
    try {
      CatalogState current = state;
      if (current.database(folded).isEmpty()) {
        if (ifExists) {
          return;
        }
        throw new StorageException("3F000", "Cannot " + action + ": it does not exist");
      }
      if (!cascade && !current.tables(folded).isEmpty()) {
        throw new StorageException("2BP01", "Cannot " + action
            + ": it contains tables (use CASCADE to drop them too)");
      }
      CatalogState next = current.withoutDatabase(folded);
      write(action, () -> files.writeDatabases(next.databases()));
      publish(next);
      try {
        files.deleteDatabaseTables(folded);
      } catch (IOException e) {
        // The drop is committed; the files left are deleted on the next open or re-creation.
      }
    } finally {
      writeLock.unlock();
    }
  }

  // Tables

  /**
   * Creates a table as version 1, recording its schema as the first table version; the catalog
   * sets the create and update times and the version, ignoring those of {@code table}.
   */
  public void createTable(CatalogTable table, boolean ifNotExists) {
    requireNonNull(table, "table is null");
    String action = "create table " + quoted(table.database(), table.name());
    checkName(action, table.name());
    checkDefinition(action, table);
    writeLock.lock();
    try {
      CatalogState current = state;
      if (current.database(table.database()).isEmpty()) {
        throw new StorageException("3F000", "Cannot " + action + ": database "
            + quoted(table.database()) + " does not exist");
      }
      if (current.table(table.database(), table.name()).isPresent()) {
        if (ifNotExists) {
          return;
        }
        throw new StorageException("42P07", "Cannot " + action + ": it already exists");
      }
      long now = clock.getAsLong();
      CatalogTable stored = table.withStamp(now, now, 1);
      TableFile file = new TableFile(stored, List.of(new CatalogTableVersion(1, stored.columns(),
          stored.partitionKeys(), now, "created")), List.of());
      write(action, () -> files.writeTable(file));
      publish(current.withTable(file));
    } finally {
      writeLock.unlock();
    }
  }

  public Optional<CatalogTable> table(String database, String name) {
    return state.table(CatalogNames.fold(database, "database"), CatalogNames.fold(name, "name"))
        .map(TableFile::table);
  }

  /** The tables of a database, sorted by name; 3F000 when the database does not exist. */
  public List<CatalogTable> tables(String database) {
    String folded = CatalogNames.fold(database, "database");
    CatalogState current = state;
    if (current.database(folded).isEmpty()) {
      throw new StorageException("3F000", "Cannot list the tables of database " + quoted(folded)
          + ": it does not exist");
    }
    return current.tables(folded).stream().map(TableFile::table).toList();
  }

  /**
   * Replaces an existing table's definition (its database and name identify it) and returns it
   * as stored: the creation time kept, the update time now, the version one more. When the
   * columns or partition keys change, the new schema is recorded as a table version with
   * {@code reason}. The number of partition keys cannot change while the table has partitions.
   */
  public CatalogTable replaceTable(CatalogTable table, String reason) {
    requireNonNull(table, "table is null");
    requireNonNull(reason, "reason is null");
    String action = "replace table " + quoted(table.database(), table.name());
    checkDefinition(action, table);
    writeLock.lock();
    try {
      CatalogState current = state;
      TableFile existing = requireTable(current, action, table.database(), table.name());
      CatalogTable previous = existing.table();
      if (!existing.partitions().isEmpty()
          && table.partitionKeys().size() != previous.partitionKeys().size()) {
        throw new StorageException("55000", "Cannot " + action + ": it has partitions, so the"
            + " number of its partition keys cannot change");
      }
      long now = clock.getAsLong();
      CatalogTable stored = table.withStamp(previous.createTimeMillis(), now,
          previous.version() + 1);
      TableFile next = existing.withTable(stored);
      if (!stored.columns().equals(previous.columns())
          || !stored.partitionKeys().equals(previous.partitionKeys())) {
        List<CatalogTableVersion> versions = new ArrayList<>(existing.versions());
        versions.add(new CatalogTableVersion(stored.version(), stored.columns(),
            stored.partitionKeys(), now, reason));
        next = next.withVersions(versions);
      }
      TableFile file = next;
      write(action, () -> files.writeTable(file));
      publish(current.withTable(file));
      return stored;
    } finally {
      writeLock.unlock();
    }
  }

  /** The schema versions of a table, oldest first; version 1 is the creation. */
  public List<CatalogTableVersion> tableVersions(String database, String name) {
    String action = "list the versions of table "
        + quoted(CatalogNames.fold(database, "database"), CatalogNames.fold(name, "name"));
    return requireTable(state, action, database, name).versions();
  }

  /** Drops a table and its partitions. */
  public void dropTable(String database, String name, boolean ifExists) {
    String foldedDatabase = CatalogNames.fold(database, "database");
    String foldedName = CatalogNames.fold(name, "name");
    String action = "drop table " + quoted(foldedDatabase, foldedName);
    writeLock.lock();
    try {
      CatalogState current = state;
      if (current.table(foldedDatabase, foldedName).isEmpty()) {
        if (ifExists) {
          return;
        }
        throw new StorageException("42P01", "Cannot " + action + ": it does not exist");
      }
      write(action, () -> files.deleteTable(foldedDatabase, foldedName));
      publish(current.withoutTable(foldedDatabase, foldedName));
    } finally {
      writeLock.unlock();
    }
  }

  // Partitions

  /**
   * Adds partitions, all or none, and returns how many were added: with {@code ifNotExists}
   * those already present (or repeated in {@code partitions}) are skipped, otherwise they fail
   * with 42P07. Each must have one value per partition key (22023 otherwise). The catalog sets
   * their creation time.
   */
  public int addPartitions(String database, String table, List<CatalogPartition> partitions,
      boolean ifNotExists) {
    requireNonNull(partitions, "partitions is null");
    String name =
        quoted(CatalogNames.fold(database, "database"), CatalogNames.fold(table, "table"));
    writeLock.lock();
    try {
      CatalogState current = state;
      TableFile file = requireTable(current, "add partitions to table " + name, database, table);
      List<CatalogColumn> keys = file.table().partitionKeys();
      Set<List<String>> present = new HashSet<>();
      for (CatalogPartition partition : file.partitions()) {
        present.add(partition.values());
      }
      long now = clock.getAsLong();
      List<CatalogPartition> added = new ArrayList<>();
      for (CatalogPartition partition : partitions) {
        requireNonNull(partition, "partition is null");
        String action = "add partition " + CatalogPartitions.describe(keys, partition.values())
            + " to table " + name;
        checkValueCount(action, keys, partition.values());
        if (!present.add(partition.values())) {
          if (ifNotExists) {
            continue;
          }
          throw new StorageException("42P07", "Cannot " + action + ": it already exists");
        }
        added.add(partition.withCreateTimeMillis(now));
      }
      if (added.isEmpty()) {
        return 0;
      }
      List<CatalogPartition> all = new ArrayList<>(file.partitions());
      all.addAll(added);
      all.sort(CatalogPartitions.ORDER);
      TableFile next = file.withPartitions(all);
      write("add partitions to table " + name, () -> files.writeTable(next));
      publish(current.withTable(next));
      return added.size();
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Drops the partitions with these values, all or none, and returns how many were dropped: with
   * {@code ifExists} missing ones are skipped, otherwise they fail with 42P01.
   */
  public int dropPartitions(String database, String table, List<List<String>> values,
      boolean ifExists) {
    requireNonNull(values, "values is null");
    String name =
        quoted(CatalogNames.fold(database, "database"), CatalogNames.fold(table, "table"));
    writeLock.lock();
    try {
      CatalogState current = state;
      TableFile file = requireTable(current, "drop partitions from table " + name, database,
          table);
      List<CatalogColumn> keys = file.table().partitionKeys();
      Set<List<String>> present = new HashSet<>();
      for (CatalogPartition partition : file.partitions()) {
        present.add(partition.values());
      }
      Set<List<String>> dropped = new HashSet<>();
      for (List<String> partitionValues : values) {
        List<String> copy = List.copyOf(partitionValues);
        String action = "drop partition " + CatalogPartitions.describe(keys, copy)
            + " from table " + name;
        checkValueCount(action, keys, copy);
        if (!present.contains(copy)) {
          if (ifExists) {
            continue;
          }
          throw new StorageException("42P01", "Cannot " + action + ": it does not exist");
        }
        dropped.add(copy);
      }
      if (dropped.isEmpty()) {
        return 0;
      }
      List<CatalogPartition> kept = file.partitions().stream()
          .filter(partition -> !dropped.contains(partition.values()))
          .toList();
      TableFile next = file.withPartitions(kept);
      write("drop partitions from table " + name, () -> files.writeTable(next));
      publish(current.withTable(next));
      return dropped.size();
    } finally {
      writeLock.unlock();
    }
  }

  /** The partitions of a table in the order of their values, numbers by value. */
  public List<CatalogPartition> partitions(String database, String table) {
    String action = "list the partitions of table "
        + quoted(CatalogNames.fold(database, "database"), CatalogNames.fold(table, "table"));
    return requireTable(state, action, database, table).partitions();
  }

  // External schemas

  /**
   * Creates an external schema; one of kind {@link ExternalSchemaDefinition#DATA_CATALOG} must
   * name an existing catalog database.
   */
  public void createExternalSchema(ExternalSchemaDefinition schema, boolean ifNotExists) {
    requireNonNull(schema, "schema is null");
    String action = "create external schema " + quoted(schema.name());
    checkName(action, schema.name());
    if (!SOURCE_KINDS.contains(schema.sourceKind())) {
      throw new StorageException("0A000", "Cannot " + action + ": source kind "
          + quoted(schema.sourceKind()) + " is not supported");
    }
    writeLock.lock();
    try {
      CatalogState current = state;
      if (current.schema(schema.name()).isPresent()) {
        if (ifNotExists) {
          return;
        }
        throw new StorageException("42P06", "Cannot " + action + ": it already exists");
      }
      if (schema.sourceKind().equals(ExternalSchemaDefinition.DATA_CATALOG)
          && current.database(schema.database()).isEmpty()) {
        throw new StorageException("3F000", "Cannot " + action + ": database "
            + quoted(schema.database()) + " does not exist");
      }
      CatalogState next = current.withSchema(schema);
      write(action, () -> files.writeExternalSchemas(next.schemas()));
      publish(next);
    } finally {
      writeLock.unlock();
    }
  }

  public Optional<ExternalSchemaDefinition> externalSchema(String name) {
    return state.schema(CatalogNames.fold(name, "name"));
  }

  /** The external schemas, sorted by name. */
  public List<ExternalSchemaDefinition> externalSchemas() {
    return List.copyOf(state.schemas());
  }

  /** Drops an external schema; the database it names is not touched. */
  public void dropExternalSchema(String name, boolean ifExists) {
    String folded = CatalogNames.fold(name, "name");
    String action = "drop external schema " + quoted(folded);
    writeLock.lock();
    try {
      CatalogState current = state;
      if (current.schema(folded).isEmpty()) {
        if (ifExists) {
          return;
        }
        throw new StorageException("3F000", "Cannot " + action + ": it does not exist");
      }
      CatalogState next = current.withoutSchema(folded);
      write(action, () -> files.writeExternalSchemas(next.schemas()));
      publish(next);
    } finally {
      writeLock.unlock();
    }
  }

  // Helpers

  /** Publishes a snapshot whose files are written; the caller holds the write lock. */
  private void publish(CatalogState next) {
    state = next.withVersion(state.version() + 1);
  }

  private static TableFile requireTable(CatalogState current, String action, String database,
      String name) {
    return current.table(CatalogNames.fold(database, "database"), CatalogNames.fold(name, "name"))
        .orElseThrow(() -> new StorageException("42P01", "Cannot " + action
            + ": it does not exist"));
  }

  private static void checkName(String action, String name) {
    if (name.isBlank()) {
      throw new StorageException("42602", "Cannot " + action + ": the name is empty");
    }
  }

  /** Checks what a table definition must satisfy whatever the catalog holds. */
  private static void checkDefinition(String action, CatalogTable table) {
    if (!FORMATS.contains(table.format())) {
      throw new StorageException("0A000", "Cannot " + action + ": format "
          + quoted(table.format()) + " is not supported");
    }
    if (table.columns().isEmpty()) {
      throw new StorageException("42P16", "Cannot " + action + ": it has no columns");
    }
    Set<String> names = new HashSet<>();
    List<CatalogColumn> all = new ArrayList<>(table.columns());
    all.addAll(table.partitionKeys());
    for (CatalogColumn column : all) {
      if (column.name().isBlank()) {
        throw new StorageException("42602", "Cannot " + action + ": a column name is empty");
      }
      if (!names.add(column.name())) {
        throw new StorageException("42701", "Cannot " + action + ": column "
            + quoted(column.name()) + " is specified more than once");
      }
    }
  }

  private static void checkValueCount(String action, List<CatalogColumn> keys,
      List<String> values) {
    if (values.size() == keys.size()) {
      return;
    }
    if (keys.isEmpty()) {
      throw new StorageException("22023", "Cannot " + action + ": the table is not partitioned");
    }
    List<String> names = keys.stream().map(CatalogColumn::name).toList();
    throw new StorageException("22023", "Cannot " + action + ": the table has "
        + keys.size() + " partition keys (" + String.join(", ", names) + ")");
  }

  /** A change to the catalog's files. */
  private interface FileChange {
    void run() throws IOException;
  }

  private static void write(String action, FileChange change) {
    try {
      change.run();
    } catch (IOException e) {
      throw new StorageException("58030", "Cannot " + action + ": writing the catalog failed: "
          + e.getMessage(), e);
    }
  }
}
