package io.basalt.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checks that the comparator accepts a matching result and pinpoints every kind of mismatch. */
class TestResultComparator {
  private static final AnswerFile ANSWER =
      AnswerFile.parse(
          "q99.csv",
          """
          flag|qty|avg_price|ship
          A|380456.00|35785.709306937344|1995-03-15
          N|8971.00|35588.50968390804|1996-01-02
          R |381449.00|35874.00653268018|1994-12-31
          """);

  private static ResultTable actual(List<?>... rows) {
    List<List<Object>> list = new ArrayList<>();
    for (List<?> row : rows) {
      list.add(new ArrayList<>(row));
    }
    return new ResultTable(List.of("flag", "qty", "avg_price", "ship"), list);
  }

  private static List<Object> row(Object... cells) {
    return Arrays.asList(cells);
  }

  private static final List<Object> ROW_A =
      row("A", new BigDecimal("380456.00"), 35785.709306937344, "1995-03-15");
  private static final List<Object> ROW_N =
      row("N", new BigDecimal("8971"), 35588.50968390804, "1996-01-02");
  private static final List<Object> ROW_R =
      row("R", new BigDecimal("381449.00"), 35874.00653268018, "1994-12-31");

  @Test
  void acceptsTheSameResult() {
    assertThat(ResultComparator.compare("Q99", ANSWER, actual(ROW_A, ROW_N, ROW_R))).isEmpty();
  }

  @Test
  void acceptsNumbersWithinTheTolerance() {
    ResultTable close =
        actual(
            row("A ", new BigDecimal("380456.009"), 35785.7093, "1995-03-15"),
            row("N", "8971.00", 35588.51, "1996-01-02"),
            row("R", new BigDecimal("381449.3"), 35874.0, "1994-12-31"));

    assertThat(ResultComparator.compare("Q99", ANSWER, close)).isEmpty();
  }

  @Test
  void rejectsAWrongValue() {
    ResultTable wrong =
        actual(ROW_A, row("N", new BigDecimal("8971.02"), 35588.50968390804, "1996-01-02"), ROW_R);

    assertThat(ResultComparator.compare("Q99", ANSWER, wrong))
        .contains("Q99: row 2, column 2 (qty): expected '8971.00', got '8971.02'");
  }

  @Test
  void rejectsAWrongRelativeValue() {
    ResultTable wrong =
        actual(ROW_A, ROW_N, row("R", new BigDecimal("381449.00"), 35874.1, "1994-12-31"));

    assertThat(ResultComparator.compare("Q99", ANSWER, wrong))
        .contains(
            "Q99: row 3, column 3 (avg_price): expected '35874.00653268018', got '35874.1'");
  }

  @Test
  void rejectsAWrongDateOrString() {
    assertThat(
            ResultComparator.compare(
                "Q99", ANSWER, actual(ROW_A, ROW_N, row("R", 381449, 35874.0, "1995-01-01"))))
        .contains("Q99: row 3, column 4 (ship): expected '1994-12-31', got '1995-01-01'");
    ResultTable wrongFlag =
        actual(row("B", 380456, 35785.709306937344, "1995-03-15"), ROW_N, ROW_R);
    assertThat(ResultComparator.compare("Q99", ANSWER, wrongFlag))
        .contains("Q99: row 1, column 1 (flag): expected 'A', got 'B'");
  }

  @Test
  void rejectsAMissingRow() {
    assertThat(ResultComparator.compare("Q99", ANSWER, actual(ROW_A, ROW_N)))
        .contains("Q99: expected 3 rows, got 2; missing row 3: R |381449.00|35874.00653268018|"
            + "1994-12-31");
    assertThat(ResultComparator.compare("Q99", ANSWER, actual(ROW_A, ROW_R)))
        .contains("Q99: expected 3 rows, got 2; row 2, column 1 (flag): expected 'N', got 'R'");
  }

  @Test
  void rejectsAnExtraRow() {
    assertThat(ResultComparator.compare("Q99", ANSWER, actual(ROW_A, ROW_N, ROW_R, ROW_A)))
        .contains(
            "Q99: expected 3 rows, got 4; unexpected row 4: "
                + "[A, 380456.00, 35785.709306937344, 1995-03-15]");
  }

  @Test
  void rejectsTheWrongOrder() {
    assertThat(ResultComparator.compare("Q99", ANSWER, actual(ROW_N, ROW_A, ROW_R)))
        .contains("Q99: row 1, column 1 (flag): expected 'A', got 'N'");
  }

  @Test
  void rejectsAMissingColumn() {
    ResultTable narrow = new ResultTable(List.of("flag"), List.of(List.of("A")));

    assertThat(ResultComparator.compare("Q99", ANSWER, narrow))
        .contains("Q99: expected 4 columns [flag, qty, avg_price, ship], got 1 columns [flag]");
  }

  @Test
  void matchesNullOnlyWithAnEmptyCell() {
    AnswerFile nullAnswer = AnswerFile.parse("q17.csv", "avg_yearly\n\n");
    ResultTable nullResult = new ResultTable(List.of("avg_yearly"), List.of(row((Object) null)));
    ResultTable zero = new ResultTable(List.of("avg_yearly"), List.of(row(BigDecimal.ZERO)));

    assertThat(nullAnswer.rows()).containsExactly(Arrays.asList((String) null));
    assertThat(ResultComparator.compare("Q17", nullAnswer, nullResult)).isEmpty();
    assertThat(ResultComparator.compare("Q17", nullAnswer, zero))
        .isEqualTo(Optional.of("Q17: row 1, column 1 (avg_yearly): expected NULL, got '0'"));
    assertThat(ResultComparator.compare("Q99", ANSWER, actual(row("A", null, 1.0, "x"))))
        .contains("Q99: expected 3 rows, got 1; row 1, column 2 (qty): expected '380456.00', "
            + "got NULL");
  }
}
