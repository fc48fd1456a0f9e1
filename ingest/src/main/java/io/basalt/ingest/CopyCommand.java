package io.basalt.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A parsed Redshift {@code COPY table [(columns)] FROM 'source' options...} statement.
 *
 * <p>{@code columns} is empty to load every column in table order. {@code source} is a local
 * path, a {@code file://} URI or an {@code s3://bucket/key-or-prefix} URL. {@code options} has
 * upper-case keys as the parser produces them (FORMAT, DELIMITER, IGNOREHEADER, NULL, GZIP, ...);
 * a key present with an empty value is a bare flag such as {@code GZIP} or {@code CSV}.
 */
public record CopyCommand(
    String schema, String table, List<String> columns, String source, Map<String, String> options) {
  public CopyCommand {
    requireNonNull(schema, "schema is null");
    requireNonNull(table, "table is null");
    columns = List.copyOf(columns);
    requireNonNull(source, "source is null");
    options = Map.copyOf(options);
  }
}
