package io.basalt.federation.remote;

import io.basalt.storage.StorageException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns a remote database's failures into Basalt errors that name the federated schema: an
 * unreachable source is 08001 naming the host, a refused login is 28000 (the remote's 28xxx
 * state), any other remote failure keeps the remote SQLSTATE and message. No message carries
 * the password: it is cut out of whatever the driver said.
 */
final class RemoteErrors {
  private RemoteErrors() {}

  /** The error for failing to get a connection to {@code source}. */
  static StorageException connecting(RemoteSource source, SQLException failure) {
    SQLException remote = remoteCause(failure);
    String state = remote == null ? null : remote.getSQLState();
    String reason = source.scrub(remote == null ? describe(failure) : remote.getMessage());
    if (state != null && state.startsWith("28")) {
      return new StorageException("28000", "Cannot log in to remote schema '" + source.name()
          + "' at " + source.address() + " as user '" + source.user() + "': " + reason);
    }
    if (state != null && !state.startsWith("08") && !(failure
        instanceof SQLTransientConnectionException && remote == failure)) {
      return new StorageException(state, "Cannot connect to remote schema '" + source.name()
          + "' at " + source.address() + ": " + reason);
    }
    return new StorageException("08001", "Cannot connect to remote schema '" + source.name()
        + "' at " + source.address() + ": " + reason);
  }

  /** The error for a failed remote statement: the remote state and message, prefixed. */
  static StorageException query(RemoteSource source, SQLException failure) {
    if (isConnectionLoss(failure)) {
      return new StorageException("08006", "Lost the connection to remote schema '"
          + source.name() + "' at " + source.address() + ": "
          + source.scrub(describe(failure)));
    }
    String state = failure.getSQLState() == null ? "58000" : failure.getSQLState();
    return new StorageException(state, "Remote schema '" + source.name() + "' failed: "
        + source.scrub(failure.getMessage()) + " (SQLSTATE " + state + ")");
  }

  /**
   * Whether the connection is gone: an 08 state, or PostgreSQL's 57P01-57P03, which a backend
   * sends as the server shuts down, crashes or restarts under it.
   */
  private static boolean isConnectionLoss(SQLException failure) {
    String state = failure.getSQLState();
    return state != null && (state.startsWith("08") || state.equals("57P01")
        || state.equals("57P02") || state.equals("57P03"));
  }

  /** The innermost driver exception with a SQLSTATE below the pool's own timeout. */
  private static SQLException remoteCause(SQLException failure) {
    SQLException found = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        found = sql;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return found;
  }

  private static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException
          || t instanceof SocketTimeoutException) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    return String.valueOf(failure.getMessage());
  }
}
