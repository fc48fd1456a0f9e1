package io.basalt.storage.format;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.RowBatch;
import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams a delimited text file into batches. Field i is table column i (as Hive and Athena
 * read text); a record with more fields than the table has columns is an error (22P04), one
 * with fewer reads the missing columns as NULL. Only requested columns are parsed.
 */
final class TextBatchReader implements FileBatchReader {
  private final ObjectUri uri;
  private final FileReadRequest request;
  private final List<ColumnDefinition> tableColumns;
  private final int[] columns;
  private final ColumnBuilder[] builders;
  private final char[] nullMarker;
  private final CsvTokenizer tokenizer;
  private RowBatch pending;
  private boolean done;

  TextBatchReader(ObjectStore store, FileSplit split, FileReadRequest request) {
    this.uri = split.file().uri();
    this.request = request;
    this.tableColumns = request.tableColumns();
    this.columns = request.columns();
    FormatOptions options = request.options();
    this.nullMarker = options.nullMarker().toCharArray();
    builders = new ColumnBuilder[columns.length];
    for (int i = 0; i < columns.length; i++) {
      builders[i] = new ColumnBuilder(tableColumns.get(columns[i]).type(),
          Math.min(request.batchRows(), 1024));
    }
    request.counters().addSplit();
    if (split.start() != 0) {
      // Text is never cut: only the split at the start of the file has rows.
      tokenizer = null;
      done = true;
      return;
    }
    request.counters().addFileRead();
    tokenizer = new CsvTokenizer(new InputStreamReader(Decompression.open(store, split.file(),
        options.compression(), request.counters()), StandardCharsets.UTF_8),
        options.delimiter(), options.quote(), options.quoted());
    try {
      tokenizer.skipLines(options.skipHeaderLines());
    } catch (IOException e) {
      close();
      throw failure(e, tokenizer.currentLine());
    }
  }

  @Override
  public boolean hasNext() {
    if (pending == null && !done) {
      pending = readBatch();
      done = pending == null;
    }
    return pending != null;
  }

  @Override
  public RowBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RowBatch batch = pending;
    pending = null;
    return batch;
  }

  private RowBatch readBatch() {
    if (request.canceled().getAsBoolean()) {
      throw new StorageException("57014", "Query was canceled");
    }
    int rows = 0;
    try {
      while (rows < request.batchRows() && tokenizer.next()) {
        int fields = tokenizer.fieldCount();
        if (fields > tableColumns.size()) {
          throw BadValueException.invalid("the record has " + fields + " fields but the table"
              + " has " + tableColumns.size() + " columns");
        }
        for (int i = 0; i < columns.length; i++) {
          int field = columns[i];
          if (field >= fields) {
            builders[i].appendNull();
            continue;
          }
          try {
            appendField(builders[i], field);
          } catch (BadValueException e) {
            throw new BadValueException(e.sqlState(), e.getMessage() + " in column '"
                + tableColumns.get(field).name() + "'");
          }
        }
        rows++;
      }
    } catch (BadValueException e) {
      throw failure(e, e.getMessage().startsWith("unterminated") || tokenizer.line() == 0
          ? tokenizer.currentLine() : tokenizer.line());
    } catch (IOException e) {
      throw failure(e, tokenizer.currentLine());
    }
    if (rows == 0) {
      return null;
    }
    List<ArrayColumnVector> vectors = new ArrayList<>(builders.length);
    for (ColumnBuilder builder : builders) {
      vectors.add(builder.build());
    }
    request.counters().addRowsRead(rows);
    return new ArrayRowBatch(rows, vectors);
  }

  private void appendField(ColumnBuilder builder, int field) {
    char[] chars = tokenizer.chars();
    int start = tokenizer.start(field);
    int length = tokenizer.length(field);
    if (!tokenizer.quoted(field) && length == nullMarker.length
        && java.util.Arrays.equals(chars, start, start + length, nullMarker, 0, length)) {
      builder.appendNull();
      return;
    }
    FieldParser.append(builder, chars, start, length);
  }

  private StorageException failure(Exception e, long line) {
    if (e instanceof BadValueException bad) {
      return new StorageException(bad.sqlState(), "Cannot read '" + uri + "' line " + line
          + ": " + bad.getMessage(), bad);
    }
    return new StorageException("22P04", "Cannot read '" + uri + "' line " + line
        + ": undecodable data (" + e + ")", e);
  }

  @Override
  public void close() {
    done = true;
    pending = null;
    if (tokenizer != null) {
      try {
        tokenizer.close();
      } catch (IOException ignored) {
        // Nothing was written; closing a read stream loses nothing.
      }
    }
  }
}
