package io.basalt.storage.catalog;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.DistStyle;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.ViewDefinition;
import io.basalt.storage.WriteMode;
import io.basalt.storage.io.DurableFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The committed state of a data directory and the only way to change it: every change builds a
 * new {@link Manifest} under one lock and publishes it by an atomic rename, so readers always see
 * a whole commit and a crash leaves the last published one.
 */
public final class Catalog implements AutoCloseable {
  public static final String SEGMENTS_DIRECTORY = "segments";
  public static final String SEGMENT_SUFFIX = ".seg";
  private static final String LOCK_FILE = "basalt.lock";
  /**
   * Directories open in this process. File locks exclude other processes only, and closing a
   * second channel on the lock file could drop this process's lock, so the check happens here
   * first.
   */
  private static final Set<Path> OPEN_DIRECTORIES = ConcurrentHashMap.newKeySet();

  private final Path directory;
  private final Path segments;
  private final ManifestStore store;
  private final FileChannel lockChannel;
  private final Runnable beforePublish;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicLong nextFileId;
  private volatile Manifest current;
  private boolean closed;

  private Catalog(Path directory, FileChannel lockChannel, Manifest manifest,
      Runnable beforePublish) {
    this.directory = directory;
    this.segments = directory.resolve(SEGMENTS_DIRECTORY);
    this.store = new ManifestStore(directory);
    this.lockChannel = lockChannel;
    this.current = manifest;
    this.nextFileId = new AtomicLong(manifest.nextFileId());
    this.beforePublish = beforePublish;
  }

  /**
   * Opens (creating if needed) the catalog of a data directory, drops temporary tables left by the
   * previous process, and deletes files that the published manifest does not reference: segments
   * of commits that never published and of tables or rows superseded since.
   * {@code beforePublish} runs before every publication (a failure-injection point for tests).
   */
  public static Catalog open(Path directory, Runnable beforePublish) {
    Path key = directory.toAbsolutePath().normalize();
    if (!OPEN_DIRECTORIES.add(key)) {
      throw new StorageException("55006", "Cannot open data directory " + directory
          + ": it is already open in this process");
    }
    FileChannel lockChannel = null;
    try {
      Files.createDirectories(directory.resolve(SEGMENTS_DIRECTORY));
      lockChannel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      if (lockChannel.tryLock() == null) {
        throw new StorageException("55006", "Cannot open data directory " + directory
            + ": another process is using it");
      }
      ManifestStore store = new ManifestStore(directory);
      Manifest manifest = store.load();
      boolean fresh = manifest == null;
      if (fresh) {
        manifest = Manifest.empty();
      }
      Catalog catalog = new Catalog(directory, lockChannel, manifest, beforePublish);
      List<TableEntry> kept = manifest.tablesExcept(entry -> entry.definition().temporary());
      if (fresh || kept.size() != manifest.tables().size()) {
        catalog.publish(manifest.withTables(kept));
      }
      catalog.deleteOrphans();
      return catalog;
    } catch (IOException e) {
      closeQuietly(lockChannel);
      OPEN_DIRECTORIES.remove(key);
      throw new StorageException("58030", "Cannot open data directory " + directory + ": " + e,
          e);
    } catch (RuntimeException e) {
      closeQuietly(lockChannel);
      OPEN_DIRECTORIES.remove(key);
      throw e;
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Already failing with a more useful error.
      }
    }
  }

  private void deleteOrphans() throws IOException {
    Set<String> referenced = new HashSet<>();
    for (TableEntry entry : current.tables()) {
      for (SegmentRef segment : entry.segments()) {
        referenced.add(segment.file());
      }
    }
    boolean deleted = false;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(segments)) {
      for (Path file : files) {
        if (!referenced.contains(file.getFileName().toString())) {
          Files.deleteIfExists(file);
          deleted = true;
        }
      }
    }
    Files.deleteIfExists(directory.resolve(ManifestStore.FILE_NAME + ".tmp"));
    if (deleted) {
      DurableFiles.syncDirectory(segments);
    }
  }

  public Manifest current() {
    return current;
  }

  public Path segmentsDirectory() {
    return segments;
  }

  /** A file name under the segments directory that no other writer of this process will use. */
  public String newSegmentFileName() {
    return String.format("%016d%s", nextFileId.getAndIncrement(), SEGMENT_SUFFIX);
  }

  private void publish(Manifest next) {
    if (closed) {
      throw new IllegalStateException("Cannot change the catalog of " + directory
          + ": the store is closed");
    }
    Manifest numbered = next.withCounters(current.version() + 1, nextFileId.get());
    beforePublish.run();
    try {
      store.publish(numbered);
    } catch (IOException e) {
      throw new StorageException("58030", "Cannot commit: writing the manifest failed: " + e, e);
    }
    current = numbered;
  }

  public void createSchema(String schema, boolean ifNotExists) {
    lock.lock();
    try {
      if (current.schemas().contains(schema)) {
        if (ifNotExists) {
          return;
        }
        throw new StorageException("42P06", "schema \"" + schema + "\" already exists");
      }
      List<String> schemas = new ArrayList<>(current.schemas());
      schemas.add(schema);
      schemas.sort(null);
      publish(current.withSchemas(schemas));
    } finally {
      lock.unlock();
    }
  }

  public void dropSchema(String schema, boolean ifExists, boolean cascade) {
    lock.lock();
    try {
      if (!current.schemas().contains(schema)) {
        if (ifExists) {
          return;
        }
        throw new StorageException("3F000", "schema \"" + schema + "\" does not exist");
      }
      List<TableEntry> tables = current.tablesExcept(e -> e.definition().schema().equals(schema));
      List<ViewDefinition> views = new ArrayList<>();
      for (ViewDefinition view : current.views()) {
        if (!view.schema().equals(schema)) {
          views.add(view);
        }
      }
      boolean empty = tables.size() == current.tables().size()
          && views.size() == current.views().size();
      if (!empty && !cascade) {
        throw new StorageException("2BP01", "Cannot drop schema \"" + schema
            + "\": other objects depend on it (use DROP ... CASCADE)");
      }
      List<String> schemas = new ArrayList<>(current.schemas());
      schemas.remove(schema);
      publish(current.withSchemas(schemas).withTables(tables).withViews(views));
    } finally {
      lock.unlock();
    }
  }

  private void requireSchema(String schema) {
    if (!current.schemas().contains(schema)) {
      throw new StorageException("3F000", "schema \"" + schema + "\" does not exist");
    }
  }

  private boolean nameTaken(String schema, String name) {
    return current.table(schema, name).isPresent() || current.view(schema, name).isPresent();
  }

  private static StorageException duplicate(String schema, String name) {
    return new StorageException("42P07", "relation \"" + schema + "." + name
        + "\" already exists");
  }

  /** Creates an empty table; returns its definition with the new id, or null if it existed. */
  public TableDefinition createTable(TableDefinition table, boolean ifNotExists) {
    validate(table);
    lock.lock();
    try {
      requireSchema(table.schema());
      if (nameTaken(table.schema(), table.name())) {
        if (ifNotExists) {
          return current.table(table.schema(), table.name())
              .map(TableEntry::definition).orElse(null);
        }
        throw duplicate(table.schema(), table.name());
      }
      TableDefinition created = table.withId(current.nextTableId());
      List<TableEntry> tables = new ArrayList<>(current.tables());
      tables.add(new TableEntry(created, List.of()));
      publish(current.withTables(tables).withNextTableId(created.id() + 1));
      return created;
    } finally {
      lock.unlock();
    }
  }

  /** Checks what a table definition refers to: column names, distkey and sort key columns. */
  public static void validate(TableDefinition table) {
    String qualified = "\"" + table.schema() + "." + table.name() + "\"";
    if (table.columns().isEmpty()) {
      throw new StorageException("42601", "Cannot create table " + qualified
          + ": a table needs at least one column");
    }
    Set<String> names = new HashSet<>();
    for (ColumnDefinition column : table.columns()) {
      if (!names.add(column.name())) {
        throw new StorageException("42701", "Cannot create table " + qualified + ": column \""
            + column.name() + "\" specified more than once");
      }
    }
    if (table.distStyle() == DistStyle.KEY && table.distKey() == null) {
      throw new StorageException("42601", "Cannot create table " + qualified
          + ": DISTSTYLE KEY needs a DISTKEY column");
    }
    if (table.distKey() != null && !names.contains(table.distKey())) {
      throw new StorageException("42703", "Cannot create table " + qualified + ": column \""
          + table.distKey() + "\" named in DISTKEY does not exist");
    }
    for (String column : table.sortKeyColumns()) {
      if (!names.contains(column)) {
        throw new StorageException("42703", "Cannot create table " + qualified + ": column \""
            + column + "\" named in SORTKEY does not exist");
      }
    }
  }

  public void dropTable(String schema, String table, boolean ifExists) {
    lock.lock();
    try {
      if (current.table(schema, table).isEmpty()) {
        if (current.view(schema, table).isPresent()) {
          throw new StorageException("42809", "Cannot drop table \"" + schema + "." + table
              + "\": it is a view (use DROP VIEW)");
        }
        if (ifExists) {
          return;
        }
        throw new StorageException("42P01", "relation \"" + schema + "." + table
            + "\" does not exist");
      }
      publish(current.withTables(current.tablesExcept(e -> e.definition().schema().equals(schema)
          && e.definition().name().equals(table))));
    } finally {
      lock.unlock();
    }
  }

  public void createView(ViewDefinition view, boolean replace) {
    lock.lock();
    try {
      requireSchema(view.schema());
      if (current.table(view.schema(), view.name()).isPresent()
          || current.view(view.schema(), view.name()).isPresent() && !replace) {
        throw duplicate(view.schema(), view.name());
      }
      List<ViewDefinition> views = new ArrayList<>();
      for (ViewDefinition existing : current.views()) {
        if (!(existing.schema().equals(view.schema()) && existing.name().equals(view.name()))) {
          views.add(existing);
        }
      }
      views.add(view);
      publish(current.withViews(views));
    } finally {
      lock.unlock();
    }
  }

  public void dropView(String schema, String view, boolean ifExists) {
    lock.lock();
    try {
      if (current.view(schema, view).isEmpty()) {
        if (current.table(schema, view).isPresent()) {
          throw new StorageException("42809", "Cannot drop view \"" + schema + "." + view
              + "\": it is a table (use DROP TABLE)");
        }
        if (ifExists) {
          return;
        }
        throw new StorageException("42P01", "view \"" + schema + "." + view
            + "\" does not exist");
      }
      List<ViewDefinition> views = new ArrayList<>(current.views());
      views.removeIf(v -> v.schema().equals(schema) && v.name().equals(view));
      publish(current.withViews(views));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Publishes the rows of one writer. With {@code creates}, the table is created in the same
   * commit (CREATE TABLE AS) and the definition's id is ignored; otherwise the table must still be
   * the one (same id) the writer was opened on. APPEND segments added to a table that already has
   * rows form its unsorted region. Returns the committed definition.
   */
  public TableDefinition commit(TableDefinition target, boolean creates, WriteMode mode,
      List<SegmentRef> newSegments) {
    lock.lock();
    try {
      if (creates) {
        requireSchema(target.schema());
        if (nameTaken(target.schema(), target.name())) {
          throw duplicate(target.schema(), target.name());
        }
        TableDefinition created = target.withId(current.nextTableId());
        List<TableEntry> tables = new ArrayList<>(current.tables());
        tables.add(new TableEntry(created, newSegments));
        publish(current.withTables(tables).withNextTableId(created.id() + 1));
        return created;
      }
      TableEntry entry = current.table(target.schema(), target.name())
          .filter(e -> e.definition().id() == target.id())
          .orElseThrow(() -> new StorageException("42P01", "Cannot commit rows to table \""
              + target.schema() + "." + target.name() + "\": it was dropped"));
      List<SegmentRef> segments = new ArrayList<>();
      if (mode == WriteMode.APPEND) {
        segments.addAll(entry.segments());
        boolean hasRows = entry.rowCount() > 0;
        for (SegmentRef segment : newSegments) {
          segments.add(hasRows ? segment.asUnsorted() : segment);
        }
      } else {
        segments.addAll(newSegments);
      }
      publish(current.withTables(current.tablesReplacing(target.id(),
          new TableEntry(entry.definition(), segments))));
      return entry.definition();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      // Closing the channel releases the lock.
      lockChannel.close();
    } catch (IOException e) {
      throw new StorageException("58030", "Cannot close data directory " + directory + ": " + e,
          e);
    } finally {
      OPEN_DIRECTORIES.remove(directory.toAbsolutePath().normalize());
      lock.unlock();
    }
  }
}
