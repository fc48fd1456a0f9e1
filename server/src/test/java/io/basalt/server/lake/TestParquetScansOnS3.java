package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.server.BasaltServer;
import io.basalt.server.ServerConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parquet scan tests over a real S3-compatible endpoint, plus what only a remote store can
 * get wrong: wrong credentials and an endpoint that does not answer.
 */
class TestParquetScansOnS3 extends ParquetScansContract {
  @TempDir
  static Path dataDirectory;
  @TempDir
  static Path otherDirectory;
  static LakeServer lake;

  @BeforeAll
  static void start() throws IOException {
    lake = LakeServer.s3(dataDirectory);
  }

  @AfterAll
  static void stop() {
    lake.close();
  }

  @Override
  LakeServer lake() {
    return lake;
  }

  /** A server on the same catalog layout whose S3 settings are {@code s3Json}. */
  private static BasaltServer serverWith(Path directory, String s3Json) throws IOException {
    Files.createDirectories(directory);
    Path settings = directory.resolve("basalt.json");
    Files.writeString(settings, "{\"object_store\": {\"s3\": " + s3Json + "}}");
    return BasaltServer.start(ServerConfig.defaults().withPort(0).withDataDirectory(directory)
        .withAdminPassword(LakeServer.PASSWORD).withSlices(1).withConfigFile(settings));
  }

  private static Connection connect(BasaltServer server) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", LakeServer.PASSWORD);
    return DriverManager.getConnection(server.jdbcUrl(), properties);
  }

  @Test
  void wrongCredentialsAndAnUnreachableEndpointAreClearErrors() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String wrongKey = "{\"endpoint\": \"" + lake.proxy().endpoint() + "\", \"path_style_access\": "
        + "true, \"access_key_id\": \"" + lake.proxy().accessKey() + "\", \"secret_access_key\": "
        + "\"wrong\"}";
    try (BasaltServer server = serverWith(otherDirectory.resolve("wrong"), wrongKey);
        Connection connection = connect(server);
        Statement statement = connection.createStatement()) {
      statement.execute("create external schema x from data catalog database 'x' "
          + "create external database if not exists");
      assertThatThrownBy(() -> statement.execute("create external table x.t (id int) "
          + "stored as parquet location 's3://lake/anything/'"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"));
      assertThat(statement.executeQuery("select 1").next()).isTrue();
    }
    String unreachable = "{\"endpoint\": \"http://127.0.0.1:" + closedPort + "\", "
        + "\"path_style_access\": true, \"access_key_id\": \"a\", \"secret_access_key\": \"b\"}";
    try (BasaltServer server = serverWith(otherDirectory.resolve("down"), unreachable);
        Connection connection = connect(server);
        Statement statement = connection.createStatement()) {
      statement.execute("create external schema x from data catalog database 'x' "
          + "create external database if not exists");
      assertThatThrownBy(() -> statement.execute("create external table x.t (id int) "
          + "stored as parquet location 's3://lake/anything/'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("127.0.0.1:" + closedPort)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("58030"));
      assertThat(statement.executeQuery("select 1").next()).isTrue();
    }
  }
}
