package io.basalt.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statement.cancel, prepared statements and many sessions at once, over the Basalt driver. */
class TestCancelAndSessions {
  @TempDir
  static Path dataDirectory;
  static BasaltServer server;

  @BeforeAll
  static void start() throws SQLException {
    server = BasaltServer.start(ServerConfig.defaults().withPort(0)
        .withDataDirectory(dataDirectory).withAdminPassword("pw").withSlices(2));
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE numbers (n INTEGER NOT NULL)");
      statement.execute("INSERT INTO numbers SELECT * FROM (VALUES (0),(1),(2),(3),(4),(5),(6),"
          + "(7),(8),(9)) AS t (n)");
      for (int i = 0; i < 3; i++) {
        statement.execute("INSERT INTO numbers SELECT a.n * 10 + b.n FROM numbers a, "
            + "(VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) AS b (n) WHERE a.n < 1000");
      }
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", "pw");
    return DriverManager.getConnection(server.jdbcUrl(), properties);
  }

  @Test
  void cancelStopsARunningQuery() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
        try (ResultSet rows = statement.executeQuery(
            "SELECT COUNT(*) FROM numbers a, numbers b, numbers c WHERE a.n + b.n + c.n < 0")) {
          rows.next();
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      Thread.sleep(1_000);
      assertThat(outcome).as("the query must still be running").isNotDone();
      long start = System.nanoTime();
      statement.cancel();
      Throwable error = outcome.get(30, TimeUnit.SECONDS);
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
      assertThat(error).isInstanceOf(SQLException.class);
      assertThat(((SQLException) error).getSQLState()).isEqualTo("57014");
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM numbers")) {
        rows.next();
        assertThat(rows.getLong(1)).isPositive();
      }
    }
  }

  @Test
  void preparedStatementsBindParameters() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE orders_ps (id BIGINT NOT NULL, customer VARCHAR(20), "
          + "amount DECIMAL(10,2), placed DATE)");
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO orders_ps VALUES (?, ?, ?, ?)")) {
        for (int i = 1; i <= 3; i++) {
          insert.setLong(1, i);
          insert.setString(2, "c" + i);
          insert.setBigDecimal(3, new BigDecimal(i + ".50"));
          insert.setDate(4, Date.valueOf("2025-01-0" + i));
          assertThat(insert.executeUpdate()).isEqualTo(1);
        }
      }
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE orders_ps SET amount = amount + ? WHERE id = ?")) {
        update.setBigDecimal(1, BigDecimal.TEN);
        update.setLong(2, 2);
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT customer, amount FROM orders_ps WHERE placed >= ? ORDER BY id")) {
        query.setDate(1, Date.valueOf("2025-01-02"));
        try (ResultSet rows = query.executeQuery()) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getString(1)).isEqualTo("c2");
          assertThat(rows.getBigDecimal(2)).isEqualByComparingTo("12.50");
          assertThat(rows.next()).isTrue();
          assertThat(rows.getString(1)).isEqualTo("c3");
          assertThat(rows.next()).isFalse();
        }
      }
    }
  }

  @Test
  void manySessionsAtOnce() throws Exception {
    List<CompletableFuture<Long>> sessions = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      int id = i;
      sessions.add(CompletableFuture.supplyAsync(() -> {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
          statement.execute("CREATE TABLE session_" + id + " AS SELECT DISTINCT n FROM numbers WHERE n < "
              + (id + 1));
          try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM session_" + id)) {
            rows.next();
            return rows.getLong(1);
          }
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    for (int i = 0; i < sessions.size(); i++) {
      assertThat(sessions.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(i + 1);
    }
  }

  @Test
  void malformedCsvLoadsNothingAndIsRecorded() throws Exception {
    Path file = dataDirectory.resolve("s3").resolve("fixtures").resolve("prices.csv");
    java.nio.file.Files.createDirectories(file.getParent());
    java.nio.file.Files.writeString(file, "id,price\n1,10.50\n2,abc\n3,7.25\n");
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE prices (id INTEGER NOT NULL, price DECIMAL(8,2))");
      assertThatThrownBy(() -> statement.execute(
          "COPY prices FROM 's3://fixtures/prices.csv' FORMAT AS CSV IGNOREHEADER 1"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("line 3")
          .hasMessageContaining("price")
          .hasMessageContaining("abc");
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM prices")) {
        rows.next();
        assertThat(rows.getLong(1)).as("MAXERROR 0 loads nothing").isZero();
      }
      try (ResultSet rows = statement.executeQuery("SELECT line_number, colname, "
          + "raw_field_value FROM stl_load_errors WHERE filename LIKE '%prices.csv'")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(3);
        assertThat(rows.getString(2).trim()).isEqualTo("price");
        assertThat(rows.getString(3).trim()).isEqualTo("abc");
      }
      assertThat(statement.executeUpdate(
          "COPY prices FROM 's3://fixtures/prices.csv' FORMAT AS CSV IGNOREHEADER 1 MAXERROR 1"))
          .isEqualTo(2);
    }
  }

  @Test
  void badInputLeavesTheServerServing() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.execute("SELECT FROM WHERE"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42601"));
      assertThatThrownBy(() -> statement.execute("COPY numbers FROM 's3://nowhere/none.csv'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("s3://nowhere/none.csv");
      assertThatThrownBy(() -> statement.execute("SELECT n / 0 FROM numbers"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22012"));
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM numbers")) {
        assertThat(rows.next()).isTrue();
      }
    }
  }
}
