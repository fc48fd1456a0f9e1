package io.basalt.planner.rel.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.planner.BasaltPlanner;
import io.basalt.storage.StorageConfig;
import io.basalt.storage.StorageEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Basalt's engine against Calcite's Enumerable engine on the same data: every query must give
 * the same rows with the engine on (four slices, small blocks, so that every operator runs in
 * parallel over many batches) as with it off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestVectorizedEngine {
  private static final int FACT_ROWS = 3000;
  /** Long VALUES lists make deep generated code; insert in modest statements. */
  private static final int ROWS_PER_INSERT = 100;

  @TempDir
  static Path directory;
  private StorageEngine storage;
  private Connection connection;
  private Statement statement;

  @BeforeAll
  void load() throws SQLException {
    storage = StorageEngine.open(directory, StorageConfig.defaults().withBlockRows(256)
        .withSlices(4));
    BasaltPlanner planner = new BasaltPlanner(storage, (request, target, id, canceled) -> 0, 4);
    connection = planner.openSession("public");
    statement = connection.createStatement();
    statement.execute("CREATE TABLE facts (id BIGINT NOT NULL, grp INTEGER, day DATE, "
        + "amount DECIMAL(12,2), ratio DOUBLE PRECISION, note VARCHAR(20), flag BOOLEAN, "
        + "dim INTEGER) DISTKEY(id) SORTKEY(day)");
    statement.execute("CREATE TABLE dims (dim INTEGER NOT NULL, name VARCHAR(10), "
        + "weight DECIMAL(5,1)) DISTSTYLE ALL");
    Random random = new Random(42);
    StringBuilder insert = new StringBuilder();
    for (int i = 0; i < FACT_ROWS; i++) {
      if (i % ROWS_PER_INSERT == 0) {
        if (i > 0) {
          statement.execute(insert.toString());
        }
        insert.setLength(0);
        insert.append("INSERT INTO facts VALUES ");
      } else {
        insert.append(", ");
      }
      boolean nulls = random.nextInt(10) == 0;
      insert.append('(').append(i).append(", ")
          .append(nulls ? "NULL" : String.valueOf(random.nextInt(7))).append(", ")
          .append("DATE '2024-01-01' + ").append(random.nextInt(400)).append(", ")
          .append(nulls ? "NULL" : (random.nextInt(200000) - 50000) / 100.0).append(", ")
          .append(random.nextInt(1000) / 7.0).append(", ")
          .append(nulls ? "NULL" : "'note " + random.nextInt(30) + "'").append(", ")
          .append(random.nextBoolean()).append(", ")
          .append(random.nextInt(12)).append(')');
    }
    statement.execute(insert.toString());
    StringBuilder dims = new StringBuilder("INSERT INTO dims VALUES ");
    for (int d = 0; d < 10; d++) {
      dims.append(d == 0 ? "" : ", ").append('(').append(d).append(", 'dim ").append(d % 4)
          .append("', ").append(d * 1.5).append(')');
    }
    statement.execute(dims.toString());
  }

  @AfterAll
  void close() throws SQLException {
    connection.close();
    storage.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT id, amount, note FROM facts WHERE grp = 3",
      "SELECT id, amount * 2 + 1, ratio / 3, -amount FROM facts WHERE amount > 100.5",
      "SELECT id FROM facts WHERE note LIKE 'note 1%' OR note IS NULL",
      "SELECT id, CASE WHEN amount > 0 THEN 'pos' WHEN amount < 0 THEN 'neg' END FROM facts",
      "SELECT grp, COUNT(*), COUNT(amount), SUM(amount), MIN(note), MAX(day), AVG(amount) "
          + "FROM facts GROUP BY grp",
      "SELECT COUNT(*), SUM(amount), SUM(ratio), MIN(amount) FROM facts",
      "SELECT COUNT(*), SUM(amount) FROM facts WHERE id < 0",
      "SELECT grp, note, SUM(amount) FROM facts GROUP BY grp, note",
      "SELECT EXTRACT(YEAR FROM day), COUNT(*) FROM facts GROUP BY EXTRACT(YEAR FROM day)",
      "SELECT f.id, d.name FROM facts f JOIN dims d ON f.dim = d.dim WHERE f.grp = 1",
      "SELECT f.id, d.name FROM facts f LEFT JOIN dims d ON f.dim = d.dim",
      "SELECT d.name, f.id FROM dims d LEFT JOIN facts f ON f.dim = d.dim AND f.id < 100",
      "SELECT d.name, SUM(f.amount) FROM facts f, dims d WHERE f.dim = d.dim GROUP BY d.name",
      "SELECT id FROM facts f WHERE EXISTS (SELECT 1 FROM dims d WHERE d.dim = f.dim "
          + "AND d.weight > 6)",
      "SELECT id FROM facts f WHERE NOT EXISTS (SELECT 1 FROM dims d WHERE d.dim = f.dim "
          + "AND d.weight > 6)",
      "SELECT id FROM facts f WHERE EXISTS (SELECT 1 FROM facts g WHERE g.grp = f.grp "
          + "AND g.id <> f.id AND g.amount > 900)",
      "SELECT id FROM facts WHERE dim IN (SELECT dim FROM dims WHERE name = 'dim 1')",
      "SELECT id FROM facts WHERE amount > (SELECT AVG(amount) FROM facts)",
      "SELECT grp, COUNT(DISTINCT note) FROM facts GROUP BY grp",
      "SELECT id, COUNT(*), SUM(amount) FROM facts WHERE grp < 5 GROUP BY id",
      "SELECT f.id, f.grp, SUM(d.weight), COUNT(*) FROM facts f JOIN dims d ON f.dim = d.dim "
          + "GROUP BY f.id, f.grp",
      "SELECT a.dim, a.s FROM (SELECT dim, SUM(amount) AS s, COUNT(*) AS c FROM facts "
          + "GROUP BY dim) a JOIN dims d ON d.dim = a.dim WHERE d.weight > 6",
      "SELECT f.id, d1.name, d2.name FROM facts f, dims d1, dims d2 WHERE f.dim = d1.dim "
          + "AND f.grp = d2.dim AND ((d1.name = 'dim 1' AND d2.name = 'dim 2') "
          + "OR (d1.name = 'dim 2' AND d2.weight > 3))",
      "SELECT id, note FROM facts UNION ALL SELECT dim, name FROM dims",
      "SELECT note FROM facts UNION SELECT name FROM dims",
      "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t (x, y)",
      "SELECT id, SUM(amount) OVER (PARTITION BY grp) FROM facts",
  })
  void sameRowsAsEnumerable(String sql) throws SQLException {
    List<String> vectorized = rows(sql, true);
    List<String> enumerable = rows(sql, false);
    assertThat(sorted(vectorized)).isEqualTo(sorted(enumerable));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT id, amount FROM facts ORDER BY amount DESC NULLS LAST, id",
      "SELECT id, note FROM facts ORDER BY note NULLS FIRST, id DESC LIMIT 25",
      "SELECT id FROM facts ORDER BY id LIMIT 10 OFFSET 2990",
      "SELECT grp, SUM(amount) AS s FROM facts GROUP BY grp ORDER BY s DESC LIMIT 3",
  })
  void sameOrderAsEnumerable(String sql) throws SQLException {
    assertThat(rows(sql, true)).isEqualTo(rows(sql, false));
  }

  @Test
  void limitWithoutOrderReturnsThatManyRows() throws SQLException {
    assertThat(rows("SELECT id FROM facts LIMIT 7", true)).hasSize(7);
  }

  @Test
  void explainShowsWhereOperatorsRun() throws SQLException {
    String plan = explain("SELECT d.name, SUM(f.amount) FROM facts f, dims d "
        + "WHERE f.dim = d.dim AND f.grp = 2 GROUP BY d.name ORDER BY 2");
    assertThat(plan).contains("BasaltToEnumerableConverter").contains("BasaltSort")
        .contains("BasaltAggregate").contains("BasaltHashJoin").contains("BasaltTableScan")
        .doesNotContain("EnumerableHashJoin");
  }

  @Test
  void explainLabelsDataMovementAsRedshiftDoes() throws SQLException {
    assertThat(explain("SELECT f.id, d.name FROM facts f JOIN dims d ON f.dim = d.dim"))
        .contains("DS_DIST_ALL_NONE");
    assertThat(explain("SELECT f.id FROM facts f JOIN facts g ON f.id = g.id"))
        .contains("DS_DIST_NONE");
    assertThat(explain("SELECT f.id FROM facts f JOIN facts g ON f.grp = g.dim"))
        .contains("DS_BCAST_INNER");
  }

  @Test
  void unsupportedOperatorsFallBackToEnumerable() throws SQLException {
    String plan = explain("SELECT id, SUM(amount) OVER (PARTITION BY grp) FROM facts "
        + "WHERE grp = 1");
    assertThat(plan).contains("EnumerableWindow").contains("BasaltTableScan");
  }

  @Test
  void engineCanBeTurnedOffPerSession() throws SQLException {
    statement.execute("SET vectorized_engine TO off");
    try {
      assertThat(explain("SELECT id FROM facts")).doesNotContain("Basalt");
    } finally {
      statement.execute("SET vectorized_engine TO on");
    }
    assertThat(explain("SELECT id FROM facts")).contains("BasaltTableScan");
  }

  @Test
  void queryOverItsMemoryLimitFailsCleanly() throws SQLException {
    statement.execute("SET query_memory_limit_mb TO 1");
    try {
      assertThatThrownBy(() -> rows("SELECT f.id, g.id FROM facts f JOIN facts g "
          + "ON f.grp = g.grp ORDER BY 1, 2", true))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(BasaltPlanner.describe(e).sqlState()).isEqualTo("53200"))
          .hasMessageContaining("memory limit");
    } finally {
      statement.execute("RESET query_memory_limit_mb");
    }
    assertThat(rows("SELECT COUNT(*) FROM facts", true)).containsExactly("3000");
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

  private List<String> rows(String sql, boolean engine) throws SQLException {
    statement.execute("SET vectorized_engine TO " + (engine ? "on" : "off"));
    try (ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      List<String> rows = new ArrayList<>();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
          Object value = result.getObject(c);
          // Parallel slices add doubles in another order: compare them to 12 digits.
          String text = value instanceof Double d ? String.format("%.12g", d)
              : Objects.toString(value);
          row.append(c > 1 ? "|" : "").append(text);
        }
        rows.add(row.toString());
      }
      return rows;
    } finally {
      statement.execute("SET vectorized_engine TO on");
    }
  }

  private static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    copy.sort(null);
    return copy;
  }
}
