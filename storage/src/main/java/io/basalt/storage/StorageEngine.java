package io.basalt.storage;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.catalog.Catalog;
import io.basalt.storage.catalog.Manifest;
import io.basalt.storage.catalog.TableEntry;
import io.basalt.storage.snapshot.NativeSnapshot;
import io.basalt.storage.snapshot.SegmentCache;
import io.basalt.storage.write.NativeTableWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The persistent columnar store under one data directory: the catalog (schemas, tables, views) and
 * the committed rows of every table. Every change is atomic and durable; after a crash at any
 * moment, {@link #open} finds each table as of its last commit.
 */
public final class StorageEngine implements AutoCloseable {
  /** Estimated heap a writer buffers before it writes its rows out as segment files. */
  static final long DEFAULT_SPILL_BYTES = 256L << 20;

  private final StorageConfig config;
  private final Catalog catalog;
  private final SegmentCache segments;
  private final long spillBytes;

  private StorageEngine(StorageConfig config, Catalog catalog, long spillBytes) {
    this.config = config;
    this.catalog = catalog;
    this.segments = new SegmentCache(catalog.segmentsDirectory());
    this.spillBytes = spillBytes;
  }

  /**
   * Opens the store in {@code dataDirectory}, creating it if needed. Files left by commits that
   * never published, and by rows and tables replaced or dropped earlier, are deleted. Throws
   * 55006 if another process has the directory open.
   */
  public static StorageEngine open(Path dataDirectory, StorageConfig config) {
    return open(dataDirectory, config, DEFAULT_SPILL_BYTES, () -> { });
  }

  /** As {@link #open(Path, StorageConfig)} with a writer memory budget and a hook run before each publication. */
  static StorageEngine open(Path dataDirectory, StorageConfig config, long spillBytes,
      Runnable beforePublish) {
    requireNonNull(dataDirectory, "dataDirectory is null");
    requireNonNull(config, "config is null");
    return new StorageEngine(config, Catalog.open(dataDirectory, beforePublish), spillBytes);
  }

  public StorageConfig config() {
    return config;
  }

  /** Schema names, sorted. A new store has the schema {@code public}. */
  public List<String> schemaNames() {
    List<String> names = new ArrayList<>(catalog.current().schemas());
    names.sort(null);
    return names;
  }

  public boolean schemaExists(String schema) {
    return catalog.current().schemas().contains(schema);
  }

  /** Throws 42P06 if it exists (unless ifNotExists). */
  public void createSchema(String schema, boolean ifNotExists) {
    catalog.createSchema(requireNonNull(schema, "schema is null"), ifNotExists);
  }

  /** Throws 3F000 if missing (unless ifExists), 2BP01 if not empty and not cascade. */
  public void dropSchema(String schema, boolean ifExists, boolean cascade) {
    catalog.dropSchema(requireNonNull(schema, "schema is null"), ifExists, cascade);
  }

  public Optional<TableDefinition> table(String schema, String table) {
    return catalog.current().table(schema, table).map(TableEntry::definition);
  }

  /** Tables of a schema, sorted by name. */
  public List<TableDefinition> tables(String schema) {
    List<TableDefinition> tables = new ArrayList<>();
    for (TableEntry entry : catalog.current().tables()) {
      if (entry.definition().schema().equals(schema)) {
        tables.add(entry.definition());
      }
    }
    tables.sort(Comparator.comparing(TableDefinition::name));
    return tables;
  }

  /**
   * Creates an empty table and returns its definition with the id assigned. Throws 3F000 if the
   * schema is missing, 42P07 if a table or view of that name exists (unless ifNotExists).
   */
  public TableDefinition createTable(TableDefinition table, boolean ifNotExists) {
    return catalog.createTable(requireNonNull(table, "table is null"), ifNotExists);
  }

  /** Throws 42P01 if missing (unless ifExists). */
  public void dropTable(String schema, String table, boolean ifExists) {
    catalog.dropTable(schema, table, ifExists);
  }

  public Optional<ViewDefinition> view(String schema, String view) {
    return catalog.current().view(schema, view);
  }

  public List<ViewDefinition> views(String schema) {
    List<ViewDefinition> views = new ArrayList<>();
    for (ViewDefinition view : catalog.current().views()) {
      if (view.schema().equals(schema)) {
        views.add(view);
      }
    }
    views.sort(Comparator.comparing(ViewDefinition::name));
    return views;
  }

  /** Throws 42P07 if a table or view of that name exists, unless replace (views only). */
  public void createView(ViewDefinition view, boolean replace) {
    catalog.createView(requireNonNull(view, "view is null"), replace);
  }

  public void dropView(String schema, String view, boolean ifExists) {
    catalog.dropView(schema, view, ifExists);
  }

  private TableEntry entry(Manifest manifest, String schema, String table) {
    return manifest.table(schema, table).orElseThrow(() -> new StorageException("42P01",
        "relation \"" + schema + "." + table + "\" does not exist"));
  }

  /** The table as of its latest commit. Throws 42P01 if missing. */
  public TableSnapshot snapshot(String schema, String table) {
    return new NativeSnapshot(entry(catalog.current(), schema, table), segments);
  }

  /** A writer into an existing table. */
  public TableWriter newWriter(String schema, String table, WriteMode mode) {
    requireNonNull(mode, "mode is null");
    TableDefinition definition = entry(catalog.current(), schema, table).definition();
    return new NativeTableWriter(catalog, definition, false, mode, config, spillBytes);
  }

  /**
   * A writer that creates the table and its rows in one commit (CREATE TABLE AS): until commit,
   * the table does not exist; the name is checked again at commit (42P07).
   */
  public TableWriter newTableWriter(TableDefinition table) {
    requireNonNull(table, "table is null");
    Catalog.validate(table);
    Manifest manifest = catalog.current();
    if (!manifest.schemas().contains(table.schema())) {
      throw new StorageException("3F000", "schema \"" + table.schema() + "\" does not exist");
    }
    if (manifest.table(table.schema(), table.name()).isPresent()
        || manifest.view(table.schema(), table.name()).isPresent()) {
      throw new StorageException("42P07", "relation \"" + table.schema() + "." + table.name()
          + "\" already exists");
    }
    return new NativeTableWriter(catalog, table, true, WriteMode.REPLACE, config, spillBytes);
  }

  /** Removes all rows in one commit. */
  public void truncate(String schema, String table) {
    try (TableWriter writer = newWriter(schema, table, WriteMode.REPLACE)) {
      writer.commit();
    }
  }

  @Override
  public void close() {
    segments.close();
    catalog.close();
  }
}
