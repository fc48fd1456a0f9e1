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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on the JDBC endpoint, over the Basalt driver: one server with a keystore that also accepts
 * plain HTTP, one with PEM files and {@code --require-tls}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TestTls {
  @TempDir
  static Path directory;
  static SelfSignedCertificate certificate;
  static SelfSignedCertificate otherCertificate;
  static BasaltServer tlsOrPlain;
  static BasaltServer tlsOnly;

  @BeforeAll
  static void start() throws Exception {
    certificate = SelfSignedCertificate.create(directory, "basalt");
    otherCertificate = SelfSignedCertificate.create(directory, "other");
    ServerConfig base = ServerConfig.defaults().withPort(0).withAdminPassword("pw")
        .withSlices(1);
    tlsOrPlain = BasaltServer.start(base.withDataDirectory(directory.resolve("data1"))
        .withEndpoint(EndpointConfig.defaults().withTls(
            TlsConfig.keystore(certificate.keystore(), certificate.password()), false)));
    tlsOnly = BasaltServer.start(base.withDataDirectory(directory.resolve("data2"))
        .withEndpoint(EndpointConfig.defaults().withTls(
            TlsConfig.pem(certificate.certificatePem(), certificate.privateKeyPem()), true)));
  }

  @AfterAll
  static void stop() {
    if (tlsOrPlain != null) {
      tlsOrPlain.close();
    }
    if (tlsOnly != null) {
      tlsOnly.close();
    }
  }

  static Connection connect(String url, SelfSignedCertificate trusted) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", "pw");
    // A plain request that a TLS-only server drops must fail, not wait for ever.
    properties.setProperty("http_response_timeout", "60000");
    if (trusted != null) {
      properties.setProperty("truststore", trusted.truststore().toString());
      properties.setProperty("truststore_password", trusted.password());
    }
    return DriverManager.getConnection(url, properties);
  }

  static long sum(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 40 + 2")) {
      assertThat(rows.next()).isTrue();
      return rows.getLong(1);
    }
  }

  @Test
  void queryOverTlsWithAKeystore() throws SQLException {
    assertThat(tlsOrPlain.jdbcUrl()).endsWith("/dev?ssl=true");
    try (Connection connection = connect(tlsOrPlain.jdbcUrl(), certificate)) {
      assertThat(sum(connection)).isEqualTo(42);
    }
  }

  @Test
  void queryOverTlsWithPemFiles() throws SQLException {
    try (Connection connection = connect(tlsOnly.jdbcUrl(), certificate)) {
      assertThat(sum(connection)).isEqualTo(42);
    }
  }

  /** Without the server-side cancel (sent over TLS too), this query would run for ever. */
  @Test
  void cancelReachesTheServerOverTls() throws Exception {
    try (Connection connection = connect(tlsOnly.jdbcUrl(), certificate);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE numbers (n INTEGER NOT NULL)");
      statement.execute("INSERT INTO numbers SELECT * FROM (VALUES (0),(1),(2),(3),(4),(5),(6),"
          + "(7),(8),(9)) AS t (n)");
      for (int i = 0; i < 3; i++) {
        statement.execute("INSERT INTO numbers SELECT a.n * 10 + b.n FROM numbers a, "
            + "(VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) AS b (n) WHERE a.n < 1000");
      }
      // Quick to plan (a cancel during planning is not what this tests), endless to run.
      CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
        try (ResultSet rows = statement.executeQuery(
            "SELECT COUNT(*) FROM numbers a, numbers b, numbers c WHERE a.n + b.n + c.n < 0")) {
          rows.next();
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      while (tlsOnly.runningStatements() == 0 && !outcome.isDone()) {
        Thread.sleep(50);
      }
      Thread.sleep(1_000);
      assertThat(outcome).as(() -> "the query must still be running, not " + outcome.handle(
          (result, failure) -> failure != null ? failure : result).getNow(null)).isNotDone();
      statement.cancel();
      assertThat(outcome.get(2, TimeUnit.MINUTES))
          .isInstanceOfSatisfying(SQLException.class,
              e -> assertThat(e.getSQLState()).isEqualTo("57014"));
    }
  }

  @Test
  void plainConnectionAcceptedUnlessTlsIsRequired() throws SQLException {
    try (Connection connection = connect(tlsOrPlain.plainJdbcUrl(), null)) {
      assertThat(sum(connection)).isEqualTo(42);
    }
  }

  @Test
  void plainConnectionRefusedWhenTlsIsRequired() {
    assertThatThrownBy(() -> connect(tlsOnly.plainJdbcUrl(), null))
        .isInstanceOfSatisfying(SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo("08004"))
        .hasMessage("Cannot connect to Basalt at 127.0.0.1:" + tlsOnly.port() + " as user"
            + " 'admin': Cannot connect: the server requires TLS (add ssl=true to the JDBC URL,"
            + " or --ssl to ./basalt sql)");
  }

  @Test
  void untrustedCertificateIsAClearError() {
    assertThatThrownBy(() -> connect(tlsOnly.jdbcUrl(), otherCertificate))
        .isInstanceOfSatisfying(SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo("08001"))
        .hasMessageStartingWith("Cannot connect to Basalt at 127.0.0.1:" + tlsOnly.port()
            + ": TLS handshake failed: ")
        .hasMessageContaining("the server's certificate is not trusted");
    // Without a truststore the JVM's default authorities do not vouch for it either.
    assertThatThrownBy(() -> connect(tlsOnly.jdbcUrl(), null))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("the server's certificate is not trusted");
  }

  @Test
  void hostNameIsChecked() {
    String byName = tlsOnly.jdbcUrl().replace("127.0.0.1", "localhost");
    assertThatThrownBy(() -> connect(byName, certificate))
        .isInstanceOfSatisfying(SQLException.class,
            e -> assertThat(e.getSQLState()).isEqualTo("08001"))
        .hasMessageContaining("does not match the host name");
  }

  @Test
  void wrongKeystorePasswordStopsTheStartWithoutShowingIt() {
    assertThatThrownBy(() -> BasaltServer.start(ServerConfig.defaults().withPort(0)
        .withDataDirectory(directory.resolve("data3")).withEndpoint(EndpointConfig.defaults()
            .withTls(TlsConfig.keystore(certificate.keystore(), "wrong-secret"), true))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot start TLS: cannot read the keystore '"
            + certificate.keystore() + "': ")
        .hasMessageNotContaining("wrong-secret");
    assertThat(TlsConfig.keystore(certificate.keystore(), "wrong-secret").toString())
        .doesNotContain("wrong-secret");
  }

  @Test
  void requiringTlsNeedsAKey() {
    assertThatThrownBy(() -> new EndpointConfig(java.util.Optional.empty(), true,
        EndpointConfig.DEFAULT_IDLE_SESSION_TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot require TLS: no TLS key is configured (give --tls-keystore, or"
            + " --tls-cert and --tls-key)");
  }
}
