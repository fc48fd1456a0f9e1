package io.basalt.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checks reading the kit: answer files, query texts and scale-factor names. */
class TestAnswerFile {
  @Test
  void parsesHeaderRowsAndNulls() {
    AnswerFile answer = AnswerFile.parse("q.csv", "a|b|c\n1||x \n");

    assertThat(answer.columns()).containsExactly("a", "b", "c");
    assertThat(answer.rows()).containsExactly(Arrays.asList("1", null, "x "));
  }

  @Test
  void rejectsARaggedLine() {
    assertThatThrownBy(() -> AnswerFile.parse("q.csv", "a|b\n1|2|3\n"))
        .hasMessage("Cannot parse TPC-H answer q.csv: line 2 has 3 cells, the header 2");
  }

  @Test
  void readsEveryAnswerOfTheKit() {
    TpchQueries kit = TpchQueries.locate(Optional.empty());
    for (String scale : new String[] {"0.01", "0.1", "1"}) {
      for (int query : TpchQueries.ALL) {
        assertThat(kit.answer(TpchScale.parse(scale), query)).as("sf %s q%d", scale, query)
            .hasValueSatisfying(answer -> assertThat(answer.columns()).isNotEmpty());
      }
    }
    assertThat(kit.answer(TpchScale.parse("0.01"), 1).orElseThrow().rows()).hasSize(4);
  }

  @Test
  void loadsQueriesWithoutTheirSemicolon() {
    TpchQueries kit = TpchQueries.locate(Optional.empty());

    assertThat(kit.query(6)).startsWith("SELECT").doesNotEndWith(";");
    assertThat(kit.query(15)).contains("WITH revenue AS");
  }

  @Test
  void namesSchemasAndFoldersAfterTheScaleFactor() {
    assertThat(TpchScale.parse("0.010").schemaName()).isEqualTo("tpch_sf0_01");
    assertThat(TpchScale.parse("1.0").folderName()).isEqualTo("sf1");
    assertThat(TpchScale.parse("10").label()).isEqualTo("10");
    assertThatThrownBy(() -> TpchScale.parse("0"))
        .hasMessage("Cannot use TPC-H scale factor 0: it must be positive");
  }
}
