package io.basalt.jdbc;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed {@code jdbc:basalt://HOST[:PORT][/DATABASE][?name=value&...]} connection URL.
 *
 * @param host host name, IPv4 address or IPv6 address (without brackets)
 * @param port TCP port of the server's HTTP endpoint
 * @param database database name; {@link #DEFAULT_DATABASE} when the URL names none
 * @param properties connection properties given in the URL's query string
 */
record BasaltUrl(String host, int port, String database, Map<String, String> properties) {

  static final String PREFIX = "jdbc:basalt:";
  static final int DEFAULT_PORT = 5439;
  static final String DEFAULT_DATABASE = "dev";

  /** SQLSTATE for "the client cannot establish the connection"; a malformed URL is one cause. */
  static final String SQLSTATE_CANNOT_CONNECT = "08001";

  private static final String EXPECTED = PREFIX + "//HOST:PORT/DATABASE";
  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.%]+");
  private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_$-]+");

  BasaltUrl {
    requireNonNull(host, "host is null");
    requireNonNull(database, "database is null");
    properties = Map.copyOf(properties);
  }

  /** Returns whether the driver should claim {@code url}; it may still be malformed. */
  static boolean isBasaltUrl(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  /**
   * Parses a {@code jdbc:basalt:} URL.
   *
   * @throws SQLException with SQLSTATE 08001 naming the problem, if the URL is malformed
   */
  static BasaltUrl parse(String url) throws SQLException {
    if (!isBasaltUrl(url)) {
      throw invalid(url, "it does not start with " + PREFIX);
    }
    String rest = url.substring(PREFIX.length());
    if (!rest.startsWith("//")) {
      throw invalid(url, "expected '//' after " + PREFIX);
    }
    rest = rest.substring(2);
    Map<String, String> properties = new LinkedHashMap<>();
    int question = rest.indexOf('?');
    if (question >= 0) {
      parseQuery(url, rest.substring(question + 1), properties);
      rest = rest.substring(0, question);
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash + 1);

    String host;
    String portText;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw invalid(url, "missing ']' after the IPv6 address");
      }
      host = authority.substring(1, close);
      String afterHost = authority.substring(close + 1);
      if (!afterHost.isEmpty() && !afterHost.startsWith(":")) {
        throw invalid(url, "unexpected '" + afterHost + "' after the IPv6 address");
      }
      portText = afterHost.isEmpty() ? "" : afterHost.substring(1);
      if (!IPV6.matcher(host).matches()) {
        throw invalid(url, "'" + host + "' is not an IPv6 address");
      }
    } else {
      int colon = authority.indexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      portText = colon < 0 ? "" : authority.substring(colon + 1);
      if (host.isEmpty()) {
        throw invalid(url, "the host is missing");
      }
      if (!HOST_NAME.matcher(host).matches()) {
        throw invalid(url, "'" + host + "' is not a valid host name");
      }
    }
    int port = parsePort(url, portText);

    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String database = path.isEmpty() ? DEFAULT_DATABASE : path;
    if (!DATABASE.matcher(database).matches()) {
      throw invalid(url, "'" + database + "' is not a valid database name");
    }
    return new BasaltUrl(host, port, database, properties);
  }

  /** Returns the base address of the server's Avatica endpoint, e.g. {@code http://h:5439}. */
  String httpAddress() {
    return httpAddress(false);
  }

  /** As {@link #httpAddress()}, with {@code https} when {@code tls}. */
  String httpAddress(boolean tls) {
    return (tls ? "https://" : "http://") + hostPort();
  }

  /** Returns {@code host:port}, bracketing IPv6 addresses, for messages and addresses. */
  String hostPort() {
    String printedHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return printedHost + ":" + port;
  }

  private static int parsePort(String url, String text) throws SQLException {
    if (text.isEmpty()) {
      return DEFAULT_PORT;
    }
    int port;
    try {
      port = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw invalid(url, "port '" + text + "' is not a number");
    }
    if (port < 1 || port > 65535) {
      throw invalid(url, "port " + port + " is out of range 1-65535");
    }
    return port;
  }

  private static void parseQuery(String url, String query, Map<String, String> properties)
      throws SQLException {
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw invalid(url, "parameter '" + pair + "' is not of the form name=value");
      }
      try {
        properties.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw invalid(url, "parameter '" + pair.substring(0, equals) + "' is badly %-encoded");
      }
    }
  }

  private static SQLException invalid(String url, String reason) {
    return new SQLException(
        "Cannot connect: invalid JDBC URL '" + redact(url) + "': " + reason
            + " (expected " + EXPECTED + ")",
        SQLSTATE_CANNOT_CONNECT);
  }

  /** Drops the query string, which may carry a password, from URLs shown in messages. */
  static String redact(String url) {
    if (url == null) {
      return "null";
    }
    int question = url.indexOf('?');
    return question < 0 ? url : url.substring(0, question) + "?...";
  }
}
