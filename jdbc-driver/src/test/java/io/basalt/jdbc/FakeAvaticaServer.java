package io.basalt.jdbc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

/**
 * A stand-in for the Basalt server on 127.0.0.1 that speaks just enough of Avatica's protobuf
 * protocol to open a connection and create statements, fails every query, and records cancel
 * requests.
 */
final class FakeAvaticaServer implements AutoCloseable {

  /** One request to {@code /basalt/cancel}. */
  record CancelRequest(String method, String query) {}

  private final HttpServer http;
  private final ProtobufTranslation translation = new ProtobufTranslationImpl();
  private final String expectedPassword;
  private final AtomicInteger nextStatementId = new AtomicInteger(7);
  private final List<Map<String, String>> openedWith = new CopyOnWriteArrayList<>();
  private final List<CancelRequest> cancels = new CopyOnWriteArrayList<>();

  /** Starts a server that accepts only {@code expectedPassword}. */
  FakeAvaticaServer(String expectedPassword) throws IOException {
    this.expectedPassword = expectedPassword;
    this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/basalt/cancel", this::cancel);
    http.createContext("/", this::avatica);
    http.start();
  }

  int port() {
    return http.getAddress().getPort();
  }

  /** Returns the {@code info} map of every OpenConnectionRequest received. */
  List<Map<String, String>> openedWith() {
    return List.copyOf(openedWith);
  }

  List<CancelRequest> cancels() {
    return List.copyOf(cancels);
  }

  @Override
  public void close() {
    http.stop(0);
  }

  private void cancel(HttpExchange exchange) throws IOException {
    cancels.add(
        new CancelRequest(exchange.getRequestMethod(), exchange.getRequestURI().getQuery()));
    respond(exchange, 200, new byte[0]);
  }

  private void avatica(HttpExchange exchange) throws IOException {
    Service.Request request = translation.parseRequest(exchange.getRequestBody().readAllBytes());
    Service.RpcMetadataResponse metadata = new Service.RpcMetadataResponse("fake");
    Service.Response response;
    int status = 200;
    if (request instanceof Service.OpenConnectionRequest open) {
      openedWith.add(open.info);
      if (expectedPassword.equals(open.info.get("password"))) {
        response = new Service.OpenConnectionResponse(metadata);
      } else {
        status = 500;
        response = new Service.ErrorResponse(List.of(),
            "password authentication failed for user \"" + open.info.get("user") + "\"", 0,
            "28P01", AvaticaSeverity.ERROR, metadata);
      }
    } else if (request instanceof Service.CreateStatementRequest create) {
      response = new Service.CreateStatementResponse(
          create.connectionId, nextStatementId.getAndIncrement(), metadata);
    } else if (request instanceof Service.ConnectionSyncRequest) {
      response = new Service.ConnectionSyncResponse(new ConnectionPropertiesImpl(), metadata);
    } else if (request instanceof Service.PrepareAndExecuteRequest
        || request instanceof Service.PrepareRequest) {
      // Every query fails, as if it named a missing table.
      status = 500;
      response = new Service.ErrorResponse(List.of("server-side stack trace"),
          "relation \"nosuch\" does not exist", 0, "42P01", AvaticaSeverity.ERROR, metadata);
    } else if (request instanceof Service.CloseStatementRequest) {
      response = new Service.CloseStatementResponse(metadata);
    } else if (request instanceof Service.CloseConnectionRequest) {
      response = new Service.CloseConnectionResponse(metadata);
    } else {
      status = 500;
      response = new Service.ErrorResponse(List.of(), "unsupported by the fake server: "
          + request.getClass().getSimpleName(), 0, "0A000", AvaticaSeverity.ERROR, metadata);
    }
    respond(exchange, status, translation.serializeResponse(response));
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
