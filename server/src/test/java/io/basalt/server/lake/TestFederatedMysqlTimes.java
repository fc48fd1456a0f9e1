package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.federation.testing.DatabaseServer;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB DATETIME and TIMESTAMP through a federated schema, around the 2024 daylight-saving
 * changes of Central Europe: DATETIME reads as stored, TIMESTAMP as its instant in UTC, even
 * when the server's own time zone is not UTC (this test sets it to +05:00 for its run).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestFederatedMysqlTimes {
  DatabaseServer mariadb;
  LakeServer server;
  Connection connection;
  Statement statement;

  @BeforeAll
  void start(@TempDir Path directory) throws Exception {
    mariadb = DatabaseServer.mariadb();
    String url = mariadb.createDatabase("fed_times");
    try (Connection my = DriverManager.getConnection(url, mariadb.user(), mariadb.password());
        Statement s = my.createStatement()) {
      s.execute("create table events (id int, local_time datetime(3), happened timestamp(3) "
          + "null)");
      // 02:30 did not exist in Berlin on 2024-03-31 and happened twice on 2024-10-27; the
      // TIMESTAMPs are written in the offsets Berlin had just before and after each change.
      s.execute("set time_zone = '+01:00'");
      s.execute("insert into events values (1, '2024-03-31 02:30:00', "
          + "'2024-03-31 01:59:59.500'), (4, '2024-10-27 03:30:00', '2024-10-27 02:30:00')");
      s.execute("set time_zone = '+02:00'");
      s.execute("insert into events values (2, '2024-03-31 03:00:00', "
          + "'2024-03-31 03:00:00'), (3, '2024-10-27 02:30:00', '2024-10-27 02:30:00'), "
          + "(5, null, null)");
      // New sessions of the server, Basalt's among them, start in +05:00.
      s.execute("set global time_zone = '+05:00'");
    }
    server = LakeServer.folders(directory);
    connection = server.connect();
    statement = connection.createStatement();
    URI address = URI.create(mariadb.url().substring("jdbc:".length()));
    statement.execute("create external schema mytimes from mysql database 'fed_times' uri '"
        + address.getHost() + "' port " + address.getPort() + " user '" + mariadb.user()
        + "' password '" + mariadb.password() + "'");
  }

  @AfterAll
  void stop() throws SQLException {
    if (mariadb != null) {
      try (Connection my = mariadb.connect(); Statement s = my.createStatement()) {
        s.execute("set global time_zone = 'SYSTEM'");
      }
    }
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

  @Test
  void datetimeReadsAsStoredAndTimestampAsUtc() throws SQLException {
    assertThat(rows("select id, local_time, happened from mytimes.events order by id"))
        .containsExactly(
            "1,2024-03-31 02:30:00.000,2024-03-31 00:59:59.500",
            "2,2024-03-31 03:00:00.000,2024-03-31 01:00:00.000",
            "3,2024-10-27 02:30:00.000,2024-10-27 00:30:00.000",
            "4,2024-10-27 03:30:00.000,2024-10-27 01:30:00.000",
            "5,null,null");
    assertThat(rows("select column_name, data_type from information_schema.columns "
        + "where table_schema = 'mytimes' and table_name = 'events' order by ordinal_position"))
        .containsExactly("id,integer", "local_time,timestamp without time zone",
            "happened,timestamp without time zone");
  }

  @Test
  void pushedTimeFiltersCompareTheSameValues() throws SQLException {
    String sql = "select id from mytimes.events where happened >= timestamp "
        + "'2024-03-31 01:00:00' and happened < timestamp '2024-10-27 01:00:00' order by id";
    assertThat(String.join("\n", rows("explain analyze " + sql)))
        .contains("WHERE `happened` >= TIMESTAMP '2024-03-31 01:00:00.000' AND `happened` < "
            + "TIMESTAMP '2024-10-27 01:00:00.000'");
    assertThat(rows(sql)).containsExactly("2", "3");
    assertThat(rows("select id from mytimes.events where local_time = "
        + "timestamp '2024-03-31 02:30:00'")).containsExactly("1");
  }
}
