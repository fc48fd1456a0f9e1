package io.basalt.server.iceberg;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.basalt.federation.iceberg.IcebergCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.rest.Endpoint;
import org.apache.iceberg.rest.RESTResponse;
import org.apache.iceberg.rest.RESTSerializers;
import org.apache.iceberg.rest.responses.ConfigResponse;
import org.apache.iceberg.rest.responses.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's Iceberg catalog over the Iceberg REST catalog protocol, so that Spark, Trino,
 * Flink or PyIceberg read and write Basalt's Iceberg tables. It listens on 127.0.0.1 only and
 * asks for no credentials: whoever can reach it may change any Iceberg table, as with the
 * files themselves. The JDK's HTTP server carries it: the catalog's calls are small JSON
 * exchanges, and its raw request paths keep the %-encoding that namespace paths rely on.
 *
 * <p>{@code GET /v1/config} gives clients {@code defaults} they may override: the FileIO and
 * object-store properties under which they read and write the same files as Basalt.
 */
public final class IcebergRestServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IcebergRestServer.class);
  private static final String LOOPBACK = "127.0.0.1";
  private static final int THREADS = 8;
  private static final int STOP_DELAY_SECONDS = 1;

  private final HttpServer http;
  private final ExecutorService threads;

  private IcebergRestServer(HttpServer http, ExecutorService threads) {
    this.http = http;
    this.threads = threads;
  }

  /**
   * Starts serving {@code catalog} on {@code port} of 127.0.0.1 (0: a free port), advertising
   * {@code clientDefaults} in the config response.
   */
  public static IcebergRestServer start(IcebergCatalog catalog, int port,
      Map<String, String> clientDefaults) {
    requireNonNull(catalog, "catalog is null");
    requireNonNull(clientDefaults, "clientDefaults is null");
    ConfigResponse config = ConfigResponse.builder()
        .withDefaults(clientDefaults)
        .withEndpoints(endpoints())
        .build();
    ObjectMapper json = mapper();
    RestRouter router = new RestRouter(catalog, json, config);
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serve the Iceberg REST catalog on " + LOOPBACK + ":"
          + port + ": " + e.getMessage(), e);
    }
    ExecutorService threads = Executors.newFixedThreadPool(THREADS, daemonThreads());
    http.setExecutor(threads);
    http.createContext("/", exchange -> serve(exchange, router, json));
    http.start();
    LOG.info("Iceberg REST catalog listening on http://{}:{}", LOOPBACK,
        http.getAddress().getPort());
    return new IcebergRestServer(http, threads);
  }

  /** Jackson as Iceberg's own REST client and servers configure it, with its serializers. */
  private static ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    mapper.setPropertyNamingStrategy(new PropertyNamingStrategies.KebabCaseStrategy());
    RESTSerializers.registerAll(mapper);
    return mapper;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "basalt-iceberg-rest-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The port it listens on. */
  public int port() {
    return http.getAddress().getPort();
  }

  /** The URI clients give as the REST catalog's {@code uri}. */
  public String uri() {
    return "http://" + LOOPBACK + ":" + port();
  }

  private static void serve(HttpExchange exchange, RestRouter router, ObjectMapper json)
      throws IOException {
    String method = exchange.getRequestMethod();
    URI uri = exchange.getRequestURI();
    String path = uri.getRawPath();
    boolean head = method.equalsIgnoreCase("HEAD");
    try (exchange) {
      Optional<RestRoute.Match> match = RestRoute.match(method, segments(path));
      if (match.isEmpty()) {
        send(exchange, json, RestErrors.noRoute(method, path), head);
        return;
      }
      RESTResponse response;
      try {
        response = router.handle(match.get().route(), match.get().variables(),
            query(uri.getRawQuery()), body(exchange.getRequestBody()));
      } catch (RuntimeException | IOException e) {
        ErrorResponse error = RestErrors.of(e);
        if (RestErrors.expected(e)) {
          LOG.debug("Iceberg REST {} {} failed: {}", method, path, error.message());
        } else {
          LOG.warn("Iceberg REST {} {} failed", method, path, e);
        }
        send(exchange, json, error, head);
        return;
      }
      if (response == null) {
        exchange.sendResponseHeaders(204, -1);
      } else {
        send(exchange, json, response, 200, head);
      }
    }
  }

  private static void send(HttpExchange exchange, ObjectMapper json, ErrorResponse error,
      boolean head) throws IOException {
    send(exchange, json, error, error.code(), head);
  }

  private static void send(HttpExchange exchange, ObjectMapper json, RESTResponse response,
      int code, boolean head) throws IOException {
    if (head) {
      // A HEAD response carries no body: the status alone answers "does it exist".
      exchange.sendResponseHeaders(code, -1);
      return;
    }
    byte[] bytes = json.writeValueAsBytes(response);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The raw path's segments, still %-encoded: a namespace's levels are split on %1F later. */
  private static List<String> segments(String rawPath) {
    String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return List.of(trimmed.split("/", -1));
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return parameters;
  }

  private static String body(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  /** Stops accepting requests, lets those in progress finish (a second at most), and stops. */
  @Override
  public void close() {
    http.stop(STOP_DELAY_SECONDS);
    threads.shutdown();
    try {
      threads.awaitTermination(STOP_DELAY_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Every route but the config route itself, which clients call before they know any. */
  private static List<Endpoint> endpoints() {
    return Arrays.stream(RestRoute.values()).filter(route -> route != RestRoute.CONFIG)
        .map(RestRoute::endpoint).toList();
  }
}
