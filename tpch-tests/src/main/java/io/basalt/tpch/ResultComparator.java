package io.basalt.tpch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * Compares a query result with a TPC-H reference answer: the same number of rows in the same
 * order; numbers equal within 0.01 absolute or 1e-6 relative; everything else equal as trimmed
 * text; NULL only where the answer has an empty cell.
 */
final class ResultComparator {
  private static final BigDecimal ABSOLUTE_TOLERANCE = new BigDecimal("0.01");
  private static final BigDecimal RELATIVE_TOLERANCE = new BigDecimal("1e-6");

  private ResultComparator() {}

  /**
   * Returns empty if {@code actual} matches {@code expected}, else a message naming the query,
   * the first differing row (1-based) and column, and both values.
   */
  static Optional<String> compare(String query, AnswerFile expected, ResultTable actual) {
    if (actual.columns().size() != expected.columns().size()) {
      return Optional.of(
          String.format(
              "%s: expected %d columns %s, got %d columns %s",
              query,
              expected.columns().size(),
              expected.columns(),
              actual.columns().size(),
              actual.columns()));
    }
    int expectedRows = expected.rows().size();
    int actualRows = actual.rows().size();
    String counts =
        expectedRows == actualRows
            ? query + ": "
            : String.format("%s: expected %d rows, got %d; ", query, expectedRows, actualRows);
    for (int row = 0; row < Math.min(expectedRows, actualRows); row++) {
      List<String> expectedRow = expected.rows().get(row);
      List<Object> actualRow = actual.rows().get(row);
      for (int column = 0; column < expectedRow.size(); column++) {
        String expectedValue = expectedRow.get(column);
        Object actualValue = actualRow.get(column);
        if (!matches(expectedValue, actualValue)) {
          return Optional.of(
              String.format(
                  "%srow %d, column %d (%s): expected %s, got %s",
                  counts,
                  row + 1,
                  column + 1,
                  expected.columns().get(column),
                  expectedValue == null ? "NULL" : "'" + expectedValue + "'",
                  actualValue == null ? "NULL" : "'" + format(actualValue) + "'"));
        }
      }
    }
    if (expectedRows > actualRows) {
      return Optional.of(
          String.format(
              "%smissing row %d: %s",
              counts,
              actualRows + 1,
              String.join("|", nullsAsEmpty(expected.rows().get(actualRows)))));
    }
    if (actualRows > expectedRows) {
      return Optional.of(
          String.format(
              "%sunexpected row %d: %s",
              counts,
              expectedRows + 1,
              actual.rows().get(expectedRows)));
    }
    return Optional.empty();
  }

  private static boolean matches(String expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == null && actual == null;
    }
    Optional<BigDecimal> expectedNumber = number(expected);
    Optional<BigDecimal> actualNumber = number(actual);
    if (expectedNumber.isPresent() && actualNumber.isPresent()) {
      return close(expectedNumber.get(), actualNumber.get());
    }
    return expected.trim().equals(format(actual).trim());
  }

  private static boolean close(BigDecimal expected, BigDecimal actual) {
    BigDecimal difference = expected.subtract(actual).abs();
    return difference.compareTo(ABSOLUTE_TOLERANCE) <= 0
        || difference.compareTo(
                RELATIVE_TOLERANCE.multiply(expected.abs(), MathContext.DECIMAL64))
            <= 0;
  }

  private static Optional<BigDecimal> number(Object value) {
    if (value instanceof BigDecimal decimal) {
      return Optional.of(decimal);
    }
    if (value instanceof Double approximate) {
      return approximate.isNaN() || approximate.isInfinite()
          ? Optional.empty()
          : Optional.of(BigDecimal.valueOf(approximate));
    }
    if (value instanceof Number number) {
      return number(number.toString());
    }
    String text = value.toString().trim();
    // Only plain decimal notation: a string such as "1e5" or "Infinity" is text in an answer.
    if (!text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)")) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(text));
  }

  private static String format(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value.toString();
  }

  private static List<String> nullsAsEmpty(List<String> row) {
    return row.stream().map(cell -> cell == null ? "" : cell).toList();
  }
}
