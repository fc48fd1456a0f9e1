package io.basalt.planner.prepare;

import io.basalt.storage.StorageException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns the exceptions that planning and execution throw into a SQLSTATE and a message that names
 * the offending object and position, the way the server reports them.
 */
public final class SqlErrors {
  private SqlErrors() {}

  /** A user-facing error: SQLSTATE and message. */
  public record SqlError(String sqlState, String message) {}

  static StorageException syntaxError(SqlParseException e) {
    SqlParserPos pos = e.getPos();
    String detail = firstLine(e.getMessage());
    String where = pos == null ? "" : " at line " + pos.getLineNum() + ", column " + pos.getColumnNum();
    return new StorageException("42601", "syntax error" + where + ": " + detail, e);
  }

  /** Classifies any throwable from planning or execution. */
  public static SqlError classify(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof StorageException storage) {
        return new SqlError(storage.sqlState(), storage.getMessage());
      }
      if (t instanceof SqlParseException parse) {
        StorageException syntax = syntaxError(parse);
        return new SqlError(syntax.sqlState(), syntax.getMessage());
      }
      if (t instanceof CalciteContextException context) {
        return validationError(context);
      }
      if (t instanceof ArithmeticException arithmetic) {
        String message = String.valueOf(arithmetic.getMessage());
        return message.contains("by zero")
            ? new SqlError("22012", "division by zero")
            : new SqlError("22003", "numeric value out of range: " + message);
      }
      if (t instanceof NumberFormatException number) {
        return new SqlError("22P02", "invalid input syntax for a number: " + number.getMessage());
      }
      if (t instanceof OutOfMemoryError) {
        return new SqlError("53200", "Query exceeded the server's memory");
      }
    }
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.toString() : root.getMessage();
    if (message.contains("out of range") || message.contains("overflow")) {
      return new SqlError("22003", message);
    }
    return new SqlError("XX000", message);
  }

  private static SqlError validationError(CalciteContextException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    String cause = e.getCause() == null || e.getCause().getMessage() == null
        ? message : e.getCause().getMessage();
    String position = "line " + e.getPosLine() + ", column " + e.getPosColumn();
    String state;
    if (cause.startsWith("Object '") && cause.contains("not found")) {
      // Calcite names unknown tables and schemas alike; Redshift reports both as relations.
      state = "42P01";
    } else if (cause.startsWith("Column '") || cause.contains("not found in any table")
        || cause.contains("not found in table")) {
      state = "42703";
    } else if (cause.contains("No match found for function signature")) {
      state = "42883";
    } else if (cause.startsWith("Cannot apply") || cause.contains("Cannot assign")
        || cause.contains("cannot be cast") || cause.contains("Illegal mixing")) {
      state = "42804";
    } else if (cause.contains("is ambiguous")) {
      state = "42702";
    } else if (cause.contains("must appear in the GROUP BY") || cause.contains("not being grouped")) {
      state = "42803";
    } else {
      state = "42000";
    }
    return new SqlError(state, cause + " (" + position + ")");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
