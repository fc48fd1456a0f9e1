package io.basalt.ingest;

import java.io.Reader;

/**
 * Reads Redshift's default TEXT format: fields separated by the delimiter, no quoting, and a
 * backslash escaping the delimiter or a backslash. Other backslashes are kept as data so that
 * paths like {@code C:\temp} load unchanged. With ESCAPE, a backslash escapes any character,
 * newlines included (as UNLOAD ... ESCAPE writes them). With REMOVEQUOTES, a field that starts
 * with a double quote runs to the next double quote, keeping delimiters inside, and the quotes
 * are dropped.
 */
final class TextRecordReader extends RecordReader {
  private final char delimiter;
  private final boolean escapeAll;
  private final boolean removeQuotes;

  TextRecordReader(Reader in, char delimiter, boolean escapeAll, boolean removeQuotes) {
    super(in, '\\');
    this.delimiter = delimiter;
    this.escapeAll = escapeAll;
    this.removeQuotes = removeQuotes;
  }

  @Override
  void onSpecial() {
    // A backslash only matters at a newline, where newlineInsideRecord counts the run of them.
  }

  @Override
  boolean newlineInsideRecord() {
    if (!escapeAll) {
      // Without ESCAPE a line ending in a backslash (C:\dir\) must not swallow the next line.
      return false;
    }
    int backslashes = 0;
    for (int i = rawLength - 1; i >= 0 && raw[i] == '\\'; i--) {
      backslashes++;
    }
    return (backslashes & 1) == 1;
  }

  @Override
  void resetScan() {
    // No state: escaped newlines are found by looking back at the record text.
  }

  @Override
  void split() {
    if (!needsUnescape && !removeQuotes) {
      splitPlain(delimiter);
    } else {
      splitEscaped();
    }
  }

  private void splitEscaped() {
    beginFields(true);
    char[] chars = raw;
    char[] out = values;
    int length = rawLength;
    int written = 0;
    int i = 0;
    while (true) {
      int rawStart = i;
      int valueStart = written;
      boolean isQuoted = false;
      if (removeQuotes && i < length && chars[i] == '"') {
        isQuoted = true;
        i++;
        while (i < length && chars[i] != '"') {
          out[written++] = chars[i++];
        }
        if (i < length) {
          i++;
        }
      }
      while (i < length) {
        char c = chars[i];
        if (c == delimiter) {
          break;
        }
        if (c == '\\' && i + 1 < length) {
          char escaped = chars[i + 1];
          if (escapeAll || escaped == delimiter || escaped == '\\') {
            out[written++] = escaped;
            i += 2;
            continue;
          }
        }
        out[written++] = c;
        i++;
      }
      addField(rawStart, i, valueStart, written, isQuoted);
      if (i >= length) {
        break;
      }
      i++;
    }
  }
}
