package io.basalt.jdbc;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.Service;

/**
 * The Basalt JDBC driver, answering {@code jdbc:basalt://HOST:PORT/DATABASE} URLs.
 *
 * <p>Built on Avatica's remote driver (protobuf over HTTP); see {@link io.basalt.jdbc} for what
 * it sends to the server.
 */
public class Driver extends org.apache.calcite.avatica.remote.Driver {

  /** SQLSTATE for "the server rejected the establishment of the connection". */
  private static final String SQLSTATE_REJECTED = "08004";

  private static final Pattern CONNECT_FAILED =
      Pattern.compile("^Connect to \\S+ (\\[[^]]*] )?failed: ");

  static {
    new Driver().register();
  }

  /** Creates a driver; JDBC code normally goes through {@link java.sql.DriverManager} instead. */
  public Driver() {
    super();
  }

  @Override
  protected String getConnectStringPrefix() {
    return BasaltUrl.PREFIX;
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return BasaltVersion.load().toDriverVersion();
  }

  @Override
  protected AvaticaFactory createFactory() {
    return new BasaltJdbcFactory();
  }

  /** Avatica's remote metadata, reusing server statements ({@link StatementReuse}). */
  @Override
  public Meta createMeta(AvaticaConnection connection) {
    return StatementReuse.wrap(super.createMeta(connection));
  }

  /**
   * Opens a connection; unlike Avatica's driver, reports an unreachable server as an
   * {@link SQLException} with SQLSTATE 08001, and a refused login with the server's SQLSTATE
   * (08004 if it gave none).
   */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    BasaltUrl parsed = BasaltUrl.parse(url);
    Properties properties = BasaltProperties.forClient(parsed, info);
    AvaticaConnection connection = factory.newConnection(this, factory, url, properties);
    handler.onConnectionInit(connection);
    Map<String, String> serverProperties = BasaltProperties.forServer(properties);
    try {
      connection.getService().apply(
          new Service.OpenConnectionRequest(connection.id, serverProperties));
    } catch (AvaticaClientRuntimeException e) {
      // The server answered and refused, e.g. a wrong password: keep its SQLSTATE and message.
      String state = e.getSqlState();
      String user = serverProperties.getOrDefault(BasaltProperties.USER, "");
      throw new SQLException(
          "Cannot connect to Basalt at " + parsed.hostPort() + " as user '" + user + "': "
              + ServerErrors.serverMessage(e),
          state == null || state.isEmpty() || state.equals("00000") ? SQLSTATE_REJECTED : state,
          e.getErrorCode(),
          e);
    } catch (RuntimeException e) {
      throw new SQLException(
          "Cannot connect to Basalt at " + parsed.hostPort() + ": "
              + describe(e, BasaltProperties.ssl(properties)),
          BasaltUrl.SQLSTATE_CANNOT_CONNECT,
          e);
    }
    return connection;
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Properties given = info == null ? new Properties() : info;
    String database = given.getProperty(BasaltProperties.DATABASE);
    try {
      if (BasaltUrl.isBasaltUrl(url)) {
        database = BasaltUrl.parse(url).database();
      }
    } catch (SQLException e) {
      // Tools ask with half-typed or template URLs; describe the properties anyway.
    }
    return new DriverPropertyInfo[] {
      property(BasaltProperties.USER, given.getProperty(BasaltProperties.USER), true,
          "Database user name, e.g. admin"),
      property(BasaltProperties.PASSWORD, given.getProperty(BasaltProperties.PASSWORD), true,
          "Password of the user"),
      property(BasaltProperties.DATABASE, database, false,
          "Database name; the URL's path sets it too (default " + BasaltUrl.DEFAULT_DATABASE + ")"),
      property(BasaltProperties.CONNECT_TIMEOUT,
          given.getProperty(BasaltProperties.CONNECT_TIMEOUT), false,
          "Milliseconds to wait for the TCP connection (default "
              + BasaltProperties.DEFAULT_CONNECT_TIMEOUT_MILLIS + ")"),
      property(BasaltProperties.RESPONSE_TIMEOUT,
          given.getProperty(BasaltProperties.RESPONSE_TIMEOUT), false,
          "Milliseconds to wait for each server response; 0 waits for ever (default 0)"),
    };
  }

  private static DriverPropertyInfo property(
      String name, String value, boolean required, String description) {
    DriverPropertyInfo property = new DriverPropertyInfo(name, value);
    property.required = required;
    property.description = description;
    return property;
  }

  /** Turns a transport failure, usually wrapped several times, into a short reason. */
  /** Whether the handshake failed because no trusted certificate path leads to the server's. */
  private static boolean isUntrusted(Throwable ssl) {
    for (Throwable cause = ssl; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.security.cert.CertificateException
          || cause instanceof java.security.cert.CertPathValidatorException
          || cause.getClass().getSimpleName().equals("SunCertPathBuilderException")) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static String describe(Throwable failure, boolean ssl) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      if (root instanceof UnknownHostException) {
        return "unknown host (" + root.getMessage() + ")";
      }
      if (root instanceof SSLPeerUnverifiedException) {
        return "the server's TLS certificate does not match the host name: "
            + root.getMessage() + " (connect by a name the certificate lists)";
      }
      if (root instanceof SSLException) {
        return "TLS handshake failed: " + root.getMessage() + (isUntrusted(root)
            ? " (the server's certificate is not trusted: name a truststore that holds it with"
                + " the truststore and truststore_password properties)"
            : " (does the server have TLS on?)");
      }
    }
    if (!ssl && root.getClass().getSimpleName().equals("NoHttpResponseException")) {
      // A TLS-only server closes a plain HTTP connection without answering.
      return root.getMessage() + " (the server may require TLS: add ssl=true to the URL)";
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      return root.getClass().getSimpleName();
    }
    if (root instanceof ConnectException) {
      // HttpClient says "Connect to http://h:p [/addr] failed: Connection refused"; the caller
      // already names the address.
      return CONNECT_FAILED.matcher(message).replaceFirst("") + " (is the server running?)";
    }
    return message;
  }
}
