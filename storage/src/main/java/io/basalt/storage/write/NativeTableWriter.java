package io.basalt.storage.write;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.RowBatch;
import io.basalt.storage.StorageConfig;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableWriter;
import io.basalt.storage.WriteMode;
import io.basalt.storage.block.ColumnBlock;
import io.basalt.storage.block.ColumnBuffer;
import io.basalt.storage.block.PhysicalType;
import io.basalt.storage.block.SegmentFooter;
import io.basalt.storage.block.SegmentReader;
import io.basalt.storage.block.SegmentWriter;
import io.basalt.storage.catalog.Catalog;
import io.basalt.storage.catalog.SegmentMerge;
import io.basalt.storage.catalog.SegmentRef;
import io.basalt.storage.catalog.TableEntry;
import io.basalt.storage.io.DurableFiles;
import io.basalt.storage.sortkey.RowSorter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The store's {@link TableWriter}: rows are validated, buffered per slice, and once the buffers
 * pass a memory budget, sorted by the sort key and written as one unpublished segment file per
 * slice. Commit writes the rest and publishes every segment in one catalog commit; close without
 * commit deletes the unpublished files.
 */
public final class NativeTableWriter implements TableWriter {
  /** A slice with this many small segments gets them merged by the next APPEND commit. */
  static final int MERGE_THRESHOLD = 16;
  /** A segment is small below this fraction of a block: trickle INSERTs make such segments. */
  private static final int SMALL_SEGMENT_DIVISOR = 16;

  private final Catalog catalog;
  private final TableDefinition table;
  private final boolean creates;
  private final WriteMode mode;
  private final StorageConfig config;
  private final long spillBytes;
  private final RowConverter converter;
  private final int[] sortKeys;
  private final ColumnBuffer[][] slices;
  /** Per string column, the estimator of {@link #append(int[], RowBatch)}; null elsewhere. */
  private final StringFootprint[] footprints;
  private final List<SegmentRef> written = new ArrayList<>();
  private final List<SegmentRef> merged = new ArrayList<>();
  /** Segments a spill has written and {@link #written} does not list yet. */
  private final List<SegmentRef> pendingSegments = Collections.synchronizedList(
      new ArrayList<>());
  /** The spill running in the background, or null. */
  private CompletableFuture<Void> pendingSpill;
  private List<SegmentRef> rewriting;
  private boolean redefining;
  private long bufferedBytes;
  private long rowCount;
  private boolean finished;

  /**
   * A writer into {@code table}; with {@code creates} the commit also creates the table (CREATE
   * TABLE AS). Buffers are written out whenever their estimated heap size reaches
   * {@code spillBytes}.
   */
  public NativeTableWriter(Catalog catalog, TableDefinition table, boolean creates,
      WriteMode mode, StorageConfig config, long spillBytes) {
    this.catalog = catalog;
    this.table = table;
    this.creates = creates;
    this.mode = mode;
    this.config = config;
    this.spillBytes = spillBytes;
    this.converter = new RowConverter(table);
    this.sortKeys = new int[table.sortKeyColumns().size()];
    for (int k = 0; k < sortKeys.length; k++) {
      sortKeys[k] = table.columnIndex(table.sortKeyColumns().get(k));
    }
    this.slices = new ColumnBuffer[config.slices()][];
    this.footprints = new StringFootprint[table.columns().size()];
    for (int c = 0; c < footprints.length; c++) {
      if (PhysicalType.of(table.columns().get(c).type()) == PhysicalType.STRING) {
        footprints[c] = new StringFootprint();
      }
    }
  }

  @Override
  public void append(int slice, Object[] row) {
    requireOpen();
    if (slice < 0 || slice >= slices.length) {
      throw new IllegalArgumentException("Cannot append row to slice " + slice
          + ": the store has slices 0.." + (slices.length - 1));
    }
    converter.convert(row);
    ColumnBuffer[] buffers = slices[slice];
    if (buffers == null) {
      buffers = newBuffers();
      slices[slice] = buffers;
    }
    converter.appendTo(buffers);
    rowCount++;
    bufferedBytes += converter.rowBytes();
    if (bufferedBytes >= spillBytes) {
      spillInBackground();
    }
  }

  /**
   * Appends a batch column by column: one typed loop per column instead of boxed rows, and no
   * per-value type or length checks, which the caller has made.
   */
  @Override
  public void append(int[] rowSlices, RowBatch rows) {
    requireOpen();
    int count = rows.rowCount();
    List<ColumnDefinition> columns = table.columns();
    if (rows.columnCount() != columns.size()) {
      throw new StorageException("42601", "Cannot insert into table \"" + table.schema() + "."
          + table.name() + "\": rows have " + rows.columnCount() + " values but the table has "
          + columns.size() + " columns");
    }
    for (int r = 0; r < count; r++) {
      int slice = rowSlices[r];
      if (slice < 0 || slice >= slices.length) {
        throw new IllegalArgumentException("Cannot append row to slice " + slice
            + ": the store has slices 0.." + (slices.length - 1));
      }
    }
    for (int c = 0; c < columns.size(); c++) {
      if (!columns.get(c).nullable() && BatchColumns.hasNull(rows.column(c), count)) {
        throw new StorageException("23502", "null value in column \"" + columns.get(c).name()
            + "\" of relation \"" + table.schema() + "." + table.name()
            + "\" violates not-null constraint");
      }
    }
    // Everything is checked before anything is buffered, so a rejected batch leaves no trace.
    for (int r = 0; r < count; r++) {
      if (slices[rowSlices[r]] == null) {
        slices[rowSlices[r]] = newBuffers();
      }
    }
    long bytes = 9L * columns.size() * count;
    for (int c = 0; c < columns.size(); c++) {
      ColumnBuffer[] targets = new ColumnBuffer[slices.length];
      for (int s = 0; s < slices.length; s++) {
        targets[s] = slices[s] == null ? null : slices[s][c];
      }
      bytes += BatchColumns.append(PhysicalType.of(columns.get(c).type()), targets, rowSlices,
          rows.column(c), count, footprints[c]);
    }
    rowCount += count;
    bufferedBytes += bytes;
    if (bufferedBytes >= spillBytes) {
      spillInBackground();
    }
  }

  private ColumnBuffer[] newBuffers() {
    List<ColumnDefinition> columns = table.columns();
    ColumnBuffer[] buffers = new ColumnBuffer[columns.size()];
    for (int c = 0; c < buffers.length; c++) {
      buffers[c] = ColumnBuffer.create(columns.get(c).type());
    }
    return buffers;
  }

  private void requireOpen() {
    if (finished) {
      throw new IllegalStateException("Cannot use writer of table \"" + table.schema() + "."
          + table.name() + "\": it was already committed or closed");
    }
  }

  /**
   * Hands every non-empty slice buffer to a background thread that writes each as a sorted
   * segment file, the slices in parallel, and starts empty buffers, so that appending goes on
   * while the rows are sorted, encoded and compressed. At most one such write runs at a time:
   * a second spill waits for the first, which bounds the buffered rows to twice the budget.
   */
  private void spillInBackground() {
    awaitPendingSpill();
    List<Runnable> work = detachBuffers(pendingSegments);
    pendingSpill = CompletableFuture.runAsync(
        () -> work.parallelStream().forEach(Runnable::run),
        task -> {
          Thread thread = new Thread(task, "segment-writer-" + table.name());
          thread.setDaemon(true);
          thread.start();
        });
  }

  /**
   * Writes every non-empty slice buffer as a sorted segment file, the slices in parallel, and
   * empties the buffers; first waits for a background spill.
   */
  private void spill() {
    awaitPendingSpill();
    List<Runnable> work = detachBuffers(pendingSegments);
    try {
      // A parallel stream lets the calling thread work too, unlike tasks handed to the pool.
      work.parallelStream().forEach(Runnable::run);
    } finally {
      collectPendingSegments();
    }
  }

  /** One task per non-empty slice buffer, adding its segment to {@code done}; empties buffers. */
  private List<Runnable> detachBuffers(List<SegmentRef> done) {
    List<Runnable> work = new ArrayList<>();
    for (int slice = 0; slice < slices.length; slice++) {
      ColumnBuffer[] buffers = slices[slice];
      slices[slice] = null;
      if (buffers != null && buffers[0].size() > 0) {
        int target = slice;
        String name = catalog.newSegmentFileName();
        work.add(() -> done.add(writeSegment(target, buffers, name)));
      }
    }
    bufferedBytes = 0;
    return work;
  }

  /**
   * Waits for the background spill, if any, and records its segments (also when it failed, so
   * that close deletes them); rethrows its failure.
   */
  private void awaitPendingSpill() {
    CompletableFuture<Void> pending = pendingSpill;
    if (pending == null) {
      return;
    }
    pendingSpill = null;
    try {
      pending.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    } finally {
      collectPendingSegments();
    }
  }

  private void collectPendingSegments() {
    List<SegmentRef> segments;
    synchronized (pendingSegments) {
      segments = new ArrayList<>(pendingSegments);
      pendingSegments.clear();
    }
    segments.sort(Comparator.comparing(SegmentRef::file));
    written.addAll(segments);
  }

  private SegmentRef writeSegment(int slice, ColumnBuffer[] buffers, String name) {
    int rows = buffers[0].size();
    int[] order = RowSorter.order(buffers, rows, table.sortKeyKind(), sortKeys);
    Path file = catalog.segmentsDirectory().resolve(name);
    try {
      SegmentFooter footer = SegmentWriter.write(file, columnTypes(), buffers, order, rows,
          config.blockRows(), config.zstdLevel());
      return new SegmentRef(name, slice, rows, Files.size(file),
          (long) footer.blockCount() * buffers.length, true);
    } catch (IOException e) {
      deleteQuietly(new SegmentRef(name, slice, 0, 0, 0, false));
      throw new StorageException("58030", "Cannot write rows of table \"" + table.schema()
          + "." + table.name() + "\": " + e, e);
    }
  }

  private List<ColumnType> columnTypes() {
    List<ColumnType> types = new ArrayList<>();
    for (ColumnDefinition column : table.columns()) {
      types.add(column.type());
    }
    return types;
  }

  /**
   * Makes the commit replace exactly {@code segments} (which the caller read the rows from) and
   * keep any segment committed meanwhile, instead of following the write mode.
   */
  public void rewrite(List<SegmentRef> segments) {
    rewriting = List.copyOf(segments);
  }

  /**
   * Makes the commit replace the table's definition (same id) along with all its rows, for
   * ALTER TABLE by rewrite.
   */
  public void redefine() {
    redefining = true;
  }

  @Override
  public long rowCount() {
    return rowCount;
  }

  @Override
  public void commit() {
    requireOpen();
    try {
      spill();
      List<SegmentMerge> merges = mode == WriteMode.APPEND && !creates && rewriting == null
          && !redefining ? mergeSmallSegments() : List.of();
      if (!written.isEmpty() || !merges.isEmpty()) {
        DurableFiles.syncDirectory(catalog.segmentsDirectory());
      }
      List<SegmentMerge> unused;
      try {
        if (rewriting != null) {
          catalog.commitRewrite(table, rewriting, written);
          unused = List.of();
        } else if (redefining) {
          catalog.commitRedefinition(table, written);
          unused = List.of();
        } else {
          unused = catalog.commit(table, creates, mode, written, merges);
        }
      } catch (StorageException e) {
        if ("58030".equals(e.sqlState())) {
          // The manifest may or may not have been replaced: keep the files; the next open
          // deletes them if they turn out unreferenced.
          written.clear();
          merged.clear();
        }
        throw e;
      }
      finished = true;
      for (SegmentMerge merge : unused) {
        deleteQuietly(merge.merged());
      }
    } catch (IOException e) {
      throw new StorageException("58030", "Cannot commit rows of table \"" + table.schema() + "."
          + table.name() + "\": " + e, e);
    } finally {
      if (!finished) {
        close();
      }
    }
  }

  /**
   * Writes, for each slice of the table that has {@link #MERGE_THRESHOLD} small segments, one
   * segment with all their rows, so that trickle inserts do not leave ever more tiny files for
   * scans to open and for the manifest to list. The catalog applies a merge only if its segments
   * are still there at commit.
   */
  private List<SegmentMerge> mergeSmallSegments() throws IOException {
    TableEntry entry = catalog.current().table(table.schema(), table.name())
        .filter(e -> e.definition().id() == table.id()).orElse(null);
    if (entry == null) {
      return List.of();
    }
    int smallRows = Math.max(2, config.blockRows() / SMALL_SEGMENT_DIVISOR);
    Map<Integer, List<SegmentRef>> small = new TreeMap<>();
    for (SegmentRef segment : entry.segments()) {
      if (segment.rows() < smallRows) {
        small.computeIfAbsent(segment.slice(), slice -> new ArrayList<>()).add(segment);
      }
    }
    List<SegmentMerge> merges = new ArrayList<>();
    for (Map.Entry<Integer, List<SegmentRef>> slice : small.entrySet()) {
      List<SegmentRef> segments = slice.getValue();
      if (segments.size() < MERGE_THRESHOLD) {
        continue;
      }
      ColumnBuffer[] buffers = newBuffers();
      boolean sorted = true;
      try {
        for (SegmentRef segment : segments) {
          sorted &= segment.sorted();
          readInto(segment, buffers);
        }
      } catch (NoSuchFileException e) {
        // A concurrent commit replaced these rows and their files are gone: nothing to merge.
        continue;
      }
      SegmentRef result = writeSegment(slice.getKey(), buffers, catalog.newSegmentFileName());
      merged.add(result);
      merges.add(new SegmentMerge(segments, sorted ? result : result.asUnsorted()));
    }
    return merges;
  }

  private void readInto(SegmentRef segment, ColumnBuffer[] buffers) throws IOException {
    SegmentReader reader = SegmentReader.open(
        catalog.segmentsDirectory().resolve(segment.file()));
    for (int b = 0; b < reader.footer().blockCount(); b++) {
      ColumnBlock[] blocks = new ColumnBlock[buffers.length];
      for (int c = 0; c < buffers.length; c++) {
        blocks[c] = reader.read(c, b);
      }
      for (int row = 0; row < blocks[0].rows(); row++) {
        for (int c = 0; c < buffers.length; c++) {
          buffers[c].addFrom(blocks[c], row);
        }
      }
    }
  }

  private void deleteQuietly(SegmentRef segment) {
    try {
      Files.deleteIfExists(catalog.segmentsDirectory().resolve(segment.file()));
    } catch (IOException ignored) {
      // The next open deletes files no manifest references.
    }
  }

  @Override
  public void close() {
    if (finished) {
      return;
    }
    finished = true;
    for (int slice = 0; slice < slices.length; slice++) {
      slices[slice] = null;
    }
    try {
      awaitPendingSpill();
    } catch (RuntimeException e) {
      // Discarding anyway: the files it did write are deleted below.
    }
    for (SegmentRef segment : written) {
      deleteQuietly(segment);
    }
    for (SegmentRef segment : merged) {
      deleteQuietly(segment);
    }
    written.clear();
    merged.clear();
  }
}
