package io.basalt.tpch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

  @Test
  void comparesIcebergWithTheParquetBaseline(@TempDir Path temporary) throws IOException {
    QueryResult correct = result(1, QueryResult.Verdict.CORRECT, "");
    List<BenchResult> iceberg =
        List.of(
            new BenchResult(1, 30.0, 10.0, correct, correct, OptionalLong.of(2_000_000),
                Optional.of(new BenchResult.Baseline(20.0, correct))),
            new BenchResult(6, 11.0, 5.0, correct, correct, OptionalLong.of(1_000_000),
                Optional.of(new BenchResult.Baseline(10.0,
                    result(6, QueryResult.Verdict.WRONG, "Q06: row 1 differs")))));

    assertThat(BenchReport.format(iceberg, "load: somehow"))
        .contains("query |    Basalt ms |    DuckDB ms |    ratio | Basalt pq ms |   ice/pq |"
            + "      S3 MB | correct?")
        .contains("Q01   |         30.0 |         10.0 |     3.00 |         20.0 |     1.50 |"
            + "        2.0 | yes")
        .contains("Q06   |         11.0 |          5.0 |     2.20 |         10.0 |     1.10 |"
            + "        1.0 | Basalt over Parquet WRONG")
        .contains("total |         41.0 |         15.0 |     2.73 |         30.0 |     1.37 |"
            + "        3.0 | 1/2")
        .contains("Iceberg against external Parquet (Basalt's ice/pq): totals 1.37x, "
            + "geometric mean 1.28, 1/2 queries within the target of 1.2x")
        .contains("Basalt over Parquet Q06: row 1 differs");
    Path csv = temporary.resolve("results.csv");
    BenchReport.writeCsv(iceberg, csv);
    assertThat(Files.readAllLines(csv, UTF_8))
        .containsExactly(
            "query,basalt_ms,duckdb_ms,ratio,basalt_correct,duckdb_correct,"
                + "basalt_s3_scanned_bytes,basalt_parquet_ms,iceberg_parquet_ratio,"
                + "basalt_parquet_correct",
            "Q01,30.000,10.000,3.0000,true,true,2000000,20.000,1.5000,true",
            "Q06,11.000,5.000,2.2000,true,true,1000000,10.000,1.1000,false");
  }
}
