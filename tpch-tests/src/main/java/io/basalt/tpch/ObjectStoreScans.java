package io.basalt.tpch;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * What Basalt's external scans read from the object store, from {@code SVL_S3QUERY_SUMMARY}:
 * one row per external table scan, keyed by the query id of the execution that ran it. The
 * benchmark runs one query at a time, so the scans after a query id are those of the next query.
 */
final class ObjectStoreScans {
  private static final String SUMMARY = "pg_catalog.svl_s3query_summary";

  private final Connection basalt;

  ObjectStoreScans(Connection basalt) {
    this.basalt = requireNonNull(basalt, "basalt is null");
  }

  /** The id of the last query that scanned an external table, 0 if none did. */
  long lastQuery() throws SQLException {
    try (Statement statement = basalt.createStatement();
        ResultSet resultSet =
            statement.executeQuery("SELECT coalesce(max(query), 0) FROM " + SUMMARY)) {
      resultSet.next();
      return resultSet.getLong(1);
    }
  }

  /** The bytes that the external scans of queries after {@code query} read. */
  long bytesSince(long query) throws SQLException {
    try (Statement statement = basalt.createStatement();
        ResultSet resultSet = statement.executeQuery(
            "SELECT coalesce(sum(s3_scanned_bytes), 0) FROM " + SUMMARY + " WHERE query > "
                + query)) {
      resultSet.next();
      return resultSet.getLong(1);
    }
  }

  /**
   * Runs {@code query} and returns the bytes its external scans read, or empty if the summary
   * could not be read (a failed query's scans are still counted).
   */
  OptionalLong measure(Runnable query) {
    long before;
    try {
      before = lastQuery();
    } catch (SQLException e) {
      query.run();
      return OptionalLong.empty();
    }
    query.run();
    try {
      return OptionalLong.of(bytesSince(before));
    } catch (SQLException e) {
      return OptionalLong.empty();
    }
  }
}
