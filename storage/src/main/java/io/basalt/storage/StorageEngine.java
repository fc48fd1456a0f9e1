package io.basalt.storage;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.catalog.Catalog;
import io.basalt.storage.catalog.Manifest;
import io.basalt.storage.catalog.SegmentRef;
import io.basalt.storage.catalog.TableEntry;
import io.basalt.storage.snapshot.NativeSnapshot;
import io.basalt.storage.snapshot.SegmentCache;
import io.basalt.storage.write.NativeTableWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

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

  private StorageEngine(StorageConfig config, Catalog catalog, SegmentCache segments,
      long spillBytes) {
    this.config = config;
    this.catalog = catalog;
    this.segments = segments;
    this.spillBytes = spillBytes;
  }

  /**
   * Opens the store in {@code dataDirectory}, creating it if needed. Files left by commits that
   * never published, and by rows and tables replaced or dropped earlier, are deleted. Throws
   * 55006 if another process has the directory open. Segments keep the slice they were written
   * to; reopening with another slice count leaves them there (scans of slice -1 read them all).
   */
  public static StorageEngine open(Path dataDirectory, StorageConfig config) {
    return open(dataDirectory, config, DEFAULT_SPILL_BYTES, () -> { });
  }

  /**
   * As {@link #open(Path, StorageConfig)}, with the heap a writer may buffer before spilling and a
   * hook run before each manifest publication (for failure-injection tests).
   */
  static StorageEngine open(Path dataDirectory, StorageConfig config, long spillBytes,
      Runnable beforePublish) {
    requireNonNull(dataDirectory, "dataDirectory is null");
    requireNonNull(config, "config is null");
    SegmentCache segments = new SegmentCache(
        dataDirectory.resolve(Catalog.SEGMENTS_DIRECTORY));
    Catalog catalog = Catalog.open(dataDirectory, beforePublish, segments::retire);
    return new StorageEngine(config, catalog, segments, spillBytes);
  }

  public StorageConfig config() {
    return config;
  }

  /**
   * A number that grows with every commit to the catalog (DDL, loads, DML): what was derived
   * from the catalog at one version, such as a compiled plan, may be reused while it holds.
   */
  public long catalogVersion() {
    return catalog.current().version();
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
   * schema is missing, 42P07 if a table or view of that name exists (unless ifNotExists: then it
   * returns the existing table's definition, or {@code table} itself when a view has the name).
   * Also 42703 when the DISTKEY or a SORTKEY column does not exist, 42701 for a repeated column.
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
    return segments.snapshot(() -> entry(catalog.current(), schema, table));
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

  /**
   * A writer whose commit replaces, in one step, both the definition and all the rows of an
   * existing table, keeping its id: ALTER TABLE ... ADD/DROP COLUMN, ALTER DISTSTYLE/DISTKEY/
   * SORTKEY by rewriting the rows under the new definition. {@code table} names the table by
   * schema and name (its id is ignored). Throws 42P01 if it is missing, at creation or commit.
   */
  public TableWriter newRedefiningWriter(TableDefinition table) {
    requireNonNull(table, "table is null");
    Catalog.validate(table);
    TableDefinition existing = entry(catalog.current(), table.schema(), table.name())
        .definition();
    NativeTableWriter writer = new NativeTableWriter(catalog, table.withId(existing.id()), false,
        WriteMode.REPLACE, config, spillBytes);
    writer.redefine();
    return writer;
  }

  /** Renames a table, keeping its id and rows. Throws 42P01 if missing, 42P07 if taken. */
  public void renameTable(String schema, String table, String newName) {
    catalog.renameTable(schema, table, requireNonNull(newName, "newName is null"));
  }

  /** Removes all rows in one commit. */
  public void truncate(String schema, String table) {
    try (TableWriter writer = newWriter(schema, table, WriteMode.REPLACE)) {
      writer.commit();
    }
  }

  /**
   * Rewrites a table's rows (VACUUM): per slice, all its segments, the unsorted region included,
   * become freshly sorted segments in one commit. Rows committed while it runs are kept. Throws
   * 42P01 if the table is missing, 40001 if its rows were replaced meanwhile.
   */
  public void vacuum(String schema, String table) {
    NativeSnapshot snapshot = segments.snapshot(() -> entry(catalog.current(), schema, table));
    TableDefinition definition = snapshot.definition();
    int columnCount = definition.columns().size();
    int[] allColumns = ScanRequest.allColumns(definition).columns();
    try (NativeTableWriter writer = new NativeTableWriter(catalog, definition, false,
        WriteMode.REPLACE, config, spillBytes)) {
      writer.rewrite(snapshot.segments());
      SortedSet<Integer> slices = new TreeSet<>();
      for (SegmentRef segment : snapshot.segments()) {
        slices.add(segment.slice());
      }
      for (int slice : slices) {
        // Segments of a slice beyond the configured count (the store was reopened with fewer
        // slices) fold onto a configured one.
        int target = slice % config.slices();
        Iterator<RowBatch> scan = snapshot.scan(new ScanRequest(allColumns, List.of(), slice,
            () -> false));
        while (scan.hasNext()) {
          RowBatch batch = scan.next();
          for (int r = 0; r < batch.rowCount(); r++) {
            writer.append(target, batch.row(r));
          }
        }
      }
      writer.commit();
    }
  }

  @Override
  public void close() {
    segments.close();
    catalog.close();
  }
}
