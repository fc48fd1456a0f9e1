package io.basalt.planner.source;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a {@link TableSource} whose rows live in a SQL database tells the planner so that work
 * above its scans can run in that database: the {@link SqlSource} the table belongs to and the
 * table's qualified name there ({@code ["public", "customers"]}). The table's columns, in
 * {@link TableSource#columns} order, are the remote table's columns of the same names, and each
 * of them can be read, compared and grouped remotely with Basalt's meaning for its type.
 */
public record SqlPushdown(SqlSource source, List<String> remoteName) {
  public SqlPushdown {
    requireNonNull(source, "source is null");
    remoteName = List.copyOf(remoteName);
    if (remoteName.isEmpty()) {
      throw new IllegalArgumentException("remoteName is empty");
    }
  }
}
