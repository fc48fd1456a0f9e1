package io.basalt.jdbc;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.Meta;

/**
 * Sends the server-side cancel request described in {@link io.basalt.jdbc}.
 *
 * <p>Best effort by design: {@code Statement.cancel()} must not fail or hang because the server
 * is slow, gone, or has already finished the query.
 */
final class ServerCancel {

  static final String PATH = "/basalt/cancel";
  static final int CONNECT_TIMEOUT_MILLIS = 2_000;
  static final int READ_TIMEOUT_MILLIS = 5_000;

  private ServerCancel() {}

  /** Asks the server behind {@code connection} to stop the query of {@code statement}. */
  static void request(AvaticaConnection connection, Meta.StatementHandle statement) {
    if (statement == null) {
      return;
    }
    String connectionId = statement.connectionId != null ? statement.connectionId : connection.id;
    post(cancelUri(connection.config().url(), connectionId, statement.id));
  }

  /** Returns the cancel address for the Avatica endpoint {@code baseUrl}. */
  static URI cancelUri(String baseUrl, String connectionId, int statementId) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return URI.create(base + PATH
        + "?connection=" + URLEncoder.encode(connectionId, StandardCharsets.UTF_8)
        + "&statement=" + statementId);
  }

  /** POSTs to {@code uri} with an empty body, ignoring the answer and any failure. */
  static void post(URI uri) {
    HttpURLConnection http = null;
    try {
      http = (HttpURLConnection) uri.toURL().openConnection();
      http.setRequestMethod("POST");
      http.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
      http.setReadTimeout(READ_TIMEOUT_MILLIS);
      http.setUseCaches(false);
      http.setDoOutput(true);
      http.setFixedLengthStreamingMode(0);
      http.getOutputStream().close();
      // The answer does not matter, but waiting for it tells the caller the server has the request.
      http.getResponseCode();
    } catch (IOException | RuntimeException e) {
      // Best effort (see the class comment): the client-side cancel still happens.
    } finally {
      if (http != null) {
        http.disconnect();
      }
    }
  }
}
