package io.basalt.tpch;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A reference answer of the TPC-H kit: {@code |}-delimited, one header line of column labels,
 * then one line per row in the query's order; an empty cell is NULL (a null list element).
 */
record AnswerFile(String name, List<String> columns, List<List<String>> rows) {
  AnswerFile {
    columns = List.copyOf(columns);
    // Rows hold nulls, which List.copyOf rejects.
    rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
  }

  /** Reads an answer file. */
  static AnswerFile read(Path file) {
    try {
      return parse(file.getFileName().toString(), Files.readString(file, UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read TPC-H answer " + file, e);
    }
  }

  /** Parses the text of an answer file named {@code name}. */
  static AnswerFile parse(String name, String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    // The file ends with a newline: the last element is that newline's empty remainder.
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("Cannot parse TPC-H answer " + name + ": no header line");
    }
    List<String> columns = split(lines.get(0));
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> cells = split(lines.get(i));
      if (cells.size() != columns.size()) {
        throw new IllegalArgumentException(
            String.format(
                "Cannot parse TPC-H answer %s: line %d has %d cells, the header %d",
                name, i + 1, cells.size(), columns.size()));
      }
      List<String> row = new ArrayList<>();
      for (String cell : cells) {
        row.add(cell.isEmpty() ? null : cell);
      }
      rows.add(row);
    }
    return new AnswerFile(name, columns, rows);
  }

  private static List<String> split(String line) {
    String withoutReturn = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    return Arrays.asList(withoutReturn.split("\\|", -1));
  }
}
