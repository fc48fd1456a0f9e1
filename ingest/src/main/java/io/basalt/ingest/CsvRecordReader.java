package io.basalt.ingest;

import java.io.Reader;

/**
 * Reads CSV as RFC 4180 describes it: fields separated by the delimiter; a field starting with
 * the quote character runs to the matching quote and may hold delimiters and newlines, with a
 * doubled quote standing for one. Text after a closing quote up to the delimiter is kept.
 */
final class CsvRecordReader extends RecordReader {
  private final char delimiter;
  private final char quote;
  private boolean inQuotes;

  CsvRecordReader(Reader in, char delimiter, char quote) {
    super(in, quote);
    this.delimiter = delimiter;
    this.quote = quote;
  }

  @Override
  void onSpecial() {
    // A doubled quote inside a quoted field flips twice, so parity alone tracks the state.
    inQuotes = !inQuotes;
  }

  @Override
  boolean newlineInsideRecord() {
    return inQuotes;
  }

  @Override
  void resetScan() {
    inQuotes = false;
  }

  @Override
  void split() throws LoadRejection {
    if (!needsUnescape) {
      splitPlain(delimiter);
    } else {
      splitQuoted();
    }
  }

  private void splitQuoted() throws LoadRejection {
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
      if (i < length && chars[i] == quote) {
        isQuoted = true;
        i++;
        boolean closed = false;
        while (i < length) {
          char c = chars[i];
          if (c == quote) {
            if (i + 1 < length && chars[i + 1] == quote) {
              out[written++] = quote;
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          out[written++] = c;
          i++;
        }
        if (!closed) {
          throw LoadRejection.row(LoadRejection.INVALID_LINE, "22P04",
              "Unterminated quoted field", fieldCount);
        }
      }
      while (i < length && chars[i] != delimiter) {
        out[written++] = chars[i++];
      }
      addField(rawStart, i, valueStart, written, isQuoted);
      if (i >= length) {
        break;
      }
      i++;
    }
  }
}
