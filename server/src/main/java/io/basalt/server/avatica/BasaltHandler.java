package io.basalt.server.avatica;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.util.List;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Avatica's protobuf endpoint plus {@code POST /basalt/cancel?connection=ID&statement=N}, which
 * the Basalt driver calls from {@code Statement.cancel()}: Avatica's own cancel never reaches the
 * server; it also closes idle sessions periodically.
 */
public final class BasaltHandler extends AvaticaProtobufHandler {
  static final String CANCEL_PATH = "/basalt/cancel";
  /** How often a running request checks that its client is still connected. */
  private static final long CLIENT_CHECK_MILLIS = 500;
  private static final Logger LOG = LoggerFactory.getLogger(BasaltHandler.class);
  /** What a plain HTTP client is told when TLS is required. */
  static final String TLS_REQUIRED = "Cannot connect: the server requires TLS (add ssl=true to"
      + " the JDBC URL, or --ssl to ./basalt sql)";
  private final BasaltMeta meta;
  private final ScheduledExecutorService clientChecks;
  private final boolean requireTls;

  /** Sessions are checked for idleness this often at least (more often for short timeouts). */
  private static final Duration IDLE_CHECK = Duration.ofSeconds(30);

  /**
   * Serves {@code meta}; sessions idle for {@code idleTimeout} are closed (zero: never); with
   * {@code requireTls}, requests that did not come over TLS are refused.
   */
  public BasaltHandler(BasaltMeta meta, Duration idleTimeout, boolean requireTls) {
    super(new LocalService(meta));
    this.meta = meta;
    this.requireTls = requireTls;
    this.clientChecks = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "basalt-client-check");
      thread.setDaemon(true);
      return thread;
    });
    if (!idleTimeout.isZero()) {
      long period = Math.max(100, Math.min(IDLE_CHECK.toMillis(), idleTimeout.toMillis() / 2));
      clientChecks.scheduleWithFixedDelay(meta::closeIdleSessions, period, period,
          TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request,
      HttpServletResponse response) throws IOException, ServletException {
    if (requireTls && !(baseRequest.getHttpChannel().getEndPoint()
        instanceof SslConnection.DecryptedEndPoint)) {
      refusePlain(request, response);
      baseRequest.setHandled(true);
      return;
    }
    if (!CANCEL_PATH.equals(target)) {
      handleWatchingClient(target, baseRequest, request, response);
      return;
    }
    String connection = request.getParameter("connection");
    String statement = request.getParameter("statement");
    boolean canceled = false;
    if (connection != null && statement != null) {
      try {
        canceled = meta.cancel(connection, Integer.parseInt(statement));
      } catch (NumberFormatException e) {
        canceled = false;
      }
    }
    response.setStatus(canceled ? HttpServletResponse.SC_OK : HttpServletResponse.SC_NOT_FOUND);
    response.setContentType("text/plain");
    response.getOutputStream().write((canceled ? "canceled" : "no such statement")
        .getBytes(StandardCharsets.UTF_8));
    baseRequest.setHandled(true);
  }

  /**
   * Answers a plain HTTP request with an Avatica error, which the driver shows as such; merely
   * closing the connection would make Avatica's client retry for ever. The request is not
   * handed to the server, so its password is never checked.
   */
  private static void refusePlain(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    LOG.warn("Refused a plain HTTP request from {}: TLS is required", request.getRemoteAddr());
    byte[] body = new ProtobufTranslationImpl().serializeResponse(new Service.ErrorResponse(
        List.of(), TLS_REQUIRED, 0, "08004", AvaticaSeverity.FATAL, null));
    response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    response.setContentType("application/octet-stream");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * Runs an Avatica request; if its client disconnects meanwhile (its socket reaches end of
   * stream), the statement being executed is canceled so that its resources are freed at once.
   */
  private void handleWatchingClient(String target, Request baseRequest,
      HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    EndPoint endPoint = baseRequest.getHttpChannel().getEndPoint();
    Thread worker = Thread.currentThread();
    ScheduledFuture<?> check = clientChecks.scheduleWithFixedDelay(() -> {
      if (clientGone(endPoint)) {
        meta.cancelRunningOn(worker);
      }
    }, CLIENT_CHECK_MILLIS, CLIENT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
    meta.beginRequest(request.getRemoteAddr());
    try {
      super.handle(target, baseRequest, request, response);
    } finally {
      meta.endRequest();
      check.cancel(false);
    }
  }

  /**
   * Whether the client closed its connection. The request body has been read, and an Avatica
   * client sends nothing more until it gets the response, so a non-blocking read can only see
   * the end of the stream.
   */
  private static boolean clientGone(EndPoint endPoint) {
    if (!endPoint.isOpen()) {
      return true;
    }
    try {
      ByteBuffer probe = BufferUtil.allocate(1);
      return endPoint.fill(probe) < 0;
    } catch (IOException e) {
      return true;
    }
  }

  /** Stops the client checks. */
  public void close() {
    clientChecks.shutdownNow();
  }
}
