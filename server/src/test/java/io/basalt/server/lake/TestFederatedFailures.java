package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.federation.testing.DatabaseServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A federated source that fails under a running query: a PostgreSQL server of the test's own,
 * crashed ({@code pg_ctl stop -m immediate}) while a long remote read streams, is a clear
 * connection error naming the schema; the server keeps serving; queries while it is down are
 * 08001; after the restart the pool connects again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestFederatedFailures {
  DatabaseServer own;
  String remoteUrl;
  LakeServer server;
  Connection connection;
  Statement statement;

  @BeforeAll
  void start(@TempDir Path directory) throws Exception {
    own = DatabaseServer.startOwn(DatabaseServer.Engine.POSTGRES);
    remoteUrl = own.createDatabase("fed_crash");
    remote("create view big as select g as id, md5(g::text) as pad "
            + "from generate_series(1, 200000000) g",
        "create table small (id integer)", "insert into small values (1), (2), (3)");
    server = LakeServer.folders(directory);
    connection = server.connect();
    statement = connection.createStatement();
    statement.execute("create table local_rows (id integer)");
    statement.execute("insert into local_rows values (1), (2)");
    statement.execute("create external schema pgc from postgres database 'fed_crash' uri '"
        + own.host() + "' port " + own.port() + " user '" + own.user() + "' password '"
        + own.password() + "'");
  }

  @AfterAll
  void stop() throws SQLException {
    if (connection != null) {
      connection.close();
    }
    if (server != null) {
      server.close();
    }
    if (own != null) {
      own.stop();
    }
  }

  private void remote(String... sql) throws SQLException {
    try (Connection pg = DriverManager.getConnection(remoteUrl, own.user(), own.password());
        Statement s = pg.createStatement()) {
      for (String each : sql) {
        s.execute(each);
      }
    }
  }

  private List<String> rows(String sql) throws SQLException {
    return LakeServer.rows(statement, sql);
  }

  /** Whether the remote server runs a query over {@code big} (Basalt's read of it). */
  private boolean readingBig() throws SQLException {
    try (Connection pg = DriverManager.getConnection(remoteUrl, own.user(), own.password());
        Statement s = pg.createStatement();
        ResultSet rows = s.executeQuery("select count(*) from pg_stat_activity "
            + "where state = 'active' and query like '%\"big\"%' "
            + "and pid <> pg_backend_pid()")) {
      rows.next();
      return rows.getInt(1) > 0;
    }
  }

  @Test
  void aSourceCrashedMidQueryIsAConnectionErrorAndThePoolRecovers() throws Exception {
    assertThat(rows("select count(*) from pgc.small")).containsExactly("3");
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try (Connection other = server.connect(); Statement longRead = other.createStatement()) {
      Future<List<String>> running = runner.submit(() -> LakeServer.rows(longRead,
          "select count(*), max(pad) from pgc.big"));
      while (!readingBig()) {
        assertThat(running.isDone()).as("the long read ended before the crash").isFalse();
        Thread.sleep(50);
      }
      own.crash();
      assertThatThrownBy(() -> running.get(5, TimeUnit.MINUTES))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Lost the connection to remote schema 'pgc' at 127.0.0.1:"
              + own.port())
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));
    } finally {
      runner.shutdownNow();
    }
    // The server keeps serving everything else.
    assertThat(rows("select sum(id) from local_rows")).containsExactly("3");
    // While the source is down its queries are 08001, and a schema can still be created.
    assertThatThrownBy(() -> rows("select count(*) from pgc.small"))
        .satisfies(e -> {
          SQLException sql = (SQLException) e;
          assertThat(sql.getSQLState()).isEqualTo("08001");
          assertThat(sql.getMessage()).contains("Cannot connect to remote schema 'pgc' at "
              + "127.0.0.1:" + own.port()).doesNotContain(own.password());
        });
    statement.execute("create external schema pgc_later from postgres database 'fed_crash' "
        + "uri '" + own.host() + "' port " + own.port() + " user '" + own.user() + "' password '"
        + own.password() + "'");
    assertThatThrownBy(() -> rows("select count(*) from pgc_later.small"))
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
    own.restart();
    // The pool drops its broken connections and connects anew.
    assertThat(rows("select count(*) from pgc.small")).containsExactly("3");
    assertThat(rows("select count(*) from pgc_later.small")).containsExactly("3");
  }
}
