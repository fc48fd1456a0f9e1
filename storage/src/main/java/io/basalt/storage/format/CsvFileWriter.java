package io.basalt.storage.format;

import static java.util.Objects.requireNonNull;

import com.github.luben.zstd.ZstdOutputStream;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.RowBatch;
import io.basalt.storage.StorageException;
import io.basalt.storage.format.FormatOptions.Compression;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectStore.AbortableOutput;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes rows as delimited text that {@link FileReaders} reads back: the options' delimiter,
 * the column names on a first line when {@code skipHeaderLines > 0}, NULL as the NULL marker
 * (empty for {@link FormatOptions#csv()}), and with quoting, quotes around values that hold the
 * delimiter, the quote, a line break or leading or trailing blanks, or that are empty or look
 * like the marker. Without quoting such values cannot be written (22P04). Compression by the
 * options, {@code AUTO} by the extension. {@link #close} publishes the object atomically;
 * {@link #abort} leaves nothing. Not thread-safe.
 */
public final class CsvFileWriter implements RowFileWriter {
  private final ObjectUri uri;
  private final List<ColumnDefinition> columns;
  private final FormatOptions options;
  private final CompressedObjectOutput output;
  private final Writer writer;
  private final StringBuilder line = new StringBuilder();
  private long rows;
  private boolean finished;

  private CsvFileWriter(ObjectUri uri, List<ColumnDefinition> columns, FormatOptions options,
      AbortableOutput output) throws IOException {
    this.uri = uri;
    this.columns = List.copyOf(columns);
    this.options = options;
    this.output = new CompressedObjectOutput(uri, output, options.compression());
    this.writer = new BufferedWriter(new OutputStreamWriter(this.output.stream(),
        StandardCharsets.UTF_8), 1 << 16);
    if (options.skipHeaderLines() > 0) {
      for (int c = 0; c < this.columns.size(); c++) {
        if (c > 0) {
          line.append(options.delimiter());
        }
        appendText(this.columns.get(c).name(), this.columns.get(c), line);
      }
      line.append("\n".repeat(options.skipHeaderLines()));
      writer.append(line);
    }
  }

  /** Starts writing text at {@code uri}; nothing is visible until close. */
  public static CsvFileWriter create(ObjectStore store, ObjectUri uri,
      List<ColumnDefinition> columns, FormatOptions options) {
    requireNonNull(store, "store is null");
    requireNonNull(uri, "uri is null");
    requireNonNull(options, "options is null");
    if (options.format() != FileFormat.TEXT) {
      throw new IllegalArgumentException("CSV writers write TEXT, not " + options.format());
    }
    AbortableOutput output = store.create(uri);
    try {
      return new CsvFileWriter(uri, columns, options, output);
    } catch (IOException | RuntimeException e) {
      output.abort();
      throw failure(uri, e);
    }
  }

  private static StorageException failure(ObjectUri uri, Exception e) {
    return CompressedObjectOutput.failure(uri, e);
  }

  /**
   * Appends one row, its values in the storage representation of the column types; when a value
   * cannot be written, nothing of the row is.
   */
  public void write(Object[] row) {
    check(row.length);
    line.setLength(0);
    for (int c = 0; c < row.length; c++) {
      if (c > 0) {
        line.append(options.delimiter());
      }
      Object value = row[c];
      if (value == null) {
        line.append(options.nullMarker());
        continue;
      }
      try {
        appendValue(value, columns.get(c));
      } catch (ClassCastException e) {
        throw new StorageException("42804", "Cannot write '" + uri + "': column '"
            + columns.get(c).name() + "' of type " + columns.get(c).type().sqlName()
            + " cannot hold " + value.getClass().getSimpleName() + " '" + value + "'", e);
      }
    }
    line.append('\n');
    try {
      writer.append(line);
      rows++;
    } catch (IOException e) {
      abort();
      throw failure(uri, e);
    }
  }

  /** Appends the batch's rows; its columns are the file's, in order. */
  public void write(RowBatch batch) {
    check(batch.columnCount());
    Object[] row = new Object[columns.size()];
    for (int r = 0; r < batch.rowCount(); r++) {
      for (int c = 0; c < row.length; c++) {
        row[c] = batch.column(c).get(r);
      }
      write(row);
    }
  }

  private void check(int width) {
    if (finished) {
      throw new IllegalStateException("'" + uri + "' is already closed or aborted");
    }
    if (width != columns.size()) {
      throw new IllegalArgumentException("a row of " + width + " values for " + columns.size()
          + " columns");
    }
  }

  private void appendValue(Object value, ColumnDefinition column) {
    ColumnType type = column.type();
    switch (type.name()) {
      case DATE -> line.append(TemporalText.formatDate(((Number) value).longValue()));
      case TIMESTAMP -> line.append(TemporalText.formatTimestamp(((Number) value).longValue()));
      case TIMESTAMPTZ -> line.append(TemporalText.formatTimestamp(((Number) value).longValue()))
          .append("+00");
      case DECIMAL -> line.append(((BigDecimal) value).toPlainString());
      case REAL -> line.append(((Number) value).floatValue());
      case DOUBLE -> line.append(((Number) value).doubleValue());
      case BOOLEAN -> line.append(((Boolean) value).booleanValue());
      case SMALLINT, INTEGER, BIGINT -> line.append(((Number) value).longValue());
      case CHAR, VARCHAR -> appendText((String) value, column, line);
    }
  }

  private void appendText(String text, ColumnDefinition column, StringBuilder out) {
    if (!needsQuotes(text)) {
      out.append(text);
      return;
    }
    if (!options.quoted()) {
      throw new StorageException("22P04", "Cannot write '" + uri + "': a value of column '"
          + column.name() + "' holds the delimiter or a line break, or equals the NULL marker,"
          + " and the format has no quoting");
    }
    char quote = options.quote();
    out.append(quote);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == quote) {
        out.append(quote);
      }
      out.append(c);
    }
    out.append(quote);
  }

  private boolean needsQuotes(String text) {
    if (text.equals(options.nullMarker())) {
      return true;
    }
    if (options.quoted() && (text.isEmpty() || text.charAt(0) == ' '
        || text.charAt(text.length() - 1) == ' ')) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == options.delimiter() || c == '\n' || c == '\r'
          || options.quoted() && c == options.quote()) {
        return true;
      }
    }
    return false;
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
      writer.flush();
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
