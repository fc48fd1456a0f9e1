package io.basalt.storage.format;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.ColumnVector;
import io.basalt.storage.RowBatch;
import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectStore.AbortableOutput;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;

/**
 * Writes a Parquet file of table rows through parquet-java's column writers: row groups with
 * min/max/null-count statistics, dictionary encoding where it pays, DATE, DECIMAL(p,s) (INT32,
 * INT64 or FIXED by precision), TIMESTAMP(MILLIS) adjusted to UTC only for TIMESTAMPTZ, and
 * STRING. {@link #close} publishes the object atomically; {@link #abort} (or any failure) leaves
 * nothing behind. Not thread-safe.
 */
public final class ParquetFileWriter implements RowFileWriter {
  /** Rows written column by column before parquet-java's per-row bookkeeping catches up. */
  private static final int CHUNK_ROWS = 1024;

  private final ObjectUri uri;
  private final List<ColumnDefinition> columns;
  private final ParquetWriteOptions options;
  private final MessageType schema;
  private final ObjectOutputFile output;
  private final ParquetProperties properties;
  private final CodecFactory codecs;
  private final org.apache.parquet.hadoop.ParquetFileWriter file;
  private final List<ParquetValueWriter> writers = new ArrayList<>();
  private final ArrayRowBatch.Builder pendingRows;
  private ColumnChunkPageWriteStore pages;
  private ColumnWriteStore store;
  private long rowGroupRows;
  private long rowsWritten;
  private boolean finished;

  private ParquetFileWriter(ObjectUri uri, AbortableOutput out, List<ColumnDefinition> columns,
      ParquetWriteOptions options) throws IOException {
    this.uri = uri;
    this.columns = List.copyOf(columns);
    this.options = options;
    this.schema = ParquetSchemas.schemaOf(this.columns);
    this.output = new ObjectOutputFile(uri, out);
    this.properties = ParquetProperties.builder()
        .withPageSize(options.pageSizeBytes())
        .withDictionaryPageSize(options.pageSizeBytes())
        .withDictionaryEncoding(true)
        .build();
    this.codecs = new CodecFactory(new Configuration(false), options.pageSizeBytes());
    this.file = new org.apache.parquet.hadoop.ParquetFileWriter(output, schema,
        org.apache.parquet.hadoop.ParquetFileWriter.Mode.CREATE, options.rowGroupBytes(), 0,
        null, properties);
    file.start();
    List<ColumnType> types = new ArrayList<>();
    for (ColumnDefinition column : this.columns) {
      writers.add(new ParquetValueWriter(uri, column));
      types.add(column.type());
    }
    pendingRows = ArrayRowBatch.builder(types, CHUNK_ROWS);
  }

  /** Starts writing a file of these columns at {@code uri}; nothing is visible until close. */
  public static ParquetFileWriter create(ObjectStore store, ObjectUri uri,
      List<ColumnDefinition> columns, ParquetWriteOptions options) {
    requireNonNull(store, "store is null");
    requireNonNull(uri, "uri is null");
    requireNonNull(options, "options is null");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a Parquet file needs at least one column");
    }
    AbortableOutput out = store.create(uri);
    try {
      return new ParquetFileWriter(uri, out, columns, options);
    } catch (IOException | RuntimeException e) {
      out.abort();
      throw failure(uri, e);
    }
  }

  private static StorageException failure(ObjectUri uri, Exception e) {
    if (e instanceof StorageException storage) {
      return storage;
    }
    if (e instanceof BadValueException bad) {
      return new StorageException(bad.sqlState(), "Cannot write '" + uri + "': "
          + bad.getMessage(), bad);
    }
    return new StorageException("58030", "Cannot write '" + uri + "': " + e.getMessage(), e);
  }

  /** Appends one row, its values in the storage representation of the column types. */
  public void write(Object[] row) {
    checkOpen();
    for (int c = 0; c < Math.min(row.length, columns.size()); c++) {
      if (row[c] == null && !columns.get(c).nullable()) {
        throw new StorageException("23502", "Cannot write '" + uri + "': column '"
            + columns.get(c).name() + "' is NOT NULL but a row has NULL");
      }
    }
    try {
      pendingRows.append(row);
    } catch (StorageException e) {
      throw new StorageException(e.sqlState(), "Cannot write '" + uri + "': " + e.getMessage(),
          e);
    }
    if (pendingRows.rowCount() >= CHUNK_ROWS) {
      flushPendingRows();
    }
  }

  /** Appends the batch's rows; its columns are the file's, in order. */
  public void write(RowBatch batch) {
    checkOpen();
    if (batch.columnCount() != columns.size()) {
      throw new IllegalArgumentException("a batch of " + batch.columnCount() + " columns for "
          + columns.size());
    }
    flushPendingRows();
    writeBatch(batch);
  }

  private void flushPendingRows() {
    if (pendingRows.rowCount() > 0) {
      writeBatch(pendingRows.build());
    }
  }

  private void writeBatch(RowBatch batch) {
    int rows = batch.rowCount();
    ColumnVector[] vectors = new ColumnVector[columns.size()];
    for (int c = 0; c < vectors.length; c++) {
      vectors[c] = convert(batch.column(c), writers.get(c), rows, c);
      writers.get(c).checkNulls(vectors[c], 0, rows);
    }
    try {
      for (int from = 0, to; from < rows; from = to) {
        if (store == null) {
          startRowGroup();
        }
        to = (int) Math.min(rows, from + Math.min(CHUNK_ROWS,
            options.rowGroupRows() - rowGroupRows));
        for (int c = 0; c < vectors.length; c++) {
          writers.get(c).write(vectors[c], from, to);
        }
        for (int r = from; r < to; r++) {
          store.endRecord();
        }
        rowGroupRows += to - from;
        rowsWritten += to - from;
        if (rowGroupRows >= options.rowGroupRows()
            || store.getBufferedSize() >= options.rowGroupBytes()) {
          endRowGroup();
        }
      }
    } catch (IOException | RuntimeException e) {
      abort();
      throw failure(uri, e);
    }
  }

  /** The vector itself when its values can be written as they are, else a converted copy. */
  private ColumnVector convert(ColumnVector vector, ParquetValueWriter writer, int rows,
      int column) {
    if (writer.accepts(vector)) {
      return vector;
    }
    ColumnBuilder builder = new ColumnBuilder(columns.get(column).type(), rows);
    try {
      for (int r = 0; r < rows; r++) {
        builder.appendValue(vector.get(r));
      }
    } catch (StorageException e) {
      throw new StorageException(e.sqlState(), "Cannot write '" + uri + "': " + e.getMessage(),
          e);
    }
    return builder.build();
  }

  private void startRowGroup() {
    pages = new ColumnChunkPageWriteStore(codecs.getCompressor(codec(options.codec())), schema,
        properties.getAllocator(), properties.getColumnIndexTruncateLength(),
        properties.getPageWriteChecksumEnabled());
    store = properties.newColumnWriteStore(schema, pages, pages);
    List<ColumnDescriptor> descriptors = schema.getColumns();
    for (int c = 0; c < writers.size(); c++) {
      writers.get(c).use(store.getColumnWriter(descriptors.get(c)));
    }
    rowGroupRows = 0;
  }

  private void endRowGroup() throws IOException {
    if (store == null) {
      return;
    }
    if (rowGroupRows > 0) {
      file.startBlock(rowGroupRows);
      store.flush();
      pages.flushToFileWriter(file);
      file.endBlock();
    }
    store.close();
    pages.close();
    store = null;
    pages = null;
  }

  private static CompressionCodecName codec(ParquetWriteOptions.Codec codec) {
    return switch (codec) {
      case UNCOMPRESSED -> CompressionCodecName.UNCOMPRESSED;
      case SNAPPY -> CompressionCodecName.SNAPPY;
      case GZIP -> CompressionCodecName.GZIP;
      case ZSTD -> CompressionCodecName.ZSTD;
    };
  }

  /** Rows written so far. */
  public long rowsWritten() {
    return rowsWritten + pendingRows.rowCount();
  }

  /**
   * The file's size so far: bytes sent to the object plus the current row group's encoded bytes
   * (before compression), so a caller can roll to a new file near a target size. Exact after
   * {@link #close}.
   */
  public long bytesWritten() {
    return output.position() + (store == null ? 0 : store.getBufferedSize());
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("'" + uri + "' is already closed or aborted");
    }
  }

  /**
   * Writes the last row group and the footer and publishes the object; when that fails, the
   * write is aborted.
   */
  @Override
  public void close() {
    if (finished) {
      return;
    }
    try {
      flushPendingRows();
      endRowGroup();
      finished = true;
      file.end(Map.of());
    } catch (IOException | RuntimeException e) {
      finished = false;
      abort();
      throw failure(uri, e);
    } finally {
      codecs.release();
    }
  }

  /** Discards everything written; the object is not created. */
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      if (store != null) {
        store.close();
        pages.close();
      }
    } catch (RuntimeException ignored) {
      // Buffers only; the output is discarded below either way.
    } finally {
      store = null;
      pages = null;
      output.abort();
      codecs.release();
    }
  }
}
