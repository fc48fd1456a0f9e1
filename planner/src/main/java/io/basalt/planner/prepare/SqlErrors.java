package io.basalt.planner.prepare;

import io.basalt.storage.StorageException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    return syntaxError(e, null);
  }

  /**
   * A syntax error as Redshift words it, {@code syntax error at or near "selec"}, with the
   * position, then the parser's own explanation.
   */
  static StorageException syntaxError(SqlParseException e, String sql) {
    SqlParserPos pos = e.getPos();
    String detail = firstLine(e.getMessage());
    String near;
    if (detail.contains("\"<EOF>\"")) {
      near = " at end of input";
    } else {
      String token = sql == null || pos == null ? null : tokenAt(sql, pos);
      near = token == null ? "" : " at or near \"" + token + "\"";
    }
    String where = pos == null ? ""
        : " at line " + pos.getLineNum() + ", column " + pos.getColumnNum();
    return new StorageException("42601", "syntax error" + near + where + ": " + detail, e);
  }

  /** The word or symbol that starts at a position of the statement. */
  private static String tokenAt(String sql, SqlParserPos pos) {
    String[] lines = sql.split("\n", -1);
    if (pos.getLineNum() < 1 || pos.getLineNum() > lines.length) {
      return null;
    }
    String line = lines[pos.getLineNum() - 1];
    int start = pos.getColumnNum() - 1;
    if (start < 0 || start >= line.length()) {
      return null;
    }
    int end = start;
    if (Character.isLetterOrDigit(line.charAt(start)) || line.charAt(start) == '_') {
      while (end < line.length()
          && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
        end++;
      }
    } else {
      end = start + 1;
    }
    return line.substring(start, end);
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
    if (message.contains("more than one value in agg SINGLE_VALUE")) {
      return new SqlError("21000",
          "more than one row returned by a subquery used as an expression");
    }
    if (message.contains("field is out of range") || message.contains("Invalid date")
        || message.contains("Invalid timestamp")) {
      return new SqlError("22008", "date/time field value out of range: " + message);
    }
    if (message.contains("out of range") || message.contains("overflow")) {
      return new SqlError("22003", message);
    }
    return new SqlError("XX000", message);
  }

  private static final Pattern OBJECT_WITHIN =
      Pattern.compile("Object '([^']*)' not found within '([^']*)'.*", Pattern.DOTALL);
  private static final Pattern OBJECT =
      Pattern.compile("(?:Object|Table) '([^']*)' not found.*", Pattern.DOTALL);
  private static final Pattern COLUMN =
      Pattern.compile("Column '([^']*)' not found in (?:any table|table '([^']*)').*",
          Pattern.DOTALL);
  private static final Pattern SELF_REFERENCE = Pattern.compile(
      "The definition of column '([^']*)' depends on itself.*", Pattern.DOTALL);
  private static final Pattern FUNCTION = Pattern.compile(
      "No match found for function signature ([^(]*)\\((.*)\\).*", Pattern.DOTALL);

  /**
   * Rewords Calcite's validation errors as PostgreSQL and Redshift word them, keeping the
   * position: {@code relation "x" does not exist}, {@code column "c" does not exist}.
   */
  private static SqlError validationError(CalciteContextException e) {
    String cause = e.getCause() != null && e.getCause().getMessage() != null
        ? e.getCause().getMessage() : String.valueOf(e.getMessage());
    String position = " (line " + e.getPosLine() + ", column " + e.getPosColumn() + ")";
    Matcher matcher;
    if ((matcher = OBJECT_WITHIN.matcher(cause)).matches()) {
      return new SqlError("42P01", "relation \"" + matcher.group(2) + "." + matcher.group(1)
          + "\" does not exist" + position);
    }
    if ((matcher = OBJECT.matcher(cause)).matches()) {
      return new SqlError("42P01", "relation \"" + matcher.group(1) + "\" does not exist"
          + position);
    }
    if ((matcher = COLUMN.matcher(cause)).matches()) {
      String table = matcher.group(2) == null ? "" : " of relation \"" + matcher.group(2) + "\"";
      return new SqlError("42703", "column \"" + matcher.group(1) + "\"" + table
          + " does not exist" + position);
    }
    if ((matcher = SELF_REFERENCE.matcher(cause)).matches()) {
      // Babel conformance looks an unknown column up among the select list's aliases too.
      return new SqlError("42703", "column \"" + matcher.group(1) + "\" does not exist"
          + position);
    }
    if ((matcher = FUNCTION.matcher(cause)).matches()) {
      return new SqlError("42883", "function " + matcher.group(1).toLowerCase(Locale.ROOT) + "("
          + matcher.group(2).replace("<", "").replace(">", "").toLowerCase(Locale.ROOT)
          + ") does not exist" + position);
    }
    String state;
    if (cause.startsWith("Cannot apply") || cause.contains("Cannot assign")
        || cause.contains("cannot be cast") || cause.contains("Illegal mixing")
        || cause.contains("Cannot infer")) {
      state = "42804";
    } else if (cause.contains("is ambiguous")) {
      state = "42702";
    } else if (cause.contains("not being grouped") || cause.contains("GROUP BY")) {
      state = "42803";
    } else {
      state = "42601";
    }
    return new SqlError(state, cause + position);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
