package io.basalt.tpch;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Formats {@code basalt bench federated}'s results: the table of times, verdicts and rows
 * transferred per query with a total line, the remote SQL of every query with the rows each
 * returned (so a reader can check that no more rows came than its WHERE clause lets through),
 * and the same as CSV.
 */
final class FederatedReport {
  private static final String HEADER = String.format(Locale.ROOT,
      "%-5s | %10s | %-7s | %6s | %12s | %10s | %10s | %8s | %-7s",
      "query", "Basalt ms", "correct", "remote", "rows from PG", "native ms", "PG ms",
      "PG rows", "PG ok");
  private static final String RULE = "------+------------+---------+--------+--------------+"
      + "------------+------------+----------+--------";

  private FederatedReport() {}

  /**
   * The table: per query Basalt's median over the mix, whether its answer was right, how many
   * remote queries it sent and the rows they returned, Basalt's median over its native tables,
   * PostgreSQL's median, row count and verdict running the query alone; then the totals and
   * the messages of wrong or failed answers.
   */
  static String format(List<FederatedResult> results) {
    StringBuilder text = new StringBuilder();
    line(text, HEADER);
    line(text, RULE);
    for (FederatedResult result : results) {
      line(text, String.format(Locale.ROOT,
          "%-5s | %10.1f | %-7s | %6d | %,12d | %10.1f | %10.1f | %,8d | %-7s",
          result.name(), result.basalt().millis(), verdict(result.basalt()),
          result.remote().size(), result.remoteRows(), result.basaltNative().millis(),
          result.postgres().millis(), result.postgres().result().rows(),
          verdict(result.postgres())));
    }
    line(text, RULE);
    line(text, String.format(Locale.ROOT,
        "%-5s | %10.1f | %-7s | %6d | %,12d | %10.1f | %10.1f | %8s | %-7s",
        "total", results.stream().mapToDouble(r -> r.basalt().millis()).sum(),
        count(results, r -> r.basalt().correct()),
        results.stream().mapToInt(r -> r.remote().size()).sum(),
        results.stream().mapToLong(FederatedResult::remoteRows).sum(),
        results.stream().mapToDouble(r -> r.basaltNative().millis()).sum(),
        results.stream().mapToDouble(r -> r.postgres().millis()).sum(), "",
        count(results, r -> r.postgres().correct())));
    for (FederatedResult result : results) {
      message(text, "Basalt", result.basalt());
      message(text, "Basalt native", result.basaltNative());
      message(text, "PostgreSQL", result.postgres());
    }
    return text.toString();
  }

  /** Every query's remote SQL, one line each, with its table and the rows it returned. */
  static String remoteSql(List<FederatedResult> results) {
    StringBuilder text = new StringBuilder();
    for (FederatedResult result : results) {
      if (result.remote().isEmpty()) {
        line(text, result.name() + ": no remote query (reads native tables only)");
        continue;
      }
      line(text, String.format(Locale.ROOT, "%s: %d remote quer%s, %,d rows", result.name(),
          result.remote().size(), result.remote().size() == 1 ? "y" : "ies",
          result.remoteRows()));
      for (FederatedResult.RemoteQuery remote : result.remote()) {
        line(text, String.format(Locale.ROOT, "  %-9s %,9d rows %9.1f ms  %s", remote.table(),
            remote.rows(), remote.micros() / 1e3, remote.sql()));
      }
    }
    return text.toString();
  }

  /** The results as CSV, one line per query, the remote SQL texts joined by " ; ". */
  static void writeCsv(List<FederatedResult> results, Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("query,basalt_ms,basalt_correct,remote_queries,remote_rows,native_ms,"
        + "postgres_ms,postgres_rows,postgres_correct,remote_sql");
    for (FederatedResult result : results) {
      List<String> sql = result.remote().stream().map(FederatedResult.RemoteQuery::sql).toList();
      lines.add(String.format(Locale.ROOT, "%s,%.3f,%s,%d,%d,%.3f,%.3f,%d,%s,\"%s\"",
          result.name(), result.basalt().millis(), result.basalt().correct(),
          result.remote().size(), result.remoteRows(), result.basaltNative().millis(),
          result.postgres().millis(), result.postgres().result().rows(),
          result.postgres().correct(), String.join(" ; ", sql).replace("\"", "\"\"")));
    }
    Files.write(file, lines, UTF_8);
  }

  private static String verdict(FederatedResult.Run run) {
    return switch (run.result().verdict()) {
      case CORRECT -> "yes";
      case WRONG -> "WRONG";
      case FAILED -> "FAILED";
      case UNCHECKED -> "?";
    };
  }

  private static String count(List<FederatedResult> results,
      java.util.function.Predicate<FederatedResult> correct) {
    return results.stream().filter(correct).count() + "/" + results.size();
  }

  private static void message(StringBuilder text, String engine, FederatedResult.Run run) {
    if (!run.result().message().isEmpty() && !run.correct()) {
      line(text, engine + " " + run.result().message());
    }
  }

  private static void line(StringBuilder text, String line) {
    text.append(line).append(System.lineSeparator());
  }
}
