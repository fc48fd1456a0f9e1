package io.basalt.planner.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.planner.BasaltPlanner;
import io.basalt.storage.StorageConfig;
import io.basalt.storage.StorageEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cached plan is reused only while the catalog it was planned against still holds. */
class TestPlanCache {
  @TempDir
  Path directory;
  private StorageEngine storage;
  private BasaltPlanner planner;
  private Connection connection;
  private Statement statement;

  @BeforeEach
  void open() throws SQLException {
    storage = StorageEngine.open(directory, StorageConfig.defaults());
    planner = new BasaltPlanner(storage, (request, target, id, canceled) -> 0, 2);
    connection = planner.openSession("public");
    statement = connection.createStatement();
    statement.execute("CREATE TABLE t (a INTEGER)");
    statement.execute("INSERT INTO t VALUES (1), (2)");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
    storage.close();
  }

  private String first(Statement on, String sql) throws SQLException {
    try (ResultSet rows = on.executeQuery(sql)) {
      rows.next();
      return rows.getString(1) + "/" + rows.getMetaData().getColumnCount();
    }
  }

  @Test
  void newRowsAreSeenByTheSameQuery() throws SQLException {
    assertThat(first(statement, "SELECT COUNT(*) FROM t")).isEqualTo("2/1");
    statement.execute("INSERT INTO t VALUES (3)");
    assertThat(first(statement, "SELECT COUNT(*) FROM t")).isEqualTo("3/1");
  }

  @Test
  void aRedefinedTableIsReplanned() throws SQLException {
    assertThat(first(statement, "SELECT * FROM t ORDER BY 1")).isEqualTo("1/1");
    statement.execute("DROP TABLE t");
    statement.execute("CREATE TABLE t (a VARCHAR(5), b INTEGER)");
    statement.execute("INSERT INTO t VALUES ('x', 7)");
    assertThat(first(statement, "SELECT * FROM t ORDER BY 1")).isEqualTo("x/2");
  }

  @Test
  void sessionsDoNotShareTempTables() throws SQLException {
    statement.execute("CREATE TEMP TABLE t (a INTEGER)");
    assertThat(first(statement, "SELECT COUNT(*) FROM t")).isEqualTo("0/1");
    try (Connection other = planner.openSession("public");
        Statement otherStatement = other.createStatement()) {
      assertThat(first(otherStatement, "SELECT COUNT(*) FROM t")).isEqualTo("2/1");
    }
  }
}
