package io.basalt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.junit.jupiter.api.Test;

class TestCancel {

  @Test
  void statementCancelPostsConnectionAndStatementIdsToTheServer() throws Exception {
    try (FakeAvaticaServer server = new FakeAvaticaServer("secret");
        Connection connection = DriverManager.getConnection(
            "jdbc:basalt://127.0.0.1:" + server.port() + "/dev", "admin", "secret");
        Statement statement = connection.createStatement()) {
      statement.cancel();

      String connectionId = connection.unwrap(AvaticaConnection.class).id;
      int statementId = statement.unwrap(AvaticaStatement.class).handle.id;
      assertThat(server.cancels())
          .containsExactly(new FakeAvaticaServer.CancelRequest(
              "POST", "connection=" + connectionId + "&statement=" + statementId));
    }
  }

  @Test
  void closedStatementsDoNotReachTheServer() throws Exception {
    try (FakeAvaticaServer server = new FakeAvaticaServer("secret");
        Connection connection = DriverManager.getConnection(
            "jdbc:basalt://127.0.0.1:" + server.port() + "/dev", "admin", "secret")) {
      Statement statement = connection.createStatement();
      statement.close();

      try {
        statement.cancel();
      } catch (java.sql.SQLException expected) {
        // Avatica reports cancelling a closed statement; either way nothing is sent.
      }

      assertThat(server.cancels()).isEmpty();
    }
  }

  @Test
  void encodesTheConnectionId() {
    assertThat(ServerCancel.cancelUri("http://h:5439", "a b&c", 3))
        .isEqualTo(URI.create("http://h:5439/basalt/cancel?connection=a+b%26c&statement=3"));
    assertThat(ServerCancel.cancelUri("http://h:5439/", "id", 0))
        .isEqualTo(URI.create("http://h:5439/basalt/cancel?connection=id&statement=0"));
  }

  @Test
  void ignoresErrorAnswers() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer failing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    failing.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    });
    failing.start();
    try {
      ServerCancel.post(ServerCancel.cancelUri(
          "http://127.0.0.1:" + failing.getAddress().getPort(), "c", 1));

      assertThat(requests).hasValue(1);
    } finally {
      failing.stop(0);
    }
  }

  @Test
  void ignoresAnUnreachableServer() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    // Must return normally: cancel is best effort.
    ServerCancel.post(ServerCancel.cancelUri("http://127.0.0.1:" + port, "c", 1));
  }
}
