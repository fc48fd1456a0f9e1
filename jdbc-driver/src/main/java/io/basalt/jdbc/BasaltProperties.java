package io.basalt.jdbc;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** Names and defaults of connection properties, and how they split between client and server. */
final class BasaltProperties {

  static final String USER = "user";
  static final String PASSWORD = "password";
  static final String DATABASE = "database";

  /** Avatica's HTTP connect timeout, in milliseconds. */
  static final String CONNECT_TIMEOUT = "http_connection_timeout";
  /** Avatica's HTTP response timeout, in milliseconds; 0 disables it. */
  static final String RESPONSE_TIMEOUT = "http_response_timeout";

  /** {@code true}: speak HTTPS, checking the server's certificate and host name. */
  static final String SSL = "ssl";
  /** Avatica's names for the trusted certificates (a JKS or PKCS12 file) and its password. */
  static final String TRUSTSTORE = "truststore";
  static final String TRUSTSTORE_PASSWORD = "truststore_password";
  /** Where the truststore's password comes from when the properties give none. */
  static final String TRUSTSTORE_PASSWORD_VARIABLE = "BASALT_TRUSTSTORE_PASSWORD";
  /** Avatica's {@code STRICT} (default) or {@code NONE}. */
  static final String HOSTNAME_VERIFICATION = "hostname_verification";

  static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;
  /**
   * Avatica's default of three minutes would abort long warehouse queries on the client while the
   * server keeps running them; like PostgreSQL's driver, wait for as long as the query runs.
   */
  static final long DEFAULT_RESPONSE_TIMEOUT_MILLIS = 0;

  private static final String AVATICA_URL = "url";
  private static final String AVATICA_SERIALIZATION = "serialization";
  private static final String AVATICA_HTTP_CLIENT_FACTORY = "httpclient_factory";

  /**
   * Settings of the client's transport, meaningless to the server and therefore not sent; the
   * TLS ones include passwords that are none of the server's business.
   */
  private static final Set<String> CLIENT_ONLY =
      Set.of(AVATICA_URL, AVATICA_SERIALIZATION, AVATICA_HTTP_CLIENT_FACTORY, SSL, TRUSTSTORE,
          TRUSTSTORE_PASSWORD, HOSTNAME_VERIFICATION, "keystore", "keystore_password",
          "key_password", "keystore_type");

  private BasaltProperties() {}

  /**
   * Returns the properties the Avatica client connection is created with: the caller's, then the
   * URL's query parameters (which win), the URL's database, and the transport settings.
   */
  static Properties forClient(BasaltUrl url, Properties info) throws SQLException {
    Properties properties = new Properties();
    if (info != null) {
      for (String name : info.stringPropertyNames()) {
        properties.setProperty(name, info.getProperty(name));
      }
    }
    url.properties().forEach(properties::setProperty);
    if (properties.getProperty(TRUSTSTORE) != null
        && properties.getProperty(TRUSTSTORE_PASSWORD) == null) {
      // Lets tools that take only a URL (sqlline) keep the password out of it.
      String fromEnvironment = System.getenv(TRUSTSTORE_PASSWORD_VARIABLE);
      properties.setProperty(TRUSTSTORE_PASSWORD, fromEnvironment == null ? "" : fromEnvironment);
    }
    properties.setProperty(DATABASE, url.database());
    properties.setProperty(AVATICA_URL, url.httpAddress(ssl(properties)));
    properties.setProperty(AVATICA_SERIALIZATION, "PROTOBUF");
    properties.setProperty(AVATICA_HTTP_CLIENT_FACTORY, BasaltHttpClientFactory.class.getName());
    properties.putIfAbsent(CONNECT_TIMEOUT, Long.toString(DEFAULT_CONNECT_TIMEOUT_MILLIS));
    properties.putIfAbsent(RESPONSE_TIMEOUT, Long.toString(DEFAULT_RESPONSE_TIMEOUT_MILLIS));
    return properties;
  }

  /** Whether the connection uses TLS: {@code ssl=true}; absent or {@code false} means no. */
  static boolean ssl(Properties properties) throws SQLException {
    String value = properties.getProperty(SSL, "false").trim();
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new SQLException("Cannot connect: property '" + SSL + "' is '" + value
        + "' (expected true or false)", BasaltUrl.SQLSTATE_CANNOT_CONNECT);
  }

  /** Returns the properties sent to the server in Avatica's OpenConnectionRequest. */
  static Map<String, String> forServer(Properties clientProperties) {
    Map<String, String> sent = new LinkedHashMap<>();
    for (String name : clientProperties.stringPropertyNames()) {
      if (!CLIENT_ONLY.contains(name)) {
        sent.put(name, clientProperties.getProperty(name));
      }
    }
    return sent;
  }
}
