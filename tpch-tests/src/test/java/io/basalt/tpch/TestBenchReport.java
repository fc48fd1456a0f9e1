package io.basalt.tpch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the benchmark table's ratios, geometric mean, verdicts and load line. */
class TestBenchReport {
  private static final List<BenchResult> RESULTS =
      List.of(
          new BenchResult(1, 40.0, 10.0,
              result(1, QueryResult.Verdict.CORRECT, ""),
              result(1, QueryResult.Verdict.CORRECT, "")),
          new BenchResult(6, 5.0, 5.0,
              result(6, QueryResult.Verdict.FAILED, "Q06: boom [SQLSTATE XX000]"),
              result(6, QueryResult.Verdict.CORRECT, "")));

  private static QueryResult result(int query, QueryResult.Verdict verdict, String message) {
    return new QueryResult(query, 1, verdict, 0, message);
  }

  @Test
  void takesTheGeometricMeanOfTheRatios() {
    assertThat(BenchReport.geometricMean(RESULTS)).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void formatsMediansRatiosVerdictsTotalsAndLoads() {
    String text =
        BenchReport.format(RESULTS, OptionalLong.of(3_000_000_000L), OptionalLong.empty());

    assertThat(text)
        .contains("Q01   |         40.0 |         10.0 |     4.00 | yes")
        .contains("Q06   |          5.0 |          5.0 |     1.00 | Basalt FAILED")
        .contains("total |         45.0 |         15.0 |     3.00 | 1/2")
        .contains("geometric mean of the ratios (Basalt/DuckDB): 2.00")
        .contains("load: Basalt 3.0 s, DuckDB reused, ratio n/a")
        .contains("Basalt Q06: boom [SQLSTATE XX000]");
  }

  @Test
  void showsTheBytesScannedFromTheObjectStoreWhenKnown(@TempDir Path temporary)
      throws IOException {
    List<BenchResult> scanned =
        List.of(
            new BenchResult(1, 40.0, 10.0,
                result(1, QueryResult.Verdict.CORRECT, ""),
                result(1, QueryResult.Verdict.CORRECT, ""), OptionalLong.of(12_345_678)),
            new BenchResult(6, 5.0, 5.0,
                result(6, QueryResult.Verdict.CORRECT, ""),
                result(6, QueryResult.Verdict.CORRECT, ""), OptionalLong.of(1_000_000)));

    assertThat(BenchReport.format(scanned, "load: somehow"))
        .contains("query |    Basalt ms |    DuckDB ms |    ratio |      S3 MB | correct?")
        .contains("Q01   |         40.0 |         10.0 |     4.00 |       12.3 | yes")
        .contains("total |         45.0 |         15.0 |     3.00 |       13.3 | 2/2")
        .contains("load: somehow");
    Path csv = temporary.resolve("results.csv");
    BenchReport.writeCsv(scanned, csv);
    assertThat(Files.readAllLines(csv, UTF_8))
        .containsExactly(
            "query,basalt_ms,duckdb_ms,ratio,basalt_correct,duckdb_correct,"
                + "basalt_s3_scanned_bytes",
            "Q01,40.000,10.000,4.0000,true,true,12345678",
            "Q06,5.000,5.000,1.0000,true,true,1000000");
  }
}
