package io.basalt.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a server and talks to it over Avatica's remote protocol, as the Basalt driver does. */
class TestServerBasics {
  @TempDir
  static Path dataDirectory;
  static BasaltServer server;

  @BeforeAll
  static void start() {
    server = BasaltServer.start(ServerConfig.defaults().withPort(0)
        .withDataDirectory(dataDirectory).withAdminPassword("secret").withSlices(2));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Connection connect(String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", password);
    return DriverManager.getConnection(server.jdbcUrl(), properties);
  }

  @Test
  void createInsertSelect() throws SQLException {
    try (Connection connection = connect("secret"); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t1 (id BIGINT NOT NULL, name VARCHAR(10), price DECIMAL(10,2), d DATE) "
          + "DISTSTYLE KEY DISTKEY(id) COMPOUND SORTKEY(d)");
      assertThat(statement.executeUpdate("INSERT INTO t1 VALUES (1, 'a', 1.50, DATE '2024-01-02'), "
          + "(2, 'bb', NULL, DATE '2024-02-03')")).isEqualTo(2);
      try (ResultSet rows = statement.executeQuery("SELECT id, name, price, d FROM t1 WHERE id > 1")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(2);
        assertThat(rows.getString(2)).isEqualTo("bb");
        assertThat(rows.getBigDecimal(3)).isNull();
        assertThat(rows.getDate(4).toString()).isEqualTo("2024-02-03");
        assertThat(rows.next()).isFalse();
      }
      assertThat(statement.executeUpdate("UPDATE t1 SET price = price * 2 WHERE id = 1")).isEqualTo(1);
      assertThat(statement.executeUpdate("DELETE FROM t1 WHERE name = 'bb'")).isEqualTo(1);
      try (ResultSet rows = statement.executeQuery("SELECT price FROM t1")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getBigDecimal(1)).isEqualByComparingTo("3.00");
      }
      try (ResultSet rows = statement.executeQuery(
          "SELECT \"schema\", \"table\", diststyle, sortkey1, sortkey_num, tbl_rows FROM svv_table_info WHERE \"table\" = 't1'")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("public");
        assertThat(rows.getString(3)).isEqualTo("KEY(id)");
        assertThat(rows.getString(4)).isEqualTo("d");
        assertThat(rows.getInt(5)).isEqualTo(1);
        assertThat(rows.getLong(6)).isEqualTo(1);
      }
    }
  }

  @Test
  void aQueryOverItsMemoryLimitFailsAndTheSessionGoesOn() throws SQLException {
    try (Connection connection = connect("secret"); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE mem (id INTEGER, grp INTEGER) DISTKEY(id)");
      StringBuilder values = new StringBuilder();
      for (int i = 0; i < 100; i++) {
        values.append(i == 0 ? "" : ", ").append('(').append(i).append(')');
      }
      statement.execute("INSERT INTO mem SELECT a.x * 100 + b.x, MOD(a.x, 3) FROM (VALUES "
          + values + ") a (x), (VALUES " + values + ") b (x)");
      statement.execute("SET query_memory_limit_mb TO 1");
      assertThatThrownBy(() -> statement.executeQuery("SELECT a.id, b.id FROM mem a JOIN mem b "
          + "ON a.grp = b.grp ORDER BY 1, 2").next())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Query exceeded its memory limit of 1 MB")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("53200"));
      statement.execute("RESET query_memory_limit_mb");
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM mem a JOIN mem b "
          + "ON a.grp = b.grp")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(3400L * 3400 + 2 * 3300L * 3300);
      }
      try (ResultSet rows = statement.executeQuery("EXPLAIN SELECT COUNT(*) FROM mem")) {
        StringBuilder plan = new StringBuilder();
        while (rows.next()) {
          plan.append(rows.getString(1));
        }
        assertThat(plan.toString()).contains("BasaltAggregate").contains("BasaltTableScan");
      }
    }
  }

  @Test
  void wrongPasswordIsRejected() {
    assertThatThrownBy(() -> connect("wrong"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed for user \"admin\"")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
  }

  @Test
  void unknownTableIsAnError() throws SQLException {
    try (Connection connection = connect("secret"); Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("no_such_table")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42P01"));
      assertThatThrownBy(() -> statement.executeQuery("SELEC 1"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("line 1, column 1")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42601"));
      try (ResultSet rows = statement.executeQuery("SELECT 1 + 1")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(2);
      }
    }
  }
}
