package io.basalt.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;

/**
 * The records of one source file, one at a time, each cut into fields. Each field has a raw span
 * in {@link #raw} (for NULL AS matching and error reports) and a value span (escapes and quotes
 * removed) in {@link #valueChars()}; the arrays are reused from record to record.
 */
abstract class RecordSource implements Closeable {
  /** The current record's text. */
  char[] raw = new char[1024];
  int rawLength;
  /** Unescaped field text when the record needed unescaping; else the fields point into raw. */
  char[] values = new char[1024];

  int fieldCount;
  int[] rawStarts = new int[16];
  int[] rawEnds = new int[16];
  int[] valueStarts = new int[16];
  int[] valueEnds = new int[16];
  boolean[] quoted = new boolean[16];
  /** Fields that are NULL by the format's own rules, before any COPY option applies. */
  boolean[] nulls = new boolean[16];
  /** The 1-based line where the current record starts. */
  long recordLine;
  private char[] fieldChars;

  /** Reads the next record; returns false at the end of the input. */
  abstract boolean next() throws IOException;

  /** Cuts the current record into fields; throws when the record is malformed. */
  abstract void split() throws LoadRejection;

  /** Whether the record is an empty line, which IGNOREBLANKLINES skips. */
  boolean blank() {
    return rawLength == 0;
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
  String rawLine(int maxChars) {
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
      growFields();
    }
    nulls[fieldCount] = false;
    rawStarts[fieldCount] = rawStart;
    rawEnds[fieldCount] = rawEnd;
    valueStarts[fieldCount] = valueStart;
    valueEnds[fieldCount] = valueEnd;
    quoted[fieldCount] = isQuoted;
    fieldCount++;
  }

  /** Doubles the room for fields. */
  final void growFields() {
    int size = rawStarts.length * 2;
    rawStarts = Arrays.copyOf(rawStarts, size);
    rawEnds = Arrays.copyOf(rawEnds, size);
    valueStarts = Arrays.copyOf(valueStarts, size);
    valueEnds = Arrays.copyOf(valueEnds, size);
    quoted = Arrays.copyOf(quoted, size);
    nulls = Arrays.copyOf(nulls, size);
  }

  /**
   * Ends a split that stored {@code count} unquoted fields' raw spans straight into
   * {@link #rawStarts} and {@link #rawEnds}: their values are the same spans.
   */
  final void endPlainFields(int count) {
    fieldCount = count;
    System.arraycopy(rawStarts, 0, valueStarts, 0, count);
    System.arraycopy(rawEnds, 0, valueEnds, 0, count);
    Arrays.fill(quoted, 0, count, false);
    Arrays.fill(nulls, 0, count, false);
  }

  /** Grows {@link #raw} to hold {@code capacity} chars, keeping the fields that point into it. */
  final void ensureRawCapacity(int capacity) {
    if (capacity > raw.length) {
      boolean fieldsInRaw = fieldChars == raw;
      raw = Arrays.copyOf(raw, Math.max(capacity, raw.length * 2));
      if (fieldsInRaw) {
        fieldChars = raw;
      }
    }
  }

  /** Adds a field that is NULL whatever the options say (a JSON null or missing key). */
  final void addNullField() {
    addField(0, 0, 0, 0, false);
    nulls[fieldCount - 1] = true;
  }
}
