package io.basalt.jdbc;

import java.io.IOException;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaSqlException;

/**
 * Gives server errors their own message back.
 *
 * <p>Avatica's client wraps the server's message as {@code Error 0 (42P01) : Error while
 * executing SQL "...": Remote driver error: <message>}; DBeaver and sqlline show that whole
 * string. The cleaned exception keeps the server's SQLSTATE and error code, and Avatica's
 * exception as its cause.
 */
final class ServerErrors {

  /** What Avatica's {@code ErrorResponse.toException} puts before the server's message. */
  static final String AVATICA_ERROR_PREFIX = "Remote driver error: ";

  /** SQLSTATE for a connection that broke after it was established. */
  static final String SQLSTATE_CONNECTION_FAILURE = "08006";

  private ServerErrors() {}

  /** Returns the server's own message from a client-side wrapper of a server error. */
  static String serverMessage(AvaticaClientRuntimeException e) {
    return strip(String.valueOf(e.getMessage()));
  }

  /** Turns a server error caught below JDBC into the exception JDBC callers see. */
  static SQLException toSqlException(AvaticaClientRuntimeException e) {
    return new SQLException(serverMessage(e), e.getSqlState(), e.getErrorCode(), e);
  }

  /**
   * Returns {@code e} with the server's own message; or, if the server could not be reached, an
   * exception with SQLSTATE 08006 saying so; or else {@code e} itself.
   */
  static SQLException clean(SQLException e) {
    if (!(e instanceof AvaticaSqlException avatica)) {
      IOException transport = transportFailure(e);
      return transport == null
          ? e
          : new SQLException("Lost the connection to the Basalt server: " + transport.getMessage(),
              SQLSTATE_CONNECTION_FAILURE, e);
    }
    String message = avatica.getErrorMessage();
    if (message == null || !message.contains(AVATICA_ERROR_PREFIX)) {
      return e;
    }
    return new SQLException(strip(message), e.getSQLState(), e.getErrorCode(), e);
  }

  /** Returns the I/O failure under an exception that Avatica raised without a SQLSTATE. */
  private static IOException transportFailure(SQLException e) {
    if (e.getSQLState() != null) {
      return null;
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  private static String strip(String message) {
    int marker = message.indexOf(AVATICA_ERROR_PREFIX);
    return marker < 0 ? message : message.substring(marker + AVATICA_ERROR_PREFIX.length());
  }
}
