package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.federation.testing.DatabaseServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Federated tables read in parallel range splits (table properties split_column and
 * split_count), against the real PostgreSQL of the tests: the remote SQL of each range, and the
 * same rows as an unsplit read, NULLs in the split column included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestFederatedSplits {
  DatabaseServer postgres;
  LakeServer server;
  Connection connection;
  Statement statement;

  @BeforeAll
  void start(@TempDir Path directory) throws Exception {
    postgres = DatabaseServer.postgres();
    String url = postgres.createDatabase("fed_splits");
    try (Connection pg = DriverManager.getConnection(url, postgres.user(), postgres.password());
        Statement s = pg.createStatement()) {
      s.execute("create table orders (o_orderkey bigint, o_date date, o_ts timestamp, "
          + "o_status char(1), o_total numeric(12,2))");
      s.execute("insert into orders select case when g % 50 = 0 then null else g * 7 end, "
          + "date '2024-01-01' + (g % 400), timestamp '2024-01-01 00:00:00' + g * interval "
          + "'37 minutes 0.5 seconds', case when g % 3 = 0 then 'F' else 'O' end, g * 1.25 "
          + "from generate_series(1, 2000) g");
      s.execute("insert into orders values (null, null, null, 'N', 0)");
    }
    server = LakeServer.folders(directory);
    connection = server.connect();
    statement = connection.createStatement();
    String from = "from postgres database 'fed_splits' uri '" + postgres.host() + "' port "
        + postgres.port() + " user '" + postgres.user() + "' password '" + postgres.password() + "'";
    statement.execute("create external schema pgsplit " + from);
    statement.execute("create external schema pgwhole " + from);
    statement.execute("alter table pgsplit.orders set table properties "
        + "('split_column' = 'o_orderkey', 'split_count' = '4')");
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

  private List<String> rows(String sql) throws SQLException {
    return LakeServer.rows(statement, sql);
  }

  private String explained(String sql) throws SQLException {
    return String.join("\n", rows("explain analyze " + sql));
  }

  private static int count(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
    int found = 0;
    while (matcher.find()) {
      found++;
    }
    return found;
  }

  @Test
  void aSplitTableIsReadInRangeQueries() throws SQLException {
    String plan = explained("select o_orderkey, o_total from pgsplit.orders");
    assertThat(plan).contains("remote SQL on pgsplit, 4 range splits on o_orderkey: ");
    assertThat(count(plan, "SELECT \"o_orderkey\", \"o_total\" FROM \"public\".\"orders\""))
        .isEqualTo(4);
    // Keys run from 7 to 13993: the ranges cut [7, 13993] in four; NULLs go to the first.
    assertThat(plan)
        .contains("WHERE ((\"o_orderkey\" < 3503) OR \"o_orderkey\" IS NULL);")
        .contains("WHERE ((\"o_orderkey\" >= 3503 AND \"o_orderkey\" < 7000));")
        .contains("WHERE ((\"o_orderkey\" >= 7000 AND \"o_orderkey\" < 10497));")
        .contains("WHERE ((\"o_orderkey\" >= 10497))]")
        .contains("splits=4")
        .contains("rows read=2001");
  }

  @Test
  void splitReadsReturnTheRowsOfAnUnsplitRead() throws SQLException {
    String columns = "o_orderkey, o_date, o_ts, o_status, o_total";
    List<String> whole = rows("select " + columns + " from pgwhole.orders "
        + "order by o_total, o_orderkey");
    assertThat(whole).hasSize(2001);
    assertThat(rows("select " + columns + " from pgsplit.orders order by o_total, o_orderkey"))
        .containsExactlyElementsOf(whole);
    assertThat(rows("select count(*), count(o_orderkey), sum(o_total) from pgsplit.orders"))
        .containsExactlyElementsOf(rows("select count(*), count(o_orderkey), sum(o_total) "
            + "from pgwhole.orders"))
        .containsExactly("2001,1960,2501250.00");
    assertThat(rows("select count(*) from pgsplit.orders where o_orderkey is null"))
        .containsExactly("41");
  }

  @Test
  void svlFederateSubqueryRecordsTheBoundsQueryAndEachRange() throws SQLException {
    assertThat(rows("select count(*) from pgsplit.orders where o_orderkey >= 0"))
        .containsExactly("1960");
    List<String> sent = rows("select subquery, num_rows, status, querytext "
        + "from svl_federate_subquery where query = (select max(query) "
        + "from svl_federate_subquery) order by subquery");
    assertThat(sent).hasSize(5);
    assertThat(sent.get(0)).startsWith("1,1,done,SELECT min(\"o_orderkey\"), "
        + "max(\"o_orderkey\") FROM (SELECT \"o_orderkey\" FROM \"public\".\"orders\" "
        + "WHERE ((\"o_orderkey\" >= 0))) AS split_bounds");
    assertThat(sent.subList(1, 5)).allSatisfy(row -> assertThat(row).contains(",done,SELECT "
        + "\"o_orderkey\" FROM \"public\".\"orders\" WHERE ((\"o_orderkey\" >= 0)) AND "));
    assertThat(sent.subList(1, 5).stream()
        .mapToLong(row -> Long.parseLong(row.split(",")[1])).sum()).isEqualTo(1960);
  }

  @Test
  void theBoundsComeFromTheRowsThePushedFiltersLeave() throws SQLException {
    String sql = "select o_orderkey from pgsplit.orders where o_orderkey between 700 and 1500";
    String plan = explained(sql);
    assertThat(plan).contains("4 range splits on o_orderkey")
        .contains("(\"o_orderkey\" >= 700 AND \"o_orderkey\" <= 1500)")
        // 700 is a NULL (every 50th key is): the keys left run from 707 to 1498.
        .contains("AND ((\"o_orderkey\" < 905) OR \"o_orderkey\" IS NULL);");
    assertThat(rows(sql)).hasSize(112)
        .containsExactlyInAnyOrderElementsOf(rows(sql.replace("pgsplit", "pgwhole")));
  }

  @Test
  void dateAndTimestampColumnsSplitToo() throws SQLException {
    statement.execute("create external schema pgdates from postgres database 'fed_splits' uri '"
        + postgres.host() + "' port " + postgres.port() + " user '" + postgres.user()
        + "' password '" + postgres.password() + "'");
    try {
      statement.execute("alter table pgdates.orders set table properties "
          + "('split_column' = 'o_date', 'split_count' = '3')");
      String sql = "select o_date, o_total from pgdates.orders";
      assertThat(explained(sql)).contains("3 range splits on o_date")
          .contains("((\"o_date\" < DATE '2024-05-13') OR \"o_date\" IS NULL)");
      assertThat(rows(sql)).containsExactlyInAnyOrderElementsOf(
          rows(sql.replace("pgdates", "pgwhole")));
      statement.execute("alter table pgdates.orders set table properties "
          + "('split_column' = 'o_ts', 'split_count' = '5')");
      sql = "select o_ts, o_total from pgdates.orders";
      assertThat(explained(sql)).contains("5 range splits on o_ts");
      assertThat(rows(sql)).containsExactlyInAnyOrderElementsOf(
          rows(sql.replace("pgdates", "pgwhole")));
      // split_count 1 turns splitting off.
      statement.execute("alter table pgdates.orders set table properties "
          + "('split_count' = '1')");
      assertThat(explained(sql)).doesNotContain("range splits")
          .contains("remote SQL on pgdates: SELECT ");
    } finally {
      statement.execute("drop schema pgdates");
    }
  }

  @Test
  void givenBoundsNeedNoBoundsQuery() throws SQLException {
    statement.execute("create external schema pgbounds from postgres database 'fed_splits' "
        + "uri '" + postgres.host() + "' port " + postgres.port() + " user '" + postgres.user()
        + "' password '" + postgres.password() + "'");
    try {
      statement.execute("alter table pgbounds.orders set table properties ('split_column' = "
          + "'o_orderkey', 'split_count' = '2', 'split_lower' = '0', 'split_upper' = '13999')");
      String sql = "select o_orderkey, o_total from pgbounds.orders";
      assertThat(explained(sql)).contains("2 range splits on o_orderkey")
          .contains("((\"o_orderkey\" < 7000) OR \"o_orderkey\" IS NULL);")
          .contains("((\"o_orderkey\" >= 7000))]");
      assertThat(rows(sql)).containsExactlyInAnyOrderElementsOf(
          rows(sql.replace("pgbounds", "pgwhole")));
      assertThatThrownBy(() -> statement.execute("alter table pgbounds.orders set table "
          + "properties ('split_lower' = 'abc')"))
          .hasMessageContaining("property 'split_lower' is 'abc', not a value of column "
              + "'o_orderkey' (bigint)");
      assertThatThrownBy(() -> statement.execute("alter table pgbounds.orders set table "
          + "properties ('split_lower' = '20000')"))
          .hasMessageContaining("property 'split_lower' is '20000', not below split_upper");
      // Emptying split_column drops every split property.
      statement.execute("alter table pgbounds.orders set table properties "
          + "('split_column' = '')");
      assertThat(explained(sql)).doesNotContain("range splits");
    } finally {
      statement.execute("drop schema pgbounds");
    }
  }

  @Test
  void aLimitIsReadWithoutSplits() throws SQLException {
    assertThat(explained("select o_orderkey from pgsplit.orders limit 3"))
        .doesNotContain("range splits").contains(" LIMIT 3");
  }

  @Test
  void badSplitPropertiesAreErrorsNamingThem() {
    assertThatThrownBy(() -> statement.execute("alter table pgsplit.orders set table "
        + "properties ('split_column' = 'o_status', 'split_count' = '2')"))
        .hasMessageContaining("Cannot alter federated table 'pgsplit.orders': property "
            + "'split_column' names column 'o_status' of type character(1); a split column is an "
            + "integer, date or timestamp");
    assertThatThrownBy(() -> statement.execute("alter table pgsplit.orders set table "
        + "properties ('split_column' = 'nope', 'split_count' = '2')"))
        .hasMessageContaining("property 'split_column' names column 'nope', which table "
            + "'orders' does not have");
    assertThatThrownBy(() -> statement.execute("alter table pgsplit.orders set table "
        + "properties ('split_count' = '99')"))
        .hasMessageContaining("property 'split_count' is '99', not a number from 1 to 8");
    assertThatThrownBy(() -> statement.execute("alter table pgsplit.orders set table "
        + "properties ('fetch_size' = '10')"))
        .hasMessageContaining("property 'fetch_size' is not a property of federated tables");
    assertThatThrownBy(() -> statement.execute("alter table pgsplit.missing set table "
        + "properties ('split_count' = '2')"))
        .hasMessageContaining("remote schema 'pgsplit' has no table 'missing'");
    assertThatThrownBy(() -> statement.execute("alter table pgsplit.orders set location "
        + "'s3://lake/x/'"))
        .hasMessageContaining("a federated table takes only SET TABLE PROPERTIES");
  }
}
