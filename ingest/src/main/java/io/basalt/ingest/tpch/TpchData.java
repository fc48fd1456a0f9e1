package io.basalt.ingest.tpch;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The generated data set of one scale factor: a directory holding one file per TPC-H table. */
public record TpchData(double scaleFactor, Path directory, List<TpchTableFile> files) {
  public TpchData {
    requireNonNull(directory, "directory is null");
    files = List.copyOf(files);
  }

  /** Returns the row count of each table, in {@link TpchSchema#TABLES} order. */
  public Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TpchSchema.TABLES) {
      counts.put(table, file(table).rows());
    }
    return counts;
  }

  /** Returns the file of {@code table}. */
  public TpchTableFile file(String table) {
    return files.stream()
        .filter(file -> file.table().equals(table))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Cannot find TPC-H table: " + table));
  }
}
