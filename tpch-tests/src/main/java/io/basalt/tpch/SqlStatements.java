package io.basalt.tpch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The two statements the harness runs while it sets tables up, on Basalt or DuckDB: one whose
 * failure names it (a load or a CTAS of many lines is otherwise hard to tell), and a row count.
 */
final class SqlStatements {
  private SqlStatements() {}

  /** Runs {@code sql} on {@code connection}; a failure names the statement's first line. */
  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new SQLException(
          "Cannot run \"" + sql.lines().findFirst().orElse(sql) + "\": " + e.getMessage(),
          e.getSQLState(),
          e);
    }
  }

  /** The number of rows in {@code table}, a qualified name such as {@code tpch_sf1.lineitem}. */
  static long countRows(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery("SELECT count(*) FROM " + table)) {
      resultSet.next();
      return resultSet.getLong(1);
    }
  }
}
