package io.basalt.planner.sql;

import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Builds parse errors that carry a position, which Calcite's parser reports as-is.
 *
 * <p>Public only for the generated parser, which lives in another package.
 */
public final class ParseErrors {
  private ParseErrors() {}

  /**
   * An error at {@code pos}; the parser turns it into a {@code SqlParseException} with that
   * position and the message of the cause, as for Calcite's own context errors.
   */
  public static CalciteContextException at(SqlParserPos pos, String message) {
    return new CalciteContextException(message, new CalciteException(message, null),
        pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
  }
}
