package io.basalt.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The script runner's own helpers: the diff it fails with and the error lines scripts expect. */
class TestLineDiff {
  @Test
  void equalTextsHaveNoDiff() {
    assertThat(LineDiff.diff(List.of("a", "b"), List.of("a", "b"))).isEmpty();
  }

  @Test
  void changedLineShowsExpectedThenActualWithContext() {
    List<String> expected = List.of("1", "2", "3", "4", "5", "6", "7", "8");
    List<String> actual = List.of("1", "2", "3", "4", "five", "6", "7", "8");
    assertThat(LineDiff.diff(expected, actual))
        .isEqualTo("@@ line 3 @@\n  3\n  4\n- 5\n+ five\n  6\n  7\n");
  }

  @Test
  void addedAndRemovedLinesAtTheEnds() {
    assertThat(LineDiff.diff(List.of("a", "b"), List.of("b", "c")))
        .isEqualTo("@@ line 1 @@\n- a\n  b\n+ c\n");
  }

  @Test
  void errorsReadAsSqlStateAndMessageWithoutFrames() {
    SQLException tagged = SqlStateConnections.tagged(new SQLException("boom", "22012"));
    assertThat(tagged.getMessage()).isEqualTo("[22012] boom");
    assertThat(tagged.getStackTrace()).isEmpty();
    assertThat(SqlStateConnections.tagged(new IllegalStateException("odd")).getMessage())
        .isEqualTo("[no SQLSTATE] java.lang.IllegalStateException: odd");
  }
}
