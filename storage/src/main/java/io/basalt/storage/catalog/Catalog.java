package io.basalt.storage.catalog;

import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.ViewDefinition;
import io.basalt.storage.WriteMode;
import io.basalt.storage.io.DurableFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The committed state of a data directory and the only way to change it: every change builds a
 * new {@link Manifest} under one lock and publishes it by an atomic rename, so readers always see
 * a whole commit and a crash leaves the last published one.
 */
public final class Catalog implements AutoCloseable {
  public static final String SEGMENTS_DIRECTORY = "segments";
  public static final String SEGMENT_SUFFIX = ".seg";
  private final Path directory;
  private final Path segments;
  private final ManifestStore store;
  private final DirectoryLock directoryLock;
  private final Runnable beforePublish;
  private final Consumer<Set<String>> superseded;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicLong nextFileId;
  private volatile Manifest current;
  private boolean closed;

  private Catalog(Path directory, DirectoryLock directoryLock, Manifest manifest,
      Runnable beforePublish, Consumer<Set<String>> superseded) {
    this.directory = directory;
    this.segments = directory.resolve(SEGMENTS_DIRECTORY);
    this.store = new ManifestStore(directory);
    this.directoryLock = directoryLock;
    this.current = manifest;
    this.nextFileId = new AtomicLong(manifest.nextFileId());
    this.beforePublish = beforePublish;
    this.superseded = superseded;
  }

  /**
   * Opens (creating if needed) the catalog of a data directory, drops temporary tables left by the
   * previous process, and deletes files that the published manifest does not reference: segments
   * of commits that never published and of tables or rows superseded since.
   * {@code beforePublish} runs before every publication (a failure-injection point for tests);
   * {@code superseded} receives, after each publication, the segment files the new manifest no
   * longer references.
   */
  public static Catalog open(Path directory, Runnable beforePublish,
      Consumer<Set<String>> superseded) {
    DirectoryLock directoryLock = null;
    try {
      Files.createDirectories(directory.resolve(SEGMENTS_DIRECTORY));
      directoryLock = DirectoryLock.acquire(directory);
      ManifestStore store = new ManifestStore(directory);
      Manifest manifest = store.load();
      boolean changed = manifest == null;
      if (manifest == null) {
        manifest = Manifest.empty();
      }
      Catalog catalog = new Catalog(directory, directoryLock, manifest, beforePublish,
          superseded);
      List<TableEntry> kept = manifest.tablesExcept(entry -> entry.definition().temporary());
      if (changed || kept.size() != manifest.tables().size()) {
        catalog.publish(manifest.withTables(kept));
      }
      catalog.deleteOrphans();
      return catalog;
    } catch (IOException e) {
      closeQuietly(directoryLock);
      throw new StorageException("58030", "Cannot open data directory " + directory + ": " + e,
          e);
    } catch (RuntimeException e) {
      closeQuietly(directoryLock);
      throw e;
    }
  }

  private static void closeQuietly(DirectoryLock directoryLock) {
    if (directoryLock != null) {
      try {
        directoryLock.close();
      } catch (IOException ignored) {
        // Already failing with a more useful error.
      }
    }
  }

  private static Set<String> files(Manifest manifest) {
    Set<String> files = new HashSet<>();
    for (TableEntry entry : manifest.tables()) {
      for (SegmentRef segment : entry.segments()) {
        files.add(segment.file());
      }
    }
    return files;
  }

  private void deleteOrphans() throws IOException {
    Set<String> referenced = files(current);
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
    Manifest previous = current;
    current = numbered;
    Set<String> gone = files(previous);
    gone.removeAll(files(numbered));
    if (!gone.isEmpty()) {
      superseded.accept(gone);
    }
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

  /**
   * Creates an empty table and returns its definition with the new id; with {@code ifNotExists},
   * an existing table's definition, or {@code table} itself when a view has the name.
   */
  public TableDefinition createTable(TableDefinition table, boolean ifNotExists) {
    validate(table);
    lock.lock();
    try {
      requireSchema(table.schema());
      if (nameTaken(table.schema(), table.name())) {
        if (ifNotExists) {
          return current.table(table.schema(), table.name())
              .map(TableEntry::definition).orElse(table);
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
    DefinitionCheck.validate(table);
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
   * rows form its unsorted region. Each of {@code merges} (APPEND only) replaces its small
   * segments when all of them are still there; the merges that could not apply are returned, and
   * their files are the caller's to delete.
   */
  public List<SegmentMerge> commit(TableDefinition target, boolean creates, WriteMode mode,
      List<SegmentRef> newSegments, List<SegmentMerge> merges) {
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
        return merges;
      }
      TableEntry entry = current.table(target.schema(), target.name())
          .filter(e -> e.definition().id() == target.id())
          .orElseThrow(() -> new StorageException("42P01", "Cannot commit rows to table \""
              + target.schema() + "." + target.name() + "\": it was dropped"));
      requireSameDefinition(entry, target);
      List<SegmentRef> segments = new ArrayList<>();
      List<SegmentMerge> unused = new ArrayList<>();
      if (mode == WriteMode.APPEND) {
        segments.addAll(entry.segments());
        boolean hasRows = entry.rowCount() > 0;
        for (SegmentMerge merge : merges) {
          Set<String> files = new HashSet<>();
          for (SegmentRef segment : merge.replaced()) {
            files.add(segment.file());
          }
          List<SegmentRef> kept = new ArrayList<>(segments);
          kept.removeIf(segment -> files.contains(segment.file()));
          if (kept.size() == segments.size() - files.size()) {
            kept.add(merge.merged());
            segments = kept;
          } else {
            unused.add(merge);
          }
        }
        for (SegmentRef segment : newSegments) {
          segments.add(hasRows ? segment.asUnsorted() : segment);
        }
      } else {
        segments.addAll(newSegments);
        unused.addAll(merges);
      }
      publish(current.withTables(current.tablesReplacing(target.id(),
          new TableEntry(entry.definition(), segments))));
      return unused;
    } finally {
      lock.unlock();
    }
  }

  /** Rows written for one definition must not land in a table altered since (40001). */
  private static void requireSameDefinition(TableEntry entry, TableDefinition target) {
    if (!entry.definition().equals(target)) {
      throw new StorageException("40001", "Cannot commit rows to table \"" + target.schema()
          + "." + target.name() + "\": it was altered while they were written");
    }
  }

  /**
   * Publishes a new definition and all the rows of an existing table (ALTER TABLE by rewrite):
   * the table with {@code target}'s id must still exist; its name may not change here.
   */
  public void commitRedefinition(TableDefinition target, List<SegmentRef> rows) {
    lock.lock();
    try {
      current.table(target.schema(), target.name())
          .filter(e -> e.definition().id() == target.id())
          .orElseThrow(() -> new StorageException("42P01", "Cannot alter table \""
              + target.schema() + "." + target.name() + "\": it was dropped"));
      publish(current.withTables(current.tablesReplacing(target.id(),
          new TableEntry(target, rows))));
    } finally {
      lock.unlock();
    }
  }

  /** Renames a table, keeping its id and rows. */
  public void renameTable(String schema, String table, String newName) {
    lock.lock();
    try {
      TableEntry entry = current.table(schema, table).orElseThrow(() -> new StorageException(
          "42P01", "relation \"" + schema + "." + table + "\" does not exist"));
      if (nameTaken(schema, newName)) {
        throw duplicate(schema, newName);
      }
      TableDefinition old = entry.definition();
      TableDefinition renamed = new TableDefinition(old.id(), old.schema(), newName,
          old.columns(), old.distStyle(), old.distKey(), old.sortKeyKind(),
          old.sortKeyColumns(), old.temporary());
      publish(current.withTables(current.tablesReplacing(old.id(),
          new TableEntry(renamed, entry.segments()))));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Publishes a rewrite of a table's rows (VACUUM): {@code replaced} segments give way to
   * {@code rewritten}, while segments committed since the rewrite began stay. Throws 40001 when
   * a replaced segment is gone (the table was replaced, truncated or rewritten meanwhile).
   */
  public void commitRewrite(TableDefinition target, List<SegmentRef> replaced,
      List<SegmentRef> rewritten) {
    lock.lock();
    try {
      String qualified = "\"" + target.schema() + "." + target.name() + "\"";
      TableEntry entry = current.table(target.schema(), target.name())
          .filter(e -> e.definition().id() == target.id())
          .orElseThrow(() -> new StorageException("42P01", "Cannot rewrite table " + qualified
              + ": it was dropped"));
      requireSameDefinition(entry, target);
      Set<String> gone = new HashSet<>();
      for (SegmentRef segment : replaced) {
        gone.add(segment.file());
      }
      List<SegmentRef> segments = new ArrayList<>(rewritten);
      int found = 0;
      for (SegmentRef segment : entry.segments()) {
        if (gone.contains(segment.file())) {
          found++;
        } else {
          segments.add(segment);
        }
      }
      if (found != gone.size()) {
        throw new StorageException("40001", "Cannot rewrite table " + qualified
            + ": its rows were replaced concurrently");
      }
      publish(current.withTables(current.tablesReplacing(target.id(),
          new TableEntry(entry.definition(), segments))));
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
      directoryLock.close();
    } catch (IOException e) {
      throw new StorageException("58030", "Cannot close data directory " + directory + ": " + e,
          e);
    } finally {
      lock.unlock();
    }
  }
}
