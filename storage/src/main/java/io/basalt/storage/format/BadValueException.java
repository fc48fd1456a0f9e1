package io.basalt.storage.format;

/**
 * A value a reader cannot turn into its column's type; the reader adds the file, line and column
 * and rethrows it as a {@link io.basalt.storage.StorageException}. No stack trace: it is data,
 * not a bug.
 */
final class BadValueException extends RuntimeException {
  private final String sqlState;

  BadValueException(String sqlState, String message) {
    super(message, null, false, false);
    this.sqlState = sqlState;
  }

  /** 22P04: the text is not a value of the type. */
  static BadValueException invalid(String message) {
    return new BadValueException("22P04", message);
  }

  /** 22003: a number beyond the type's range. */
  static BadValueException outOfRange(String message) {
    return new BadValueException("22003", message);
  }

  String sqlState() {
    return sqlState;
  }
}
