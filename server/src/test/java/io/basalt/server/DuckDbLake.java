package io.basalt.server;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * In-process DuckDB for the lake tests: it writes the files a crawl finds, and answers the same
 * queries over them, so that Basalt's results can be compared with another engine's.
 */
final class DuckDbLake implements AutoCloseable {
  private final Connection connection;

  DuckDbLake() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
  }

  void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** {@code COPY (query) TO 'folder' (options)}. */
  void copy(String query, Path target, String options) throws SQLException {
    execute("COPY (" + query + ") TO '" + target + "' (" + options + ")");
  }

  List<List<String>> query(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows(rows);
    }
  }

  /**
   * Rows as text that does not depend on the engine's Java types: numbers by value (so INTEGER 1,
   * BIGINT 1 and DECIMAL 1.00 agree), everything else by its string form, NULL as null.
   */
  static List<List<String>> rows(ResultSet rows) throws SQLException {
    ResultSetMetaData metaData = rows.getMetaData();
    List<List<String>> result = new ArrayList<>();
    while (rows.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= metaData.getColumnCount(); i++) {
        Object value = rows.getObject(i);
        if (value instanceof Number number) {
          row.add(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
        } else {
          row.add(value == null ? null : value.toString());
        }
      }
      result.add(row);
    }
    return result;
  }

  static List<List<String>> query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows(rows);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
