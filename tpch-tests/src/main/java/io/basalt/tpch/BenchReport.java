package io.basalt.tpch;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.basalt.tpch.BenchResult.Baseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.DoubleStream;

/**
 * Formats the benchmark's results as the printed table and as CSV; over external tables both
 * also show the bytes Basalt scanned from the object store, and over Iceberg Basalt's times over
 * the external Parquet tables and the ratio of its Iceberg times to them.
 */
final class BenchReport {
  private static final String RULE = "------+--------------+--------------+----------+";
  private static final String BASELINE_RULE = "--------------+----------+";
  private static final String SCANNED_RULE = "------------+";
  /** The target: Basalt over Iceberg within this factor of Basalt over Parquet. */
  static final double BASELINE_TARGET = 1.2;

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
   * under the totals; with a column of the MB scanned from the object store if any result has
   * it, and with the Parquet baseline's medians, the ratios to them and how they meet
   * {@link #BASELINE_TARGET} if any result has one.
   */
  static String format(List<BenchResult> results, String loadLine) {
    boolean scanned = results.stream().anyMatch(r -> r.basaltScannedBytes().isPresent());
    boolean baseline = results.stream().anyMatch(r -> r.basaltParquet().isPresent());
    String rule = RULE + (baseline ? BASELINE_RULE : "") + (scanned ? SCANNED_RULE : "")
        + "---------";
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT, "%-5s | %12s | %12s | %8s | %s%s%s%n",
            "query", "Basalt ms", "DuckDB ms", "ratio",
            baseline ? String.format("%12s | %8s | ", "Basalt pq ms", "ice/pq") : "",
            scanned ? String.format("%10s | ", "S3 MB") : "",
            "correct?"));
    text.append(rule).append(System.lineSeparator());
    for (BenchResult result : results) {
      text.append(
          String.format(
              Locale.ROOT, "%-5s | %12.1f | %12.1f | %8.2f | %s%s%s%n",
              result.name(), result.basaltMillis(), result.duckdbMillis(), result.ratio(),
              baseline ? baselineCells(result.basaltParquet().map(Baseline::millis),
                  result.baselineRatio()) : "",
              scanned ? megabytes(result.basaltScannedBytes()) + " | " : "",
              correctness(result)));
    }
    text.append(rule).append(System.lineSeparator());
    double basaltTotal = results.stream().mapToDouble(BenchResult::basaltMillis).sum();
    double duckdbTotal = results.stream().mapToDouble(BenchResult::duckdbMillis).sum();
    Optional<Double> baselineTotal = baselineTotal(results);
    long correct = results.stream().filter(BenchResult::allCorrect).count();
    OptionalLong scannedTotal = results.stream().allMatch(r -> r.basaltScannedBytes().isPresent())
        ? OptionalLong.of(
            results.stream().mapToLong(r -> r.basaltScannedBytes().getAsLong()).sum())
        : OptionalLong.empty();
    text.append(
        String.format(
            Locale.ROOT, "%-5s | %12.1f | %12.1f | %8.2f | %s%s%d/%d%n",
            "total", basaltTotal, duckdbTotal, basaltTotal / duckdbTotal,
            baseline ? baselineCells(baselineTotal,
                baselineTotal.map(total -> basaltTotal / total).orElse(Double.NaN)) : "",
            scanned ? megabytes(scannedTotal) + " | " : "", correct, results.size()));
    text.append(
        String.format(
            Locale.ROOT, "geometric mean of the ratios (Basalt/DuckDB): %.2f%n",
            geometricMean(results)));
    if (baseline) {
      text.append(baselineLine(results, baselineTotal.map(total -> basaltTotal / total)))
          .append(System.lineSeparator());
    }
    text.append(loadLine).append(System.lineSeparator());
    for (BenchResult result : results) {
      message(text, "Basalt ", result.basalt());
      result.basaltParquet().ifPresent(b -> message(text, "Basalt over Parquet ", b.result()));
      message(text, "DuckDB ", result.duckdb());
    }
    return text.toString();
  }

  /**
   * The line that answers the Iceberg target: the ratio of the totals, the geometric mean of the
   * per-query ratios and how many queries are within {@link #BASELINE_TARGET}.
   */
  private static String baselineLine(List<BenchResult> results, Optional<Double> totalRatio) {
    List<BenchResult> measured =
        results.stream().filter(r -> r.basaltParquet().isPresent()).toList();
    long within = measured.stream()
        .filter(r -> r.baselineRatio() <= BASELINE_TARGET).count();
    double geometricMean = geometricMean(measured.stream().mapToDouble(BenchResult::baselineRatio));
    return String.format(Locale.ROOT,
        "Iceberg against external Parquet (Basalt's ice/pq): totals %.2fx, geometric mean "
            + "%.2f, %d/%d queries within the target of %.1fx",
        totalRatio.orElse(Double.NaN), geometricMean, within, measured.size(), BASELINE_TARGET);
  }

  /** The sum of the baseline's medians, if every result has one. */
  private static Optional<Double> baselineTotal(List<BenchResult> results) {
    if (!results.stream().allMatch(r -> r.basaltParquet().isPresent())) {
      return Optional.empty();
    }
    return Optional.of(
        results.stream().mapToDouble(r -> r.basaltParquet().get().millis()).sum());
  }

  private static String baselineCells(Optional<Double> millis, double ratio) {
    return millis.isPresent()
        ? String.format(Locale.ROOT, "%12.1f | %8.2f | ", millis.get(), ratio)
        : String.format(Locale.ROOT, "%12s | %8s | ", "n/a", "n/a");
  }

  private static void message(StringBuilder text, String label, QueryResult result) {
    if (!result.message().isEmpty()) {
      text.append(label).append(result.message()).append(System.lineSeparator());
    }
  }

  /** Returns the geometric mean of the per-query ratios, or NaN if there are none. */
  static double geometricMean(List<BenchResult> results) {
    return geometricMean(results.stream().mapToDouble(BenchResult::ratio));
  }

  private static double geometricMean(DoubleStream ratios) {
    return Math.exp(ratios.map(Math::log).average().orElse(Double.NaN));
  }

  /**
   * Writes {@code query,basalt_ms,duckdb_ms,ratio,basalt_correct,duckdb_correct} rows, plus
   * {@code basalt_s3_scanned_bytes} (empty where unknown) if any result has it, plus
   * {@code basalt_parquet_ms,iceberg_parquet_ratio,basalt_parquet_correct} if any result has a
   * Parquet baseline.
   */
  static void writeCsv(List<BenchResult> results, Path file) throws IOException {
    boolean scanned = results.stream().anyMatch(r -> r.basaltScannedBytes().isPresent());
    boolean baseline = results.stream().anyMatch(r -> r.basaltParquet().isPresent());
    List<String> lines = new ArrayList<>();
    lines.add("query,basalt_ms,duckdb_ms,ratio,basalt_correct,duckdb_correct"
        + (scanned ? ",basalt_s3_scanned_bytes" : "")
        + (baseline ? ",basalt_parquet_ms,iceberg_parquet_ratio,basalt_parquet_correct" : ""));
    for (BenchResult result : results) {
      OptionalLong bytes = result.basaltScannedBytes();
      lines.add(
          String.format(
              Locale.ROOT, "%s,%.3f,%.3f,%.4f,%b,%b%s%s",
              result.name(), result.basaltMillis(), result.duckdbMillis(), result.ratio(),
              result.basaltCorrect(), result.duckdbCorrect(),
              !scanned ? "" : "," + (bytes.isPresent() ? bytes.getAsLong() : ""),
              !baseline ? "" : baselineCsv(result)));
    }
    Files.write(file, lines, UTF_8);
  }

  private static String baselineCsv(BenchResult result) {
    return result.basaltParquet()
        .map(b -> String.format(Locale.ROOT, ",%.3f,%.4f,%b",
            b.millis(), result.baselineRatio(), b.correct()))
        .orElse(",,,");
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
    result.basaltParquet().filter(b -> !b.correct())
        .ifPresent(b -> problems.add("Basalt over Parquet " + b.result().verdict()));
    if (!result.duckdbCorrect()) {
      problems.add("DuckDB " + result.duckdb().verdict());
    }
    if (!problems.isEmpty()) {
      return String.join(", ", problems);
    }
    boolean unchecked =
        result.basalt().verdict() == QueryResult.Verdict.UNCHECKED
            || result.duckdb().verdict() == QueryResult.Verdict.UNCHECKED
            || result.basaltParquet()
                .map(b -> b.result().verdict() == QueryResult.Verdict.UNCHECKED).orElse(false);
    return unchecked ? "unchecked" : "yes";
  }
}
