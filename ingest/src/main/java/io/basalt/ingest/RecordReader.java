package io.basalt.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Streams the records of one text file and splits each into fields, reusing its buffers.
 *
 * <p>Reading happens in two passes over each record: {@link #next()} finds where the record ends
 * (a newline not escaped or quoted) and copies its raw text; {@link #split()} then cuts the raw
 * text into fields. Each field has a raw span (for NULL AS matching and error reports) and a
 * value span (escapes and quotes removed) in {@link #valueChars()}. No regex, no String per line.
 */
abstract class RecordReader implements Closeable {
  private static final int BUFFER_CHARS = 1 << 16;
  private static final char[] NEWLINE = {'\n'};

  private final Reader in;
  private final char[] buffer = new char[BUFFER_CHARS];
  private int position;
  private int limit;
  private boolean endOfInput;
  private boolean startOfInput = true;
  private long nextLine = 1;
  private long recordLine;

  /** The current record's text without its newline. */
  char[] raw = new char[1024];
  int rawLength;
  /** Unescaped field text when the record needed unescaping; else the fields point into raw. */
  char[] values = new char[1024];
  /** True when the current record holds an escape or quote character that split must undo. */
  boolean needsUnescape;

  int fieldCount;
  int[] rawStarts = new int[16];
  int[] rawEnds = new int[16];
  int[] valueStarts = new int[16];
  int[] valueEnds = new int[16];
  boolean[] quoted = new boolean[16];
  private char[] fieldChars;

  /** The escape or quote character that makes a record need unescaping. */
  private final char special;

  RecordReader(Reader in, char special) {
    this.in = in;
    this.special = special;
  }

  /**
   * Called when the record scan meets the special character (the escape or quote character),
   * so that quote-aware formats can track whether a newline is inside a quoted field.
   */
  abstract void onSpecial();

  /**
   * Whether the newline just met belongs to the current field instead of ending the record;
   * called only when the record holds a special character, with the text before the newline
   * already in {@link #raw}.
   */
  abstract boolean newlineInsideRecord();

  /** Resets the boundary state before a new record. */
  abstract void resetScan();

  /** Cuts the current raw record into fields; throws when the record is malformed. */
  abstract void split() throws LoadRejection;

  /**
   * Reads the next record into {@link #raw}. Returns false at the end of the input. A trailing
   * carriage return (CRLF files) is dropped.
   */
  final boolean next() throws IOException {
    rawLength = 0;
    needsUnescape = false;
    resetScan();
    recordLine = nextLine;
    boolean sawAny = false;
    char special = this.special;
    while (position < limit || fill()) {
      sawAny = true;
      char[] chars = buffer;
      int start = position;
      int end = limit;
      int i = start;
      while (i < end) {
        char c = chars[i];
        if (c == '\n') {
          appendRaw(chars, start, i - start);
          i++;
          nextLine++;
          if (needsUnescape && newlineInsideRecord()) {
            appendRaw(NEWLINE, 0, 1);
            start = i;
            continue;
          }
          position = i;
          stripCarriageReturn();
          return true;
        }
        if (c == special) {
          needsUnescape = true;
          onSpecial();
        }
        i++;
      }
      appendRaw(chars, start, i - start);
      position = i;
    }
    if (!sawAny) {
      return false;
    }
    stripCarriageReturn();
    return true;
  }

  /** The 1-based line where the current record starts. */
  final long lineNumber() {
    return recordLine;
  }

  /** The array that the value spans index: {@link #values} or {@link #raw}. */
  final char[] valueChars() {
    return fieldChars;
  }

  /** The record's raw text cut to {@code maxChars}, so that error logs stay small. */
  final String rawLine(int maxChars) {
    return new String(raw, 0, Math.min(rawLength, maxChars));
  }

  /** Field {@code field}'s raw text cut to {@code maxChars}. */
  final String rawField(int field, int maxChars) {
    return new String(raw, rawStarts[field],
        Math.min(rawEnds[field] - rawStarts[field], maxChars));
  }

  /** Whether field {@code field}'s raw text equals {@code text} exactly. */
  final boolean rawEquals(int field, String text) {
    int start = rawStarts[field];
    int length = rawEnds[field] - start;
    if (length != text.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (raw[start + i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Splits a record that holds no escape or quote: every field is a span of {@link #raw}. */
  final void splitPlain(char delimiter) {
    beginFields(false);
    char[] chars = raw;
    int length = rawLength;
    int fieldStart = 0;
    for (int i = 0; i < length; i++) {
      if (chars[i] == delimiter) {
        addField(fieldStart, i, fieldStart, i, false);
        fieldStart = i + 1;
      }
    }
    addField(fieldStart, length, fieldStart, length, false);
  }

  /** Starts the field list; split implementations then call {@link #addField} per field. */
  final void beginFields(boolean unescaped) {
    fieldCount = 0;
    fieldChars = unescaped ? values : raw;
    if (unescaped && values.length < rawLength) {
      values = new char[Math.max(rawLength, values.length * 2)];
      fieldChars = values;
    }
  }

  final void addField(int rawStart, int rawEnd, int valueStart, int valueEnd, boolean isQuoted) {
    if (fieldCount == rawStarts.length) {
      int size = fieldCount * 2;
      rawStarts = Arrays.copyOf(rawStarts, size);
      rawEnds = Arrays.copyOf(rawEnds, size);
      valueStarts = Arrays.copyOf(valueStarts, size);
      valueEnds = Arrays.copyOf(valueEnds, size);
      quoted = Arrays.copyOf(quoted, size);
    }
    rawStarts[fieldCount] = rawStart;
    rawEnds[fieldCount] = rawEnd;
    valueStarts[fieldCount] = valueStart;
    valueEnds[fieldCount] = valueEnd;
    quoted[fieldCount] = isQuoted;
    fieldCount++;
  }

  private void appendRaw(char[] chars, int from, int length) {
    if (length == 0) {
      return;
    }
    if (rawLength + length > raw.length) {
      raw = Arrays.copyOf(raw, Math.max(rawLength + length, raw.length * 2));
    }
    System.arraycopy(chars, from, raw, rawLength, length);
    rawLength += length;
  }

  private void stripCarriageReturn() {
    if (rawLength > 0 && raw[rawLength - 1] == '\r') {
      rawLength--;
    }
  }

  private boolean fill() throws IOException {
    if (endOfInput) {
      return false;
    }
    int read;
    do {
      read = in.read(buffer, 0, buffer.length);
    } while (read == 0);
    if (read < 0) {
      endOfInput = true;
      position = 0;
      limit = 0;
      return false;
    }
    // A UTF-8 byte order mark is not data.
    position = startOfInput && buffer[0] == '\uFEFF' ? 1 : 0;
    startOfInput = false;
    limit = read;
    return position < limit || fill();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
