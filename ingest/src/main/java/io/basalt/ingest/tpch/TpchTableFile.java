package io.basalt.ingest.tpch;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One complete {@code .tbl} file: its table, path and row count, and whether an earlier run had
 * already written it ({@code reused}, with a zero {@code elapsed}).
 */
public record TpchTableFile(String table, Path path, long rows, boolean reused, Duration elapsed) {
  public TpchTableFile {
    requireNonNull(table, "table is null");
    requireNonNull(path, "path is null");
    requireNonNull(elapsed, "elapsed is null");
    if (rows < 0) {
      throw new IllegalArgumentException("rows is negative: " + rows);
    }
  }
}
