package io.basalt.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Streams the records of one delimited text file (TEXT or CSV), reusing its buffers.
 *
 * <p>Reading happens in two passes over each record: {@link #next()} finds where the record ends
 * (a newline not escaped or quoted) and copies its raw text; {@link #split()} then cuts the raw
 * text into fields. No regex, no String per line.
 */
abstract class RecordReader extends RecordSource {
  private static final int BUFFER_CHARS = 1 << 16;
  private static final char[] NEWLINE = {'\n'};

  private final Reader in;
  private final char[] buffer = new char[BUFFER_CHARS];
  private int position;
  private int limit;
  private boolean endOfInput;
  private boolean startOfInput = true;
  private long nextLine = 1;

  /** True when the current record holds an escape or quote character that split must undo. */
  boolean needsUnescape;


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

  /**
   * Reads the next record into {@link #raw}. Returns false at the end of the input. A trailing
   * carriage return (CRLF files) is dropped.
   */
  @Override
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

  /** Splits a record that holds no escape or quote: every field is a span of {@link #raw}. */
  final void splitPlain(char delimiter) {
    beginFields(false);
    char[] chars = raw;
    int length = rawLength;
    int[] starts = rawStarts;
    int[] ends = rawEnds;
    int count = 0;
    int fieldStart = 0;
    // The hottest loop of a load: spans go straight into local arrays, the rest per record.
    for (int i = 0; i < length; i++) {
      if (chars[i] == delimiter) {
        if (count == starts.length) {
          growFields();
          starts = rawStarts;
          ends = rawEnds;
        }
        starts[count] = fieldStart;
        ends[count] = i;
        count++;
        fieldStart = i + 1;
      }
    }
    if (count == starts.length) {
      growFields();
      starts = rawStarts;
      ends = rawEnds;
    }
    starts[count] = fieldStart;
    ends[count] = length;
    endPlainFields(count + 1);
  }

  private void appendRaw(char[] chars, int from, int length) {
    if (length == 0) {
      return;
    }
    ensureRawCapacity(rawLength + length);
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
