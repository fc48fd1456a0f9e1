package io.basalt.tpch;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** Formats the benchmark's results as the printed table and as CSV. */
final class BenchReport {
  private static final String RULE = "------+--------------+--------------+----------+---------";

  private BenchReport() {}

  /**
   * Returns one line per query (both medians, their ratio, whether both were right), the totals
   * of the medians, the geometric mean of the ratios, the load times and any error messages.
   */
  static String format(
      List<BenchResult> results, OptionalLong basaltLoad, OptionalLong duckdbLoad) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT, "%-5s | %12s | %12s | %8s | %s%n",
            "query", "Basalt ms", "DuckDB ms", "ratio", "correct?"));
    text.append(RULE).append(System.lineSeparator());
    for (BenchResult result : results) {
      text.append(
          String.format(
              Locale.ROOT, "%-5s | %12.1f | %12.1f | %8.2f | %s%n",
              result.name(), result.basaltMillis(), result.duckdbMillis(), result.ratio(),
              correctness(result)));
    }
    text.append(RULE).append(System.lineSeparator());
    double basaltTotal = results.stream().mapToDouble(BenchResult::basaltMillis).sum();
    double duckdbTotal = results.stream().mapToDouble(BenchResult::duckdbMillis).sum();
    long correct =
        results.stream().filter(r -> r.basaltCorrect() && r.duckdbCorrect()).count();
    text.append(
        String.format(
            Locale.ROOT, "%-5s | %12.1f | %12.1f | %8.2f | %d/%d%n",
            "total", basaltTotal, duckdbTotal, basaltTotal / duckdbTotal, correct,
            results.size()));
    text.append(
        String.format(
            Locale.ROOT, "geometric mean of the ratios (Basalt/DuckDB): %.2f%n",
            geometricMean(results)));
    text.append(loads(basaltLoad, duckdbLoad)).append(System.lineSeparator());
    for (BenchResult result : results) {
      for (QueryResult engine : List.of(result.basalt(), result.duckdb())) {
        if (!engine.message().isEmpty()) {
          String label = engine == result.basalt() ? "Basalt " : "DuckDB ";
          text.append(label).append(engine.message()).append(System.lineSeparator());
        }
      }
    }
    return text.toString();
  }

  /** Returns the geometric mean of the per-query ratios, or NaN if there are none. */
  static double geometricMean(List<BenchResult> results) {
    return Math.exp(
        results.stream().mapToDouble(r -> Math.log(r.ratio())).average().orElse(Double.NaN));
  }

  /** Writes {@code query,basalt_ms,duckdb_ms,ratio,basalt_correct,duckdb_correct} rows. */
  static void writeCsv(List<BenchResult> results, Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("query,basalt_ms,duckdb_ms,ratio,basalt_correct,duckdb_correct");
    for (BenchResult result : results) {
      lines.add(
          String.format(
              Locale.ROOT, "%s,%.3f,%.3f,%.4f,%b,%b",
              result.name(), result.basaltMillis(), result.duckdbMillis(), result.ratio(),
              result.basaltCorrect(), result.duckdbCorrect()));
    }
    Files.write(file, lines, UTF_8);
  }

  private static String loads(OptionalLong basaltNanos, OptionalLong duckdbNanos) {
    String basalt = seconds(basaltNanos);
    String duckdb = seconds(duckdbNanos);
    String ratio =
        basaltNanos.isPresent() && duckdbNanos.isPresent()
            ? String.format(
                Locale.ROOT, "%.2f",
                (double) basaltNanos.getAsLong() / duckdbNanos.getAsLong())
            : "n/a (pass --reload to load both)";
    return "load: Basalt " + basalt + ", DuckDB " + duckdb + ", ratio " + ratio;
  }

  private static String seconds(OptionalLong nanos) {
    return nanos.isPresent()
        ? String.format(Locale.ROOT, "%.1f s", nanos.getAsLong() / 1e9)
        : "reused";
  }

  private static String correctness(BenchResult result) {
    List<String> problems = new ArrayList<>();
    if (!result.basaltCorrect()) {
      problems.add("Basalt " + result.basalt().verdict());
    }
    if (!result.duckdbCorrect()) {
      problems.add("DuckDB " + result.duckdb().verdict());
    }
    if (!problems.isEmpty()) {
      return String.join(", ", problems);
    }
    boolean unchecked =
        result.basalt().verdict() == QueryResult.Verdict.UNCHECKED
            || result.duckdb().verdict() == QueryResult.Verdict.UNCHECKED;
    return unchecked ? "unchecked" : "yes";
  }
}
