package io.basalt.storage.format;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits delimited text into records and fields, streaming. With quoting, a field that starts
 * with the quote runs to the next quote not doubled, and may hold delimiters and line breaks;
 * characters after its closing quote are kept as they are (lenient). Records end at LF or CRLF;
 * blank lines are skipped. A field's characters are held in one buffer per record, valid until
 * the next call of {@link #next}.
 */
final class CsvTokenizer {
  /** Longest record accepted, so that a stray quote cannot swallow a huge file into memory. */
  static final int MAX_RECORD_CHARS = 16 << 20;

  private final Reader in;
  private final char delimiter;
  private final char quote;
  private final boolean quoting;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private char[] record = new char[256];
  private int length;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private boolean[] quoted = new boolean[16];
  private int fields;
  private boolean started;
  private long linesRead;
  private long recordLine;

  CsvTokenizer(Reader in, char delimiter, char quote, boolean quoting) {
    this.in = in;
    this.delimiter = delimiter;
    this.quote = quote;
    this.quoting = quoting;
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int read;
    do {
      read = in.read(buffer, 0, buffer.length);
    } while (read == 0);
    if (read < 0) {
      return false;
    }
    // A UTF-8 byte order mark (as spreadsheets export) is not part of the first field.
    position = started || buffer[0] != '\uFEFF' ? 0 : 1;
    started = true;
    limit = read;
    return position < limit || fill();
  }

  /** Skips {@code lines} physical lines (a header), whatever they hold. */
  void skipLines(int lines) throws IOException {
    for (int skipped = 0; skipped < lines; skipped++) {
      int c;
      do {
        c = read();
      } while (c >= 0 && c != '\n');
      if (c < 0) {
        return;
      }
      linesRead++;
    }
  }

  /** Reads the next record; false at the end of the input. */
  boolean next() throws IOException {
    while (true) {
      int c = read();
      if (c < 0) {
        return false;
      }
      recordLine = linesRead + 1;
      length = 0;
      fields = 0;
      parseRecord(c);
      if (fields == 1 && ends[0] == starts[0] && !quoted[0]) {
        continue; // a blank line
      }
      return true;
    }
  }

  private void parseRecord(int first) throws IOException {
    int c = first;
    beginField();
    while (true) {
      if (c < 0) {
        endField();
        return;
      }
      if (c == quote && quoting && length == starts[fields] && !quoted[fields]) {
        quoted[fields] = true;
        readQuoted();
        c = read();
        continue;
      }
      if (c == delimiter) {
        endField();
        beginField();
      } else if (c == '\n') {
        linesRead++;
        endField();
        return;
      } else if (c == '\r' && peek() == '\n') {
        read();
        linesRead++;
        endField();
        return;
      } else {
        append((char) c);
      }
      c = read();
    }
  }

  private void readQuoted() throws IOException {
    long startLine = linesRead + 1;
    while (true) {
      int c = read();
      if (c < 0) {
        throw BadValueException.invalid("unterminated quoted field starting on line "
            + startLine);
      }
      if (c == quote) {
        if (peek() != quote) {
          return;
        }
        read();
      } else if (c == '\n') {
        linesRead++;
      }
      append((char) c);
    }
  }

  private void beginField() {
    if (fields == starts.length) {
      starts = Arrays.copyOf(starts, fields * 2);
      ends = Arrays.copyOf(ends, fields * 2);
      quoted = Arrays.copyOf(quoted, fields * 2);
    }
    starts[fields] = length;
    quoted[fields] = false;
  }

  private void endField() {
    ends[fields] = length;
    fields++;
  }

  private void append(char c) {
    if (length == record.length) {
      if (length >= MAX_RECORD_CHARS) {
        throw BadValueException.invalid("the record is longer than " + MAX_RECORD_CHARS
            + " characters (an unbalanced quote?)");
      }
      record = Arrays.copyOf(record, Math.min(MAX_RECORD_CHARS, length * 2));
    }
    record[length++] = c;
  }

  int fieldCount() {
    return fields;
  }

  /** The buffer holding the current record's field characters. */
  char[] chars() {
    return record;
  }

  int start(int field) {
    return starts[field];
  }

  int length(int field) {
    return ends[field] - starts[field];
  }

  boolean quoted(int field) {
    return quoted[field];
  }

  String field(int field) {
    return new String(record, starts[field], ends[field] - starts[field]);
  }

  /** The line the current record starts on, counting from 1 and including skipped lines. */
  long line() {
    return recordLine;
  }

  /** The line being read, for errors raised while a record is parsed. */
  long currentLine() {
    return linesRead + 1;
  }

  void close() throws IOException {
    in.close();
  }
}
