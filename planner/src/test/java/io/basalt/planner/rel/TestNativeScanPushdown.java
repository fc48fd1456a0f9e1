package io.basalt.planner.rel;

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

/** The scan rules narrow native scans to the columns used and hand filters to the store. */
class TestNativeScanPushdown {
  @TempDir
  Path directory;
  StorageEngine storage;
  Connection connection;
  Statement statement;

  @BeforeEach
  void open() throws SQLException {
    storage = StorageEngine.open(directory, StorageConfig.defaults().withBlockRows(4));
    BasaltPlanner planner = new BasaltPlanner(storage, (request, target, id, canceled) -> 0, 2);
    connection = planner.openSession("public");
    statement = connection.createStatement();
    statement.execute("CREATE TABLE facts (id BIGINT NOT NULL, day DATE, amount DECIMAL(10,2), "
        + "note VARCHAR(20), dim BIGINT) DISTKEY(id) SORTKEY(day)");
    statement.execute("CREATE TABLE dims (dim BIGINT NOT NULL, name VARCHAR(10)) DISTSTYLE ALL");
    statement.execute("INSERT INTO facts VALUES (1, DATE '2024-01-01', 1.00, 'a', 1), "
        + "(2, DATE '2024-01-02', 2.00, 'b', 2), (3, DATE '2024-02-01', 3.00, NULL, 1)");
    statement.execute("INSERT INTO dims VALUES (1, 'one'), (2, 'two')");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
    storage.close();
  }

  private String explain(String sql) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (ResultSet rows = statement.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      while (rows.next()) {
        plan.append(rows.getString(1));
      }
    }
    return plan.toString();
  }

  @Test
  void projectionsAndComparisonsArePushed() throws SQLException {
    String plan = explain("SELECT amount FROM facts WHERE day >= DATE '2024-01-02' AND id = 2");
    assertThat(plan).contains("BasaltTableScan(table=[[public, facts]], columns=[[2]]")
        .contains("filters=[[>=($1, 2024-01-02), =($0, 2)]]")
        .doesNotContain("EnumerableCalc(expr#0..4").doesNotContain("BasaltFilter");
    try (ResultSet rows = statement.executeQuery(
        "SELECT amount FROM facts WHERE day >= DATE '2024-01-02' AND id = 2")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getBigDecimal(1)).isEqualByComparingTo("2.00");
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void rangesInListsAndNullChecksArePushed() throws SQLException {
    assertThat(explain("SELECT id FROM facts WHERE id IN (1, 3) AND note IS NULL"))
        .contains("SEARCH($0, Sarg[1L:BIGINT, 3L:BIGINT]:BIGINT)")
        .contains("IS NULL($3)");
    try (ResultSet rows = statement.executeQuery(
        "SELECT id FROM facts WHERE id IN (1, 3) AND note IS NULL")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isEqualTo(3);
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void expressionsTheStoreCannotEvaluateStayAbove() throws SQLException {
    String plan = explain("SELECT id FROM facts WHERE amount * 2 > 3");
    assertThat(plan).containsPattern("BasaltFilter|EnumerableCalc").doesNotContain("filters=");
  }

  @Test
  void joinsAreHashJoins() throws SQLException {
    String plan = explain("SELECT name, SUM(amount) FROM facts, dims "
        + "WHERE facts.dim = dims.dim GROUP BY name");
    assertThat(plan).containsPattern("BasaltHashJoin|EnumerableHashJoin")
        .doesNotContain("NestedLoopJoin")
        .doesNotContain("MergeJoin");
  }
}
