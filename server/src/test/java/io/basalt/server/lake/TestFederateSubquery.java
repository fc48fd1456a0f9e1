package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.federation.testing.DatabaseServer;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * SVL_FEDERATE_SUBQUERY against a real PostgreSQL: one row per remote query of the last Basalt
 * query, with the SQL EXPLAIN ANALYZE shows, the rows that SQL returns when run in PostgreSQL
 * itself, its status, and never the password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestFederateSubquery {
  private static final Pattern REMOTE_SQL = Pattern.compile("remote SQL on pgl: (.*)]$");

  DatabaseServer postgres;
  String databaseUrl;
  LakeServer server;
  Connection connection;
  Statement statement;

  @BeforeAll
  void start(@TempDir Path directory) throws Exception {
    postgres = DatabaseServer.postgres();
    databaseUrl = postgres.createDatabase("fed_log");
    try (Connection pg = remote(); Statement s = pg.createStatement()) {
      s.execute("create table items (id integer primary key, name text, price numeric(8,2))");
      s.execute("insert into items select i, 'item ' || i, i * 1.5 from generate_series(1, 500) i");
      s.execute("create table tags (item_id integer, tag text)");
      s.execute("insert into tags select i, case when i % 2 = 0 then 'even' else 'odd' end "
          + "from generate_series(1, 500) i");
      s.execute("create table doomed (id integer)");
    }
    server = LakeServer.folders(directory);
    connection = server.connect();
    statement = connection.createStatement();
    URI address = URI.create(postgres.url().substring("jdbc:".length()));
    statement.execute("create external schema pgl from postgres database 'fed_log' uri '"
        + address.getHost() + "' port " + address.getPort() + " user '" + postgres.user()
        + "' password '" + postgres.password() + "'");
  }

  @AfterAll
  void stop() throws SQLException {
    if (connection != null) {
      connection.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private Connection remote() throws SQLException {
    return DriverManager.getConnection(databaseUrl, postgres.user(), postgres.password());
  }

  /** The rows of the last query that sent remote queries, in the order they were sent. */
  private List<List<String>> lastSubqueries() throws SQLException {
    return table("select query, subquery, sourcetype, schemaname, tablename, querytext, "
        + "num_rows, status, username from svl_federate_subquery "
        + "where query = (select max(query) from svl_federate_subquery) order by subquery");
  }

  private List<List<String>> table(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(sql)) {
      int width = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 1; c <= width; c++) {
          row.add(result.getString(c));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The remote SQL lines of EXPLAIN ANALYZE {@code sql}, which runs it. */
  private List<String> explainedRemoteSql(String sql) throws SQLException {
    List<String> found = new ArrayList<>();
    for (String line : LakeServer.rows(statement, "explain analyze " + sql)) {
      Matcher matcher = REMOTE_SQL.matcher(line);
      if (matcher.find()) {
        found.add(matcher.group(1).strip());
      }
    }
    return found;
  }

  /** How many rows {@code sql} returns when PostgreSQL itself runs it. */
  private long rowsInPostgres(String sql) throws SQLException {
    try (Connection pg = remote(); Statement s = pg.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      long count = 0;
      while (rows.next()) {
        count++;
      }
      return count;
    }
  }

  @Test
  void aFilteredScanIsOneRowWithTheExplainedSqlAndItsRowCount() throws SQLException {
    List<String> explained = explainedRemoteSql(
        "select name from pgl.items where id between 10 and 19");
    assertThat(explained).hasSize(1);
    List<List<String>> rows = lastSubqueries();
    assertThat(rows).hasSize(1);
    List<String> row = rows.get(0);
    assertThat(row.subList(1, 5)).containsExactly("1", "PG", "pgl", "items");
    assertThat(row.get(5)).isEqualTo(explained.get(0)).contains("\"id\" >= 10");
    assertThat(row.get(6)).isEqualTo("10").isEqualTo(Long.toString(rowsInPostgres(row.get(5))));
    assertThat(row.get(7)).isEqualTo("done");
    assertThat(row.get(8)).isEqualTo("admin");
  }

  @Test
  void eachQueryGetsItsOwnIdAndAJoinOfTwoRemoteTablesOneRow() throws SQLException {
    assertThat(LakeServer.rows(statement, "select count(*) from pgl.items where id > 490"))
        .containsExactly("10");
    List<List<String>> first = lastSubqueries();
    assertThat(first).hasSize(1);

    // The join, its filter and the aggregate all run in PostgreSQL: one remote query.
    List<String> explained = explainedRemoteSql("select t.tag, count(*) from pgl.items i "
        + "join pgl.tags t on t.item_id = i.id where i.id < 10 group by t.tag");
    List<List<String>> second = lastSubqueries();
    assertThat(Long.parseLong(second.get(0).get(0)))
        .isGreaterThan(Long.parseLong(first.get(0).get(0)));
    assertThat(second).hasSize(1);
    assertThat(second.get(0).get(4)).isIn("items, tags", "tags, items");
    assertThat(second.get(0).get(5)).isEqualTo(explained.get(0)).contains(" JOIN ")
        .contains("GROUP BY");
    assertThat(second.get(0).get(6)).isEqualTo(Long.toString(rowsInPostgres(
        second.get(0).get(5))));
    // The first query's row is still there, under its own id.
    assertThat(table("select querytext from svl_federate_subquery where query = "
        + first.get(0).get(0))).containsExactly(List.of(first.get(0).get(5)));
  }

  @Test
  void calciteEngineScansRecordTheirQuerysIdToo() throws SQLException {
    assertThat(LakeServer.rows(statement, "select count(*) from pgl.items where id > 490"))
        .containsExactly("10");
    long before = Long.parseLong(lastSubqueries().get(0).get(0));
    statement.execute("set vectorized_engine to off");
    try {
      assertThat(LakeServer.rows(statement, "select count(*) from pgl.items i "
          + "join pgl.tags t on t.item_id = i.id where i.id < 10")).containsExactly("9");
    } finally {
      statement.execute("reset vectorized_engine");
    }
    List<List<String>> rows = table("select query, tablename from svl_federate_subquery "
        + "where query > " + before + " order by subquery");
    // Both scans of the one query, under one id that is not 0.
    assertThat(rows).extracting(r -> r.get(1)).containsExactlyInAnyOrder("items", "tags");
    assertThat(rows).extracting(r -> r.get(0)).containsOnly(rows.get(0).get(0));
  }

  @Test
  void aLimitedScanReturnsOnlyTheLimitAndTimesAreRecorded() throws SQLException {
    assertThat(LakeServer.rows(statement, "select id from pgl.items limit 3")).hasSize(3);
    List<List<String>> rows = table("select num_rows, querytext, recordtime <= endtime, "
        + "duration >= 0, elapsed >= duration, num_bytes from svl_federate_subquery "
        + "where query = (select max(query) from svl_federate_subquery)");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get(0)).isEqualTo("3");
    assertThat(rows.get(0).get(1)).endsWith(" FETCH NEXT 3 ROWS ONLY");
    assertThat(rows.get(0).subList(2, 5)).containsOnly("true");
    // Three integers of 8 bytes each.
    assertThat(rows.get(0).get(5)).isEqualTo("24");
  }

  @Test
  void aFailedRemoteQueryIsRecordedAsFailed() throws SQLException {
    assertThat(LakeServer.rows(statement, "select count(*) from pgl.doomed"))
        .containsExactly("0");
    try (Connection pg = remote(); Statement s = pg.createStatement()) {
      s.execute("drop table doomed");
    }
    // The cached metadata still lists the table; its remote query fails.
    assertThatThrownBy(() -> LakeServer.rows(statement, "select id from pgl.doomed"))
        .isInstanceOf(SQLException.class);
    List<List<String>> rows = lastSubqueries();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get(4)).isEqualTo("doomed");
    assertThat(rows.get(0).get(6)).isEqualTo("0");
    assertThat(rows.get(0).get(7)).isEqualTo("failed");
  }

  @Test
  void thePasswordIsInNoRow() throws SQLException {
    assertThat(LakeServer.rows(statement, "select count(*) from pgl.tags where tag = 'odd'"))
        .containsExactly("250");
    List<List<String>> all = table("select * from svl_federated_query");
    assertThat(all).isNotEmpty();
    assertThat(all.toString()).doesNotContain(postgres.password());
  }
}
