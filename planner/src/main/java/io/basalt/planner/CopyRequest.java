package io.basalt.planner;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A parsed COPY statement handed to the {@link CopyRunner}: target table, optional column list,
 * the source URI or path, and the options keyed by upper-case name (a bare flag maps to "").
 */
public record CopyRequest(
    String schema, String table, List<String> columns, String source, Map<String, String> options) {
  public CopyRequest {
    requireNonNull(schema, "schema is null");
    requireNonNull(table, "table is null");
    columns = List.copyOf(columns);
    requireNonNull(source, "source is null");
    options = Map.copyOf(options);
  }
}
