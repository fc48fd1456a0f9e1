package io.basalt.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

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
}
