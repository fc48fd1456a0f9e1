package io.basalt.storage.format;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.RowBatch;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Streams newline-delimited JSON objects into batches with Jackson's streaming parser. Keys
 * match table columns ignoring case; other keys are skipped unparsed and missing ones read as
 * NULL; when a key repeats, its first value counts. A value of the wrong type (a string that is
 * not a number for a BIGINT column, an object or array for any column) is 22P04 with the line.
 * Strings holding numbers, booleans, dates or timestamps are parsed as in text files; numbers
 * and booleans read into string columns as their JSON text.
 */
final class JsonBatchReader implements FileBatchReader {
  private final ObjectUri uri;
  private final FileReadRequest request;
  private final List<ColumnDefinition> tableColumns;
  private final ColumnBuilder[] builders;
  /** For each table column, the output positions it fills (usually none or one). */
  private final int[][] outputs;
  private final Map<String, Integer> exactNames = new HashMap<>();
  private final Map<String, Integer> foldedNames = new HashMap<>();
  private final long[] seen;
  private long record;
  private final JsonParser parser;
  private RowBatch pending;
  private boolean done;

  JsonBatchReader(ObjectStore store, FileSplit split, FileReadRequest request) {
    this.uri = split.file().uri();
    this.request = request;
    this.tableColumns = request.tableColumns();
    int[] columns = request.columns();
    builders = new ColumnBuilder[columns.length];
    List<List<Integer>> positions = new ArrayList<>();
    for (int t = 0; t < tableColumns.size(); t++) {
      positions.add(new ArrayList<>());
      String name = tableColumns.get(t).name();
      exactNames.putIfAbsent(name, t);
      foldedNames.putIfAbsent(name.toLowerCase(Locale.ROOT), t);
    }
    for (int i = 0; i < columns.length; i++) {
      builders[i] = new ColumnBuilder(tableColumns.get(columns[i]).type(),
          Math.min(request.batchRows(), 1024));
      positions.get(columns[i]).add(i);
    }
    outputs = new int[tableColumns.size()][];
    for (int t = 0; t < outputs.length; t++) {
      outputs[t] = positions.get(t).stream().mapToInt(Integer::intValue).toArray();
    }
    seen = new long[tableColumns.size()];
    request.counters().addSplit();
    if (split.start() != 0) {
      parser = null;
      done = true;
      return;
    }
    request.counters().addFileRead();
    try {
      parser = JsonFactory.builder().build().createParser(Decompression.open(store,
          split.file(), request.options().compression(), request.counters()));
    } catch (IOException e) {
      throw new StorageException("22P04", "Cannot read '" + uri + "': " + e.getMessage(), e);
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
      JsonToken token;
      while (rows < request.batchRows() && (token = parser.nextToken()) != null) {
        if (token != JsonToken.START_OBJECT) {
          throw BadValueException.invalid("expected a JSON object but found "
              + describe(token));
        }
        readObject();
        rows++;
      }
    } catch (BadValueException e) {
      throw new StorageException(e.sqlState(), "Cannot read '" + uri + "' line " + line() + ": "
          + e.getMessage(), e);
    } catch (JacksonException e) {
      long line = e.getLocation() == null ? line() : e.getLocation().getLineNr();
      throw new StorageException("22P04", "Cannot read '" + uri + "' line " + line
          + ": malformed JSON (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw new StorageException("22P04", "Cannot read '" + uri + "' line " + line()
          + ": undecodable data (" + e + ")", e);
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

  private long line() {
    return parser.currentTokenLocation().getLineNr();
  }

  private void readObject() throws IOException {
    record++;
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      Integer column = exactNames.get(name);
      if (column == null) {
        column = foldedNames.get(name.toLowerCase(Locale.ROOT));
      }
      JsonToken value = parser.nextToken();
      if (column == null || seen[column] == record || outputs[column].length == 0) {
        if (column != null) {
          seen[column] = record;
        }
        parser.skipChildren();
        continue;
      }
      seen[column] = record;
      for (int output : outputs[column]) {
        try {
          append(builders[output], value);
        } catch (BadValueException e) {
          throw new BadValueException(e.sqlState(), e.getMessage() + " in column '"
              + tableColumns.get(column).name() + "'");
        }
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw BadValueException.invalid("malformed JSON object");
    }
    for (int column = 0; column < outputs.length; column++) {
      if (seen[column] != record) {
        for (int output : outputs[column]) {
          builders[output].appendNull();
        }
      }
    }
  }

  private void append(ColumnBuilder builder, JsonToken token) throws IOException {
    ColumnType type = builder.type();
    switch (token) {
      case VALUE_NULL -> builder.appendNull();
      case VALUE_STRING -> FieldParser.append(builder, parser.getTextCharacters(),
          parser.getTextOffset(), parser.getTextLength());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(builder, token);
      case VALUE_TRUE, VALUE_FALSE -> {
        if (type.name() == TypeName.BOOLEAN) {
          builder.appendLong(token == JsonToken.VALUE_TRUE ? 1 : 0);
        } else if (ColumnTypes.isString(type)) {
          builder.appendObject(parser.getText());
        } else {
          throw wrongType(type, parser.getText());
        }
      }
      default -> throw wrongType(type, describe(token));
    }
  }

  private void number(ColumnBuilder builder, JsonToken token) throws IOException {
    ColumnType type = builder.type();
    switch (type.name()) {
      case SMALLINT, INTEGER, BIGINT -> {
        if (token != JsonToken.VALUE_NUMBER_INT) {
          throw wrongType(type, parser.getText());
        }
        char[] text = parser.getText().toCharArray();
        builder.appendLong(FieldParser.integer(type, text, 0, text.length));
      }
      case DECIMAL -> {
        BigDecimal value = DecimalValues.rescale(parser.getDecimalValue(), type);
        if (DecimalValues.isLongDecimal(type)) {
          builder.appendLong(value.unscaledValue().longValueExact());
        } else {
          builder.appendObject(value);
        }
      }
      case REAL -> builder.appendDouble((float) parser.getDoubleValue());
      case DOUBLE -> builder.appendDouble(parser.getDoubleValue());
      case BOOLEAN -> {
        String text = parser.getText();
        if (!text.equals("0") && !text.equals("1")) {
          throw wrongType(type, text);
        }
        builder.appendLong(text.equals("1") ? 1 : 0);
      }
      case CHAR, VARCHAR -> builder.appendObject(parser.getText());
      case DATE, TIMESTAMP, TIMESTAMPTZ -> throw wrongType(type, parser.getText());
    }
  }

  private static BadValueException wrongType(ColumnType type, String value) {
    return BadValueException.invalid("invalid " + ColumnTypes.label(type) + " " + value);
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "a JSON object";
      case START_ARRAY -> "a JSON array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  @Override
  public void close() {
    done = true;
    pending = null;
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException ignored) {
        // A read stream: closing it loses nothing.
      }
    }
  }
}
