package io.basalt.storage.format;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.github.luben.zstd.ZstdOutputStream;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageException;
import io.basalt.storage.format.FormatOptions.Compression;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectStore.AbortableOutput;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes rows as newline-delimited JSON objects that {@link FileReaders} reads back: one key per
 * column, NULLs left out (a missing key reads as NULL), numbers and booleans as JSON numbers and
 * booleans, DECIMAL exactly, non-finite REAL and DOUBLE values and dates and timestamps as
 * strings. Compression by the options, {@code AUTO} by the extension. {@link #close} publishes
 * the object atomically; {@link #abort} leaves nothing. Not thread-safe.
 */
public final class JsonFileWriter implements RowFileWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final ObjectUri uri;
  private final List<ColumnDefinition> columns;
  private final CompressedObjectOutput output;
  private final JsonGenerator generator;
  private long rows;
  private boolean finished;

  private JsonFileWriter(ObjectUri uri, List<ColumnDefinition> columns, FormatOptions options,
      AbortableOutput output) throws IOException {
    this.uri = uri;
    this.columns = List.copyOf(columns);
    this.output = new CompressedObjectOutput(uri, output, options.compression());
    this.generator = FACTORY.createGenerator(this.output.stream());
    generator.setRootValueSeparator(null);
  }

  /** Starts writing JSON at {@code uri}; nothing is visible until close. */
  public static JsonFileWriter create(ObjectStore store, ObjectUri uri,
      List<ColumnDefinition> columns, FormatOptions options) {
    requireNonNull(store, "store is null");
    requireNonNull(uri, "uri is null");
    requireNonNull(options, "options is null");
    if (options.format() != FileFormat.JSON) {
      throw new IllegalArgumentException("JSON writers write JSON, not " + options.format());
    }
    AbortableOutput output = store.create(uri);
    try {
      return new JsonFileWriter(uri, columns, options, output);
    } catch (IOException | RuntimeException e) {
      output.abort();
      throw failure(uri, e);
    }
  }

  private static StorageException failure(ObjectUri uri, Exception e) {
    return CompressedObjectOutput.failure(uri, e);
  }

  /** Appends one row, its values in the storage representation of the column types. */
  public void write(Object[] row) {
    if (finished) {
      throw new IllegalStateException("'" + uri + "' is already closed or aborted");
    }
    if (row.length != columns.size()) {
      throw new IllegalArgumentException("a row of " + row.length + " values for "
          + columns.size() + " columns");
    }
    try {
      generator.writeStartObject();
      for (int c = 0; c < row.length; c++) {
        if (row[c] != null) {
          generator.writeFieldName(columns.get(c).name());
          writeValue(row[c], columns.get(c));
        }
      }
      generator.writeEndObject();
      generator.writeRaw('\n');
      rows++;
    } catch (IOException | RuntimeException e) {
      abort();
      throw failure(uri, e);
    }
  }

  private void writeValue(Object value, ColumnDefinition column) throws IOException {
    switch (column.type().name()) {
      case SMALLINT, INTEGER, BIGINT -> generator.writeNumber(((Number) value).longValue());
      case DECIMAL -> generator.writeNumber(value instanceof BigDecimal d ? d
          : new BigDecimal(value.toString()));
      case REAL, DOUBLE -> {
        double d = ((Number) value).doubleValue();
        if (Double.isFinite(d)) {
          if (column.type().name() == io.basalt.storage.TypeName.REAL) {
            generator.writeNumber(((Number) value).floatValue());
          } else {
            generator.writeNumber(d);
          }
        } else {
          generator.writeString(Double.toString(d));
        }
      }
      case BOOLEAN -> generator.writeBoolean((Boolean) value);
      case DATE -> generator.writeString(TemporalText.formatDate(((Number) value).longValue()));
      case TIMESTAMP -> generator.writeString(
          TemporalText.formatTimestamp(((Number) value).longValue()));
      case TIMESTAMPTZ -> generator.writeString(
          TemporalText.formatTimestamp(((Number) value).longValue()) + "+00");
      case CHAR, VARCHAR -> generator.writeString(value.toString());
    }
  }

  public long rowsWritten() {
    return rows;
  }

  /** Bytes sent to the object so far (compressed); buffered text is not counted until flushed. */
  public long bytesWritten() {
    return output.bytesWritten();
  }

  /** Flushes the text and publishes the object. */
  @Override
  public void close() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      generator.flush();
    } catch (IOException | RuntimeException e) {
      output.abort();
      throw failure(uri, e);
    }
    output.publish();
  }

  /** Discards everything written; the object is not created. */
  public void abort() {
    if (!finished) {
      finished = true;
      output.abort();
    }
  }
}
