package io.basalt.tpch;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of one TPC-H query: its row count, verdict, elapsed time and, unless correct, a
 * message that starts with the query's name.
 */
record QueryResult(int query, long rows, Verdict verdict, long millis, String message) {
  QueryResult {
    requireNonNull(verdict, "verdict is null");
    requireNonNull(message, "message is null");
  }

  /** How a query's result compared with its reference answer. */
  enum Verdict {
    /** The result matches the reference answer. */
    CORRECT,
    /** The result differs from the reference answer. */
    WRONG,
    /** The query failed with an error. */
    FAILED,
    /** The kit has no answer for this scale factor, so the result was not checked. */
    UNCHECKED
  }

  /** Returns the query's name as the kit's files spell it: {@code Q01}. */
  String name() {
    return name(query);
  }

  static String name(int query) {
    return String.format("Q%02d", query);
  }
}
