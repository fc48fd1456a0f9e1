package io.basalt.ingest;

import java.util.List;

/**
 * The outcome of a successful COPY: rows committed, rows rejected within MAXERROR (recorded in
 * STL_LOAD_ERRORS), and the files read, in load order.
 */
public record CopyResult(long rowsLoaded, long errorsSkipped, List<String> files) {
  public CopyResult {
    files = List.copyOf(files);
  }
}
