package io.basalt.storage.write;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageConfig;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableWriter;
import io.basalt.storage.WriteMode;
import io.basalt.storage.block.ColumnBuffer;
import io.basalt.storage.block.SegmentFooter;
import io.basalt.storage.block.SegmentWriter;
import io.basalt.storage.catalog.Catalog;
import io.basalt.storage.catalog.SegmentRef;
import io.basalt.storage.io.DurableFiles;
import io.basalt.storage.sortkey.RowSorter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's {@link TableWriter}: rows are validated, buffered per slice, and once the buffers
 * pass a memory budget, sorted by the sort key and written as one unpublished segment file per
 * slice. Commit writes the rest and publishes every segment in one catalog commit; close without
 * commit deletes the unpublished files.
 */
public final class NativeTableWriter implements TableWriter {
  private final Catalog catalog;
  private final TableDefinition table;
  private final boolean creates;
  private final WriteMode mode;
  private final StorageConfig config;
  private final long spillBytes;
  private final RowConverter converter;
  private final int[] sortKeys;
  private final ColumnBuffer[][] slices;
  private final List<SegmentRef> written = new ArrayList<>();
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
      spill();
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

  /** Writes every non-empty slice buffer as a sorted segment file and empties the buffers. */
  private void spill() {
    for (int slice = 0; slice < slices.length; slice++) {
      ColumnBuffer[] buffers = slices[slice];
      if (buffers == null || buffers[0].size() == 0) {
        continue;
      }
      int rows = buffers[0].size();
      int[] order = RowSorter.order(buffers, rows, table.sortKeyKind(), sortKeys);
      String name = catalog.newSegmentFileName();
      Path file = catalog.segmentsDirectory().resolve(name);
      try {
        SegmentFooter footer = SegmentWriter.write(file, columnTypes(), buffers, order, rows,
            config.blockRows(), config.zstdLevel());
        written.add(new SegmentRef(name, slice, rows, Files.size(file),
            (long) footer.blockCount() * buffers.length, true));
      } catch (IOException e) {
        throw new StorageException("58030", "Cannot write rows of table \"" + table.schema()
            + "." + table.name() + "\": " + e, e);
      }
      slices[slice] = null;
    }
    bufferedBytes = 0;
  }

  private List<io.basalt.storage.ColumnType> columnTypes() {
    List<io.basalt.storage.ColumnType> types = new ArrayList<>();
    for (ColumnDefinition column : table.columns()) {
      types.add(column.type());
    }
    return types;
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
      if (!written.isEmpty()) {
        DurableFiles.syncDirectory(catalog.segmentsDirectory());
      }
      try {
        catalog.commit(table, creates, mode, written);
      } catch (StorageException e) {
        if ("58030".equals(e.sqlState())) {
          // The manifest may or may not have been replaced: keep the files; the next open
          // deletes them if they turn out unreferenced.
          written.clear();
        }
        throw e;
      }
      finished = true;
    } catch (IOException e) {
      throw new StorageException("58030", "Cannot commit rows of table \"" + table.schema() + "."
          + table.name() + "\": " + e, e);
    } finally {
      if (!finished) {
        close();
      }
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
    for (SegmentRef segment : written) {
      try {
        Files.deleteIfExists(catalog.segmentsDirectory().resolve(segment.file()));
      } catch (IOException ignored) {
        // The next open deletes files no manifest references.
      }
    }
    written.clear();
  }
}
