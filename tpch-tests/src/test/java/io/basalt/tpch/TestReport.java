package io.basalt.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the table that {@code basalt tpch} prints. */
class TestReport {
  @Test
  void printsOneLinePerQueryTotalsAndMessages() {
    String report =
        Report.format(
            List.of(
                new QueryResult(1, 4, QueryResult.Verdict.CORRECT, 120, ""),
                new QueryResult(5, 0, QueryResult.Verdict.FAILED, 30, "Q05: out of memory"),
                new QueryResult(
                    9, 175, QueryResult.Verdict.WRONG, 800, "Q09: row 1, column 2 (x): ..."),
                new QueryResult(
                    11, 7, QueryResult.Verdict.UNCHECKED, 50, "Q11: no answer for scale factor 3")));

    assertThat(report.lines())
        .containsExactly(
            "query |      rows | correct?  |        ms",
            "------+-----------+-----------+----------",
            "Q01   |         4 | yes       |       120",
            "Q05   |         0 | FAILED    |        30",
            "Q09   |       175 | WRONG     |       800",
            "Q11   |         7 | unchecked |        50",
            "------+-----------+-----------+----------",
            "total |           | 1/4       |      1000",
            "Q05: out of memory",
            "Q09: row 1, column 2 (x): ...",
            "Q11: no answer for scale factor 3");
  }
}
