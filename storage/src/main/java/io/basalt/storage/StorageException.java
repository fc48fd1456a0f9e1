package io.basalt.storage;

import static java.util.Objects.requireNonNull;

/**
 * A storage error a user can act on, with the SQLSTATE the server reports for it
 * (e.g. 42P01 undefined table, 42P07 duplicate table, 3F000 undefined schema, 22001 string too
 * long, 22003 numeric out of range, 23502 not-null violation, 58030 I/O error).
 */
public class StorageException extends RuntimeException {
  private final String sqlState;

  public StorageException(String sqlState, String message) {
    super(message);
    this.sqlState = requireNonNull(sqlState, "sqlState is null");
  }

  public StorageException(String sqlState, String message, Throwable cause) {
    super(message, cause);
    this.sqlState = requireNonNull(sqlState, "sqlState is null");
  }

  public String sqlState() {
    return sqlState;
  }
}
