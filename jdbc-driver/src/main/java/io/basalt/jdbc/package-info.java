/**
 * The Basalt JDBC driver: {@link io.basalt.jdbc.Driver}, a thin layer over Avatica's remote client.
 *
 * <h2>URL</h2>
 * {@code jdbc:basalt://HOST[:PORT][/DATABASE][?name=value&...]}; the port defaults to 5439 and
 * the database to {@code dev}. IPv6 hosts are written in brackets. Query parameters are
 * %-decoded connection properties and override those passed in {@code Properties}. A malformed
 * URL, an unreachable server or a refused login is an {@code SQLException} with SQLSTATE 08001
 * (a login the server refuses keeps the server's SQLSTATE, or 08004 if it gave none).
 *
 * <h2>TLS</h2>
 * {@code ssl=true} (a URL parameter or property) speaks HTTPS to the same host and port. The
 * server's certificate is checked against the JVM's default authorities, or against the JKS or
 * PKCS12 file named by {@code truststore} (password {@code truststore_password}, else the
 * environment variable {@code BASALT_TRUSTSTORE_PASSWORD}), and its host name against the URL's
 * host ({@code hostname_verification=NONE} turns that check off). A failed handshake is an
 * {@code SQLException} with SQLSTATE 08001 saying why. These settings, like {@code url}, are not
 * sent to the server.
 *
 * <h2>What the server receives</h2>
 * The driver speaks Avatica's protocol, protobuf serialization, over HTTP POSTs to
 * {@code http://HOST:PORT/}. Avatica's {@code OpenConnectionRequest} carries, in its
 * {@code info} map:
 * <ul>
 *   <li>{@code user} and {@code password}, as given (absent if the client gave none);
 *   <li>{@code database}, always present: the URL's path, else the {@code database} property,
 *       else {@code dev};
 *   <li>every other property the client gave, including Avatica's client settings
 *       {@code http_connection_timeout} and {@code http_response_timeout} (the driver defaults
 *       them to 10000 and 0); only {@code url}, {@code serialization} and the TLS settings are
 *       withheld.
 * </ul>
 *
 * <h2>Errors</h2>
 * When the server answers a request with Avatica's {@code ErrorResponse}, the JDBC caller gets an
 * {@code SQLException} whose message is the response's {@code errorMessage} exactly, with the
 * response's SQLSTATE and error code (Avatica's own wrapping, {@code Error 0 (42P01) : Error
 * while executing SQL "...": Remote driver error: ...}, is removed for statements and prepares).
 * Avatica's server copies message and SQLSTATE verbatim only from an
 * {@code org.apache.calcite.avatica.remote.AvaticaRuntimeException} thrown by the {@code Meta};
 * any other exception arrives as SQLSTATE 00000 with a chain of class names in the message.
 *
 * <h2>Cancel</h2>
 * {@code Statement.cancel()} (plain and prepared) first sends
 * <pre>
 * POST http://HOST:PORT/basalt/cancel?connection=CONNECTION_ID&amp;statement=STATEMENT_ID
 * Content-Length: 0
 * </pre>
 * where {@code CONNECTION_ID} is the Avatica connection id (a UUID, URL-encoded) and
 * {@code STATEMENT_ID} the decimal Avatica statement id, both as in the statement's
 * {@code StatementHandle}. The parameters are in the query string only; the body is empty. The
 * driver waits at most 2 s to connect and 5 s for the answer, ignores the status and body, and
 * never throws because of this request; it then performs Avatica's own client-side cancel. The
 * server should stop the statement's running query, make the pending execute or fetch fail with
 * SQLSTATE 57014 ("canceling statement due to user request", as PostgreSQL does), and answer
 * 200 whether or not a query was running (404 for an unknown connection is also fine).
 *
 * <h2>Packaging</h2>
 * The released jar is shaded: Avatica, protobuf, Jackson, Apache HttpClient 5, jOOU and SLF4J
 * (with a no-op provider) live under {@code io.basalt.jdbc.shaded}, so the jar can sit next to
 * any other version of them, e.g. in DBeaver.
 */
package io.basalt.jdbc;
