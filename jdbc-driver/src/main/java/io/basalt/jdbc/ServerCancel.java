package io.basalt.jdbc;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.apache.calcite.avatica.ConnectionConfig;
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
    ConnectionConfig config = connection.config();
    post(cancelUri(config.url(), connectionId, statement.id), tlsSocketFactory(config));
  }

  /**
   * The TLS sockets that trust what the connection trusts (its truststore, else the JVM's
   * defaults); null for a plain connection or a truststore that cannot be read.
   */
  private static SSLSocketFactory tlsSocketFactory(ConnectionConfig config) {
    if (!config.url().startsWith("https:") || config.truststore() == null) {
      return null;
    }
    try {
      String password = config.truststorePassword() == null ? "" : config.truststorePassword();
      KeyStore trusted = KeyStore.getInstance(config.truststore(), password.toCharArray());
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException | GeneralSecurityException e) {
      return null;
    }
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
    post(uri, null);
  }

  /** As {@link #post(URI)}, over TLS sockets from {@code tls} when it is given. */
  static void post(URI uri, SSLSocketFactory tls) {
    HttpURLConnection http = null;
    try {
      http = (HttpURLConnection) uri.toURL().openConnection();
      if (tls != null && http instanceof HttpsURLConnection https) {
        https.setSSLSocketFactory(tls);
      }
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
