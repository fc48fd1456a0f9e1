package io.basalt.tpch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code basalt tpch} end to end on a small kit, and checks its argument errors. */
class TestTpchCommand {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine commandLine = new CommandLine(new TpchCommand(new PrintStream(out, true, UTF_8)));
    commandLine.setErr(new PrintWriter(err));
    commandLine.setOut(new PrintWriter(new StringWriter()));
    return commandLine.execute(args);
  }

  @Test
  void runsQueriesReusesDataAndFailsOnAWrongAnswer(@TempDir Path temporary) throws IOException {
    Path kit = KitCopy.of(temporary, List.of("q01", "q06"));
    Path answers = KitCopy.answers(kit);
    Path q06 = answers.resolve("q06.csv");
    String rightAnswer = Files.readString(q06, UTF_8);
    Files.writeString(q06, "revenue\n999.99\n", UTF_8);
    String[] args = {
      "--sf", "0.01", "--queries", "1,6", "--slices", "2",
      "--data-dir", temporary.resolve("data").toString(), "--tpch-dir", kit.toString()
    };

    assertThat(execute(args)).as(err.toString()).isEqualTo(1);
    assertThat(out.toString(UTF_8))
        .contains("lineitem       60,175 rows in", "loaded  tpch_sf0_01.lineitem: 60,175 rows")
        .contains("Q01   |         4 | yes")
        .contains("Q06   |         1 | WRONG")
        .contains("total |           | 1/2")
        .contains("\nQ06: row 1, column 1 (revenue): expected '999.99', got '");

    Files.writeString(q06, rightAnswer, UTF_8);
    out.reset();
    assertThat(execute(args)).as(err.toString()).isZero();
    assertThat(out.toString(UTF_8))
        .contains("lineitem       60,175 rows (already generated)")
        .contains("schema tpch_sf0_01 already holds the data: not loading again")
        .contains("total |           | 2/2");
  }

  @Test
  void rejectsAnUnknownQuery() {
    assertThat(execute("--sf", "0.01", "--queries", "1,23")).isEqualTo(2);
    assertThat(err.toString()).contains("Cannot run TPC-H query 23: queries are 1 to 22");
  }

  @Test
  void rejectsABadScaleFactor() {
    assertThat(execute("--sf", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("Cannot use TPC-H scale factor -1: it must be positive");
  }

  @Test
  void rejectsAMissingKit() {
    assertThat(execute("--tpch-dir", "/nonexistent/tpch")).isEqualTo(2);
    assertThat(err.toString())
        .contains("Cannot open the TPC-H kit: /nonexistent/tpch has no queries folder");
  }
}
