package io.basalt.storage.format;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Infers the columns of a delimited text file from its first records: names from the header
 * line (given by {@code skipHeaderLines}, or detected: a first record of only non-numeric text
 * above columns that hold numbers, dates or booleans), else {@code col0..coln}; types from the
 * sampled values (see {@link TypeGuess}).
 */
final class TextSchemas {
  static final int SAMPLE_RECORDS = 1000;

  private TextSchemas() {}

  static List<ColumnDefinition> infer(ObjectStore store, ObjectInfo file, FormatOptions options) {
    List<String[]> records;
    CsvTokenizer tokenizer = tokenizer(new InputStreamReader(Decompression.open(store, file,
        options.compression(), new ScanCounters()), StandardCharsets.UTF_8), options);
    try {
      records = read(tokenizer, SAMPLE_RECORDS + 1);
    } catch (IOException | BadValueException e) {
      throw new StorageException("22P04", "Cannot read '" + file.uri() + "' line "
          + tokenizer.currentLine() + ": " + e.getMessage(), e);
    } finally {
      try {
        tokenizer.close();
      } catch (IOException ignored) {
        // Only sampling: a failing close loses nothing.
      }
    }
    return columns(records, options);
  }

  static CsvTokenizer tokenizer(Reader reader, FormatOptions options) {
    return new CsvTokenizer(reader, options.delimiter(), options.quote(), options.quoted());
  }

  /** Up to {@code limit} records, each as its field texts. */
  static List<String[]> read(CsvTokenizer tokenizer, int limit) throws IOException {
    List<String[]> records = new ArrayList<>();
    while (records.size() < limit && tokenizer.next()) {
      String[] fields = new String[tokenizer.fieldCount()];
      for (int i = 0; i < fields.length; i++) {
        fields[i] = tokenizer.field(i);
      }
      records.add(fields);
    }
    return records;
  }

  /** The columns for sampled records: the first is the header when the options or data say so. */
  static List<ColumnDefinition> columns(List<String[]> records, FormatOptions options) {
    boolean header = !records.isEmpty()
        && (options.skipHeaderLines() > 0 || hasHeader(records, options));
    String[] names = header ? records.get(0) : new String[0];
    List<String[]> data = header ? records.subList(Math.min(records.size(),
        options.skipHeaderLines() > 0 ? options.skipHeaderLines() : 1), records.size()) : records;
    int width = names.length;
    for (String[] record : data) {
      width = Math.max(width, record.length);
    }
    List<TypeGuess> guesses = guesses(data, width, options);
    List<ColumnDefinition> columns = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int i = 0; i < width; i++) {
      String name = unique(i < names.length ? normalize(names[i]) : "", i, used);
      columns.add(new ColumnDefinition(name, guesses.get(i).type(), true, null));
    }
    return columns;
  }

  /**
   * Whether the first record looks like column names: all its fields are non-empty text that is
   * not a number, date or boolean, while some column below holds such values.
   */
  static boolean hasHeader(List<String[]> records, FormatOptions options) {
    if (records.size() < 2) {
      return false;
    }
    String[] first = records.get(0);
    for (String field : first) {
      TypeGuess guess = new TypeGuess();
      guess.addText(field);
      if (!guess.textual()) {
        return false;
      }
    }
    List<TypeGuess> below = guesses(records.subList(1, records.size()), first.length, options);
    for (TypeGuess guess : below) {
      if (!guess.empty() && !guess.textual()) {
        return true;
      }
    }
    return false;
  }

  private static List<TypeGuess> guesses(List<String[]> records, int width,
      FormatOptions options) {
    List<TypeGuess> guesses = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      guesses.add(new TypeGuess());
    }
    for (String[] record : records) {
      for (int i = 0; i < Math.min(width, record.length); i++) {
        if (!record[i].equals(options.nullMarker())) {
          guesses.get(i).addText(record[i]);
        }
      }
    }
    return guesses;
  }

  /** A header field as a column name: trimmed, lower case, other than letters and digits _. */
  static String normalize(String raw) {
    String name = raw.trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_]+", "_");
    name = name.replaceAll("^_+|_+$", "");
    return name;
  }

  static String unique(String name, int index, Set<String> used) {
    String base = name.isEmpty() ? "col" + index : name;
    String candidate = base;
    for (int n = 2; !used.add(candidate); n++) {
      candidate = base + "_" + n;
    }
    return candidate;
  }
}
