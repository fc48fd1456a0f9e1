package io.basalt.tpch;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Formats the benchmark's results as the printed table and as CSV; over external tables both
 * also show the bytes Basalt scanned from the object store.
 */
final class BenchReport {
  private static final String RULE = "------+--------------+--------------+----------+---------";
  private static final String SCANNED_RULE =
      "------+--------------+--------------+----------+------------+---------";

  private BenchReport() {}

  /**
   * Returns one line per query (both medians, their ratio, whether both were right), the totals
   * of the medians, the geometric mean of the ratios, the load times and any error messages.
   */
  static String format(
      List<BenchResult> results, OptionalLong basaltLoad, OptionalLong duckdbLoad) {
    return format(results, loads(basaltLoad, duckdbLoad));
  }

  /**
   * Returns the table of {@link #format(List, OptionalLong, OptionalLong)} with {@code loadLine}
   * under the totals; with a column of the MB scanned from the object store if any result has it.
   */
  static String format(List<BenchResult> results, String loadLine) {
    boolean scanned = results.stream().anyMatch(r -> r.basaltScannedBytes().isPresent());
    String rule = scanned ? SCANNED_RULE : RULE;
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT, "%-5s | %12s | %12s | %8s | %s%s%n",
            "query", "Basalt ms", "DuckDB ms", "ratio",
            scanned ? String.format("%10s | ", "S3 MB") : "",
            "correct?"));
    text.append(rule).append(System.lineSeparator());
    for (BenchResult result : results) {
      text.append(
          String.format(
              Locale.ROOT, "%-5s | %12.1f | %12.1f | %8.2f | %s%s%n",
              result.name(), result.basaltMillis(), result.duckdbMillis(), result.ratio(),
              scanned ? megabytes(result.basaltScannedBytes()) + " | " : "",
              correctness(result)));
    }
    text.append(rule).append(System.lineSeparator());
    double basaltTotal = results.stream().mapToDouble(BenchResult::basaltMillis).sum();
    double duckdbTotal = results.stream().mapToDouble(BenchResult::duckdbMillis).sum();
    long correct =
        results.stream().filter(r -> r.basaltCorrect() && r.duckdbCorrect()).count();
    OptionalLong scannedTotal = results.stream().allMatch(r -> r.basaltScannedBytes().isPresent())
        ? OptionalLong.of(
            results.stream().mapToLong(r -> r.basaltScannedBytes().getAsLong()).sum())
        : OptionalLong.empty();
    text.append(
        String.format(
            Locale.ROOT, "%-5s | %12.1f | %12.1f | %8.2f | %s%d/%d%n",
            "total", basaltTotal, duckdbTotal, basaltTotal / duckdbTotal,
            scanned ? megabytes(scannedTotal) + " | " : "", correct, results.size()));
    text.append(
        String.format(
            Locale.ROOT, "geometric mean of the ratios (Basalt/DuckDB): %.2f%n",
            geometricMean(results)));
    text.append(loadLine).append(System.lineSeparator());
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

  /**
   * Writes {@code query,basalt_ms,duckdb_ms,ratio,basalt_correct,duckdb_correct} rows, plus
   * {@code basalt_s3_scanned_bytes} (empty where unknown) if any result has it.
   */
  static void writeCsv(List<BenchResult> results, Path file) throws IOException {
    boolean scanned = results.stream().anyMatch(r -> r.basaltScannedBytes().isPresent());
    List<String> lines = new ArrayList<>();
    lines.add("query,basalt_ms,duckdb_ms,ratio,basalt_correct,duckdb_correct"
        + (scanned ? ",basalt_s3_scanned_bytes" : ""));
    for (BenchResult result : results) {
      OptionalLong bytes = result.basaltScannedBytes();
      lines.add(
          String.format(
              Locale.ROOT, "%s,%.3f,%.3f,%.4f,%b,%b%s",
              result.name(), result.basaltMillis(), result.duckdbMillis(), result.ratio(),
              result.basaltCorrect(), result.duckdbCorrect(),
              !scanned ? "" : "," + (bytes.isPresent() ? bytes.getAsLong() : "")));
    }
    Files.write(file, lines, UTF_8);
  }

  /** The line comparing both engines' load times ({@code reused} for a load not made). */
  static String loads(OptionalLong basaltNanos, OptionalLong duckdbNanos) {
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

  /** Nanoseconds as seconds, or {@code reused} when empty: {@code 12.3 s}. */
  static String seconds(OptionalLong nanos) {
    return nanos.isPresent()
        ? String.format(Locale.ROOT, "%.1f s", nanos.getAsLong() / 1e9)
        : "reused";
  }

  private static String megabytes(OptionalLong bytes) {
    return bytes.isPresent()
        ? String.format(Locale.ROOT, "%10.1f", bytes.getAsLong() / 1e6)
        : String.format(Locale.ROOT, "%10s", "n/a");
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
