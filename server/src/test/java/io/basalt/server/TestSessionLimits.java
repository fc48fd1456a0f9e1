package io.basalt.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Login throttling and the idle-session timeout over JDBC: the throttle's delays are recorded,
 * not waited for, and sessions are closed after one idle second.
 */
class TestSessionLimits {
  @TempDir
  static Path dataDirectory;
  static BasaltServer server;
  static final List<Duration> loginDelays = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    server = BasaltServer.start(ServerConfig.defaults().withPort(0)
        .withDataDirectory(dataDirectory).withAdminPassword("pw").withSlices(1)
        .withEndpoint(EndpointConfig.defaults().withIdleSessionTimeout(Duration.ofSeconds(1))),
        new PrintStream(OutputStream.nullOutputStream()), loginDelays::add);
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
  void repeatedWrongPasswordsAreDelayedUntilTheRightOne() throws SQLException {
    loginDelays.clear();
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThatThrownBy(() -> connect("wrong"))
          .isInstanceOfSatisfying(SQLException.class,
              e -> assertThat(e.getSQLState()).isEqualTo("28P01"))
          .hasMessageEndingWith("password authentication failed for user \"admin\"");
    }
    // The 4th and 5th attempts followed 3 and 4 failures; the right password, after 5, waits
    // 4 s and then resets the count.
    assertThat(loginDelays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    connect("pw").close();
    assertThat(loginDelays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4));
    loginDelays.clear();
    assertThatThrownBy(() -> connect("wrong")).isInstanceOf(SQLException.class);
    connect("pw").close();
    assertThat(loginDelays).isEmpty();
  }

  @Test
  void idleSessionIsClosedAndSaysSo() throws Exception {
    try (Connection idle = connect("pw")) {
      try (Statement statement = idle.createStatement();
          ResultSet rows = statement.executeQuery("SELECT 1")) {
        assertThat(rows.next()).isTrue();
      }
      Thread.sleep(2_500);
      assertThatThrownBy(() -> {
        try (Statement statement = idle.createStatement()) {
          statement.executeQuery("SELECT 1");
        }
      })
          .isInstanceOfSatisfying(SQLException.class,
              e -> assertThat(e.getSQLState()).isEqualTo("57P05"))
          .hasMessageContaining("Cannot use the session: the server closed it after 1 seconds"
              + " idle (--idle-session-timeout); open a new connection");
      // A new session works.
      try (Connection fresh = connect("pw"); Statement statement = fresh.createStatement();
          ResultSet rows = statement.executeQuery("SELECT 2")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(2);
      }
    }
  }
}
