package io.basalt.tpch;

import java.util.List;

/** Formats query results as the table that {@code basalt tpch} prints, with totals. */
final class Report {
  private Report() {}

  /** Returns one line per query (query, rows, verdict, milliseconds), totals and any messages. */
  static String format(List<QueryResult> results) {
    StringBuilder text = new StringBuilder();
    text.append(String.format("%-5s | %9s | %-9s | %9s%n", "query", "rows", "correct?", "ms"));
    text.append("------+-----------+-----------+----------").append(System.lineSeparator());
    long totalMillis = 0;
    int correct = 0;
    for (QueryResult result : results) {
      text.append(
          String.format(
              "%-5s | %9d | %-9s | %9d%n",
              result.name(), result.rows(), verdict(result.verdict()), result.millis()));
      totalMillis += result.millis();
      if (result.verdict() == QueryResult.Verdict.CORRECT) {
        correct++;
      }
    }
    text.append("------+-----------+-----------+----------").append(System.lineSeparator());
    text.append(
        String.format(
            "%-5s | %9s | %-9s | %9d%n",
            "total", "", correct + "/" + results.size(), totalMillis));
    for (QueryResult result : results) {
      if (!result.message().isEmpty()) {
        text.append(result.message()).append(System.lineSeparator());
      }
    }
    return text.toString();
  }

  private static String verdict(QueryResult.Verdict verdict) {
    return switch (verdict) {
      case CORRECT -> "yes";
      case WRONG -> "WRONG";
      case FAILED -> "FAILED";
      case UNCHECKED -> "unchecked";
    };
  }
}
