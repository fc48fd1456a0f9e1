package io.basalt.planner.rel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.planner.BasaltPlanner;
import io.basalt.planner.prepare.SqlErrors.SqlError;
import io.basalt.planner.rel.vector.EngineSettings;
import io.basalt.planner.source.TableVersion;
import io.basalt.storage.StorageConfig;
import io.basalt.storage.StorageEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** FOR VERSION AS OF and FOR TIMESTAMP AS OF reach a versioned source's scan. */
class TestTimeTravel {
  @TempDir
  Path directory;
  private StorageEngine storage;
  private VersionedSourceFixture ice;
  private Connection connection;
  private Statement statement;

  @BeforeEach
  void open() throws SQLException {
    storage = StorageEngine.open(directory, StorageConfig.defaults());
    ice = new VersionedSourceFixture();
    BasaltPlanner planner = new BasaltPlanner(storage, (request, target, id, canceled) -> 0, 2,
        EngineSettings.defaultQueryMemoryLimit(), ice);
    connection = planner.openSession("public");
    statement = connection.createStatement();
    statement.execute("CREATE TABLE n (id BIGINT)");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
    storage.close();
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          values.add(result.getString(c));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  private String explain(String sql) throws SQLException {
    return String.join("\n", rows("EXPLAIN PLAN FOR " + sql));
  }

  private void engine(String vectorized) throws SQLException {
    statement.execute("SET vectorized_engine TO " + vectorized);
  }

  @ParameterizedTest
  @ValueSource(strings = {"on", "off"})
  void eachVersionReadsItsRows(String vectorized) throws SQLException {
    engine(vectorized);
    assertThat(rows("SELECT id, label FROM ice.t ORDER BY id"))
        .containsExactly("1|latest", "2|latest");
    assertThat(rows("SELECT id, label FROM ice.t FOR VERSION AS OF 1"))
        .containsExactly("1|v1");
    assertThat(rows("SELECT label, id FROM ice.t FOR SYSTEM_VERSION AS OF 2 ORDER BY id"))
        .containsExactly("v2|1", "v2|2", "v2|3");
    assertThat(rows("SELECT label FROM ice.t "
        + "FOR TIMESTAMP AS OF TIMESTAMP '2026-01-01 00:00:00'"))
        .containsExactly("as of 2026-01-01 00:00:00");
    assertThat(rows("SELECT label FROM ice.t FOR TIMESTAMP AS OF '2026-01-01 12:30:00.250'"))
        .containsExactly("as of 2026-01-01 12:30:00.250");
    assertThat(rows("SELECT label FROM ice.t FOR SYSTEM_TIME AS OF DATE '2026-01-02'"))
        .containsExactly("as of 2026-01-02 00:00:00");
    assertThat(ice.scanned).containsExactly(TableVersion.LATEST, TableVersion.ofSnapshot(1),
        TableVersion.ofSnapshot(2), TableVersion.asOf(1_767_225_600_000L),
        TableVersion.asOf(1_767_270_600_250L), TableVersion.asOf(1_767_312_000_000L));
  }

  @ParameterizedTest
  @ValueSource(strings = {"on", "off"})
  void eachSideOfAJoinReadsItsOwnVersion(String vectorized) throws SQLException {
    engine(vectorized);
    assertThat(rows("SELECT a.id, a.label, b.label FROM ice.t FOR VERSION AS OF 1 a "
        + "JOIN ice.t FOR VERSION AS OF 2 b ON a.id = b.id"))
        .containsExactly("1|v1|v2");
    assertThat(rows("SELECT a.id, a.label, b.label FROM ice.t AS a "
        + "JOIN ice.t FOR VERSION AS OF 2 AS b ON a.id = b.id ORDER BY a.id"))
        .containsExactly("1|latest|v2", "2|latest|v2");
    assertThat(ice.scanned).containsExactlyInAnyOrder(TableVersion.ofSnapshot(1),
        TableVersion.ofSnapshot(2), TableVersion.LATEST, TableVersion.ofSnapshot(2));
  }

  @Test
  void subqueriesViewsAndInsertsReadTheirVersion() throws SQLException {
    assertThat(rows("SELECT id FROM ice.t WHERE id IN "
        + "(SELECT id FROM ice.t FOR VERSION AS OF 1)")).containsExactly("1");
    assertThat(rows("WITH c AS (SELECT label FROM ice.t FOR VERSION AS OF 1) SELECT * FROM c"))
        .containsExactly("v1");
    assertThat(statement.executeUpdate("INSERT INTO n SELECT id FROM ice.t "
        + "FOR VERSION AS OF 2")).isEqualTo(3);
    statement.execute("CREATE VIEW snapshot_one AS "
        + "SELECT label FROM ice.t FOR VERSION AS OF 1 AS o");
    assertThat(rows("SELECT label FROM snapshot_one")).containsExactly("v1");
  }

  @Test
  void explainShowsTheVersion() throws SQLException {
    assertThat(explain("SELECT label FROM ice.t FOR VERSION AS OF 1"))
        .contains("version=[snapshot 1]");
    assertThat(explain("SELECT label FROM ice.t "
        + "FOR TIMESTAMP AS OF TIMESTAMP '2026-01-01 00:00:00'"))
        .contains("version=[as of 2026-01-01 00:00:00]");
    assertThat(explain("SELECT label FROM ice.t FOR VERSION AS OF 'q1'"))
        .contains("version=[ref 'q1']");
    assertThat(explain("SELECT label FROM ice.t")).doesNotContain("version=");
    engine("off");
    assertThat(explain("SELECT label FROM ice.t FOR VERSION AS OF 2"))
        .contains("EnumerableSourceScan").contains("version=[snapshot 2]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"on", "off"})
  void anInstantOfTheCurrentTimeIsTakenInEachExecution(String vectorized) throws Exception {
    engine(vectorized);
    String sql = "SELECT label FROM ice.t FOR TIMESTAMP AS OF current_timestamp "
        + "- interval '1' hour";
    assertThat(explain(sql)).contains("version=[as of -(CURRENT_TIMESTAMP");
    long before = System.currentTimeMillis();
    rows(sql);
    Thread.sleep(20);
    rows(sql);
    List<TableVersion> instants = ice.scanned.subList(ice.scanned.size() - 2,
        ice.scanned.size());
    long first = ((TableVersion.AsOfTime) instants.get(0)).epochMillis();
    long second = ((TableVersion.AsOfTime) instants.get(1)).epochMillis();
    assertThat(first).isBetween(before - 3_600_000 - 1_000, before - 3_600_000 + 60_000);
    assertThat(second).isGreaterThan(first);
  }

  @ParameterizedTest
  @ValueSource(strings = {"on", "off"})
  void aParameterIsBoundInEachExecution(String vectorized) throws SQLException {
    engine(vectorized);
    try (PreparedStatement byId = connection.prepareStatement(
        "SELECT COUNT(*) FROM ice.t FOR VERSION AS OF ?")) {
      byId.setLong(1, 1);
      assertThat(count(byId)).isEqualTo(1);
      byId.setLong(1, 2);
      assertThat(count(byId)).isEqualTo(3);
    }
    try (PreparedStatement byTime = connection.prepareStatement(
        "SELECT label FROM ice.t FOR TIMESTAMP AS OF ?")) {
      byTime.setTimestamp(1, Timestamp.valueOf("2026-03-01 08:00:00"));
      try (ResultSet result = byTime.executeQuery()) {
        assertThat(result.next()).isTrue();
        assertThat(result.getString(1)).isEqualTo("as of 2026-03-01 08:00:00");
      }
    }
    assertThat(ice.scanned).containsExactly(TableVersion.ofSnapshot(1),
        TableVersion.ofSnapshot(2), TableVersion.asOf(1_772_352_000_000L));
  }

  private static long count(PreparedStatement query) throws SQLException {
    try (ResultSet result = query.executeQuery()) {
      result.next();
      return result.getLong(1);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT * FROM n FOR VERSION AS OF 1"
          + "| Cannot use FOR VERSION AS OF on table \"public.n\": only Iceberg tables have"
          + " versions (line 1, column 17)",
      "SELECT * FROM ice.flat AS f JOIN n FOR TIMESTAMP AS OF current_timestamp ON true"
          + "| Cannot use FOR TIMESTAMP AS OF on table \"public.n\": only Iceberg tables"
          + " have versions (line 1, column 36)",
      "SELECT * FROM ice.flat FOR SYSTEM_VERSION AS OF 1"
          + "| Cannot use FOR SYSTEM_VERSION AS OF on table \"ice.flat\": only Iceberg tables"
          + " have versions (line 1, column 24)",
      "WITH c AS (SELECT 1 AS x) SELECT * FROM c FOR VERSION AS OF 1"
          + "| Cannot use FOR VERSION AS OF on \"c\": only Iceberg tables have versions"
          + " (line 1, column 43)"})
  void onlyTablesWithVersionsTravel(String sql, String message) {
    assertThatThrownBy(() -> rows(sql)).isInstanceOfSatisfying(SQLException.class,
        e -> assertThat(BasaltPlanner.describe(e))
            .isEqualTo(new SqlError("0A000", message)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "SELECT * FROM ice.t FOR VERSION AS OF CAST('x' AS VARCHAR(3)) | 42804 | Cannot read a"
          + " table FOR VERSION AS OF CAST('x' AS VARCHAR(3)): a snapshot id is an integer (or a"
          + " tag or branch a string"
          + " literal), not VARCHAR (line 1, column 39)",
      "SELECT * FROM ice.t FOR VERSION AS OF TIMESTAMP '2026-01-01 00:00:00' | 42804 | Cannot"
          + " read a table FOR VERSION AS OF TIMESTAMP '2026-01-01 00:00:00': a snapshot id is"
          + " an integer (or a tag or branch a string literal), not TIMESTAMP (line 1, column 39)",
      "SELECT * FROM ice.t FOR VERSION AS OF 1 + 1 | 22023 | Cannot read a table FOR VERSION"
          + " AS OF 1 + 1: a snapshot id is an integer literal (line 1, column 39)",
      "SELECT * FROM ice.t FOR VERSION AS OF 1.5 | 42804 | Cannot read a table FOR VERSION"
          + " AS OF 1.5: a snapshot id is an integer (or a tag or branch a string literal), not"
          + " DECIMAL (line 1, column 39)",
      "SELECT * FROM ice.t FOR TIMESTAMP AS OF 42 | 42804 | Cannot read a table FOR TIMESTAMP"
          + " AS OF 42: an instant is a timestamp, not INTEGER (line 1, column 41)",
      "SELECT * FROM ice.t FOR TIMESTAMP AS OF 'soon' | 22007 | Cannot read a table FOR"
          + " TIMESTAMP AS OF 'soon': 'soon' is not a timestamp (line 1, column 41)",
      "SELECT * FROM ice.t FOR TIMESTAMP AS OF NULL | 22004 | Cannot read a table FOR"
          + " TIMESTAMP AS OF NULL: the version is NULL (line 1, column 41)",
      "SELECT * FROM ice.t FOR VERSION AS OF id | 22023 | Cannot read a table FOR VERSION"
          + " AS OF \"id\": a snapshot id is an integer literal (line 1, column 39)",
      "SELECT * FROM n JOIN ice.t FOR TIMESTAMP AS OF CAST(n.id AS TIMESTAMP) ON true | 22023"
          + " | Cannot read a table FOR TIMESTAMP AS OF CAST(\"n\".\"id\" AS TIMESTAMP):"
          + " the instant cannot depend on column \"n\".\"id\" (line 1, column 48)",
      "SELECT * FROM ice.t FOR VERSION AS OF -1 | 22003 | Cannot read a table FOR VERSION AS OF"
          + " -1: a snapshot id is between 0 and 9223372036854775807 (line 1, column 39)",
      "SELECT * FROM ice.t FOR VERSION AS OF CAST(NULL AS BIGINT) | 22004 | Cannot read a"
          + " table FOR VERSION AS OF CAST(NULL AS BIGINT): the version is NULL (line 1, column"
          + " 39)"})
  void aVersionOfTheWrongKindIsRefused(String sql, String sqlState, String message) {
    assertThatThrownBy(() -> rows(sql)).isInstanceOfSatisfying(SQLException.class,
        e -> assertThat(BasaltPlanner.describe(e))
            .isEqualTo(new SqlError(sqlState, message)));
    assertThat(ice.scanned).isEmpty();
  }

  @Test
  void anUnknownSnapshotIsTheSourcesError() {
    assertThatThrownBy(() -> rows("SELECT * FROM ice.t FOR VERSION AS OF 9")).satisfies(
        e -> assertThat(BasaltPlanner.describe(e).message())
            .isEqualTo("Cannot find snapshot with ID 9"));
  }
}
