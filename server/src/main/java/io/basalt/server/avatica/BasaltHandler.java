package io.basalt.server.avatica;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.eclipse.jetty.server.Request;

/**
 * Avatica's protobuf endpoint plus {@code POST /basalt/cancel?connection=ID&statement=N}, which
 * the Basalt driver calls from {@code Statement.cancel()}: Avatica's own cancel never reaches the
 * server.
 */
public final class BasaltHandler extends AvaticaProtobufHandler {
  static final String CANCEL_PATH = "/basalt/cancel";
  private final BasaltMeta meta;

  public BasaltHandler(BasaltMeta meta) {
    super(new LocalService(meta));
    this.meta = meta;
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request,
      HttpServletResponse response) throws IOException, ServletException {
    if (!CANCEL_PATH.equals(target)) {
      super.handle(target, baseRequest, request, response);
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
}
