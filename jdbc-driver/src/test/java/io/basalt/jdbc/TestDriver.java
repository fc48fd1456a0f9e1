package io.basalt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TestDriver {

  private final Driver driver = new Driver();

  @Test
  void acceptsOnlyBasaltUrls() throws SQLException {
    assertThat(driver.acceptsURL("jdbc:basalt://localhost:5439/dev")).isTrue();
    assertThat(driver.acceptsURL("jdbc:basalt://localhost")).isTrue();
    assertThat(driver.acceptsURL("jdbc:avatica:remote:url=http://localhost:5439")).isFalse();
    assertThat(driver.acceptsURL("jdbc:postgresql://localhost:5439/dev")).isFalse();
  }

  @Test
  void ignoresOtherUrlsInConnect() throws SQLException {
    assertThat(driver.connect("jdbc:postgresql://localhost/dev", new Properties())).isNull();
  }

  @Test
  void isFoundByDriverManagerThroughTheServiceFile() throws SQLException {
    assertThat(DriverManager.getDriver("jdbc:basalt://localhost:5439/dev"))
        .isInstanceOf(Driver.class);
  }

  @Test
  void reportsNameAndProjectVersion() {
    BasaltVersion version = BasaltVersion.load();

    assertThat(version.version()).startsWith("0.1.0");
    assertThat(driver.getMajorVersion()).isZero();
    assertThat(driver.getMinorVersion()).isEqualTo(1);
    assertThat(driver.getDriverVersion().name).isEqualTo("Basalt JDBC Driver");
    assertThat(driver.getDriverVersion().productName).isEqualTo("Basalt");
    assertThat(driver.jdbcCompliant()).isFalse();
  }

  @Test
  void describesItsProperties() throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", "admin");

    DriverPropertyInfo[] properties =
        driver.getPropertyInfo("jdbc:basalt://localhost:5439/sales", info);

    assertThat(Arrays.stream(properties).map(p -> p.name))
        .containsExactly(
            "user", "password", "database", "http_connection_timeout", "http_response_timeout");
    assertThat(properties[0].value).isEqualTo("admin");
    assertThat(properties[2].value).isEqualTo("sales");
  }

  @Test
  void rejectsMalformedUrlsInConnect() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:basalt://host:x/dev"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("port 'x' is not a number")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08001");
  }

  /** The timeout only guards against a hang; it does not measure speed. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void reportsAClosedPortAsCannotConnect() throws IOException {
    int port = closedPort();
    String url = "jdbc:basalt://127.0.0.1:" + port + "/dev";

    assertThatThrownBy(() -> DriverManager.getConnection(url, "admin", ""))
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith("Cannot connect to Basalt at 127.0.0.1:" + port + ": ")
        .hasMessageContaining("Connection refused")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08001");
  }

  @Test
  void reportsAnotherKindOfServerOnThePortAsCannotConnect() throws IOException {
    // A web server with no handlers answers every request with 404.
    HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    other.start();
    try {
      String url = "jdbc:basalt://127.0.0.1:" + other.getAddress().getPort() + "/dev";

      assertThatThrownBy(() -> DriverManager.getConnection(url, "admin", "secret"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("404")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("08001");
    } finally {
      other.stop(0);
    }
  }

  @Test
  void sendsUserPasswordAndDatabaseWhenOpeningTheConnection() throws Exception {
    try (FakeAvaticaServer server = new FakeAvaticaServer("secret");
        Connection connection = DriverManager.getConnection(
            "jdbc:basalt://127.0.0.1:" + server.port() + "/sales?application_name=test",
            "admin", "secret")) {
      assertThat(connection.isClosed()).isFalse();
      assertThat(server.openedWith()).hasSize(1);
      assertThat(server.openedWith().get(0))
          .containsEntry("user", "admin")
          .containsEntry("password", "secret")
          .containsEntry("database", "sales")
          .containsEntry("application_name", "test")
          .doesNotContainKeys("url", "serialization", "httpclient_factory");
    }
  }

  @Test
  void advertisesBasaltRatherThanAvatica() throws Exception {
    try (FakeAvaticaServer server = new FakeAvaticaServer("secret");
        Connection connection = DriverManager.getConnection(
            "jdbc:basalt://127.0.0.1:" + server.port() + "/dev", "admin", "secret")) {
      DatabaseMetaData metaData = connection.getMetaData();

      assertThat(metaData.getDatabaseProductName()).isEqualTo("Basalt");
      assertThat(metaData.getDriverName()).isEqualTo("Basalt JDBC Driver");
      assertThat(metaData.getDriverVersion()).startsWith("0.1.0");
      assertThat(metaData.getURL()).isEqualTo("jdbc:basalt://127.0.0.1:" + server.port() + "/dev");
    }
  }

  @Test
  void keepsTheServersSqlStateWhenItRefusesTheLogin() throws IOException {
    try (FakeAvaticaServer server = new FakeAvaticaServer("secret")) {
      String url = "jdbc:basalt://127.0.0.1:" + server.port() + "/dev";

      assertThatThrownBy(() -> DriverManager.getConnection(url, "admin", "wrong"))
          .isInstanceOf(SQLException.class)
          .hasMessage("Cannot connect to Basalt at 127.0.0.1:" + server.port()
              + " as user 'admin': password authentication failed for user \"admin\"")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("28P01");
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
