package io.basalt.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client process that dies mid-query has its query canceled; the server keeps serving. */
class TestClientDisconnect {
  @TempDir
  Path dataDirectory;

  @Test
  void killedClientFreesItsQuery() throws Exception {
    try (BasaltServer server = BasaltServer.start(ServerConfig.defaults().withPort(0)
        .withDataDirectory(dataDirectory).withAdminPassword("pw").withSlices(2))) {
      try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "admin", "pw");
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE digits AS SELECT * FROM (VALUES (0),(1),(2),(3),(4),"
            + "(5),(6),(7),(8),(9)) AS t (d)");
        statement.execute("CREATE TABLE thousand AS SELECT a.d * 100 + b.d * 10 + c.d AS n "
            + "FROM digits a, digits b, digits c");
      }
      Path driverJar = Path.of(io.basalt.jdbc.Driver.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
      Path program = Path.of(getClass().getResource("/client/LongQuery.java").toURI());
      Process client = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", driverJar.toString(), program.toString(), server.jdbcUrl(), "admin", "pw",
          "SELECT COUNT(*) FROM thousand a, thousand b, thousand c WHERE a.n + b.n + c.n < 0")
          .redirectErrorStream(true)
          .redirectOutput(dataDirectory.resolve("client.log").toFile())
          .start();
      try {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (server.runningStatements() == 0 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(server.runningStatements()).as("the client's query is running").isEqualTo(1);
      } finally {
        client.destroyForcibly();
        client.waitFor();
      }
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (server.runningStatements() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(server.runningStatements()).as("the query is canceled").isZero();
      try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "admin", "pw");
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM thousand")) {
        rows.next();
        assertThat(rows.getLong(1)).isEqualTo(1000);
      }
    }
  }
}
