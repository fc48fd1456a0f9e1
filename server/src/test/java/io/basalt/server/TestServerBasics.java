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
