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
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code basalt bench tpch} end to end at SF 0.01 on a small copy of the shared kit. */
class TestBenchCommand {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine commandLine = BenchCommand.commandLine(new PrintStream(out, true, UTF_8));
    commandLine.setErr(new PrintWriter(err));
    commandLine.setOut(new PrintWriter(new StringWriter()));
    return commandLine.execute(args);
  }

  @Test
  void comparesBothEnginesWritesCsvAndChartAndFailsOnAWrongAnswer(@TempDir Path temporary)
      throws IOException {
    Path kit = KitCopy.of(temporary, List.of("q01", "q06"));
    Path answers = KitCopy.answers(kit);
    Path results = temporary.resolve("results");
    String[] args = {
      "tpch", "--sf", "0.01", "--runs", "1", "--queries", "1,6", "--slices", "2",
      "--data-dir", temporary.resolve("data").toString(), "--tpch-dir", kit.toString(),
      "--out", results.toString()
    };

    assertThat(execute(args)).as(err.toString()).isZero();
    assertThat(out.toString(UTF_8))
        .contains("Basalt: loaded  tpch_sf0_01.lineitem: 60,175 rows in")
        .contains("DuckDB: loaded  tpch_sf0_01.lineitem: 60,175 rows in")
        .containsPattern("Q01   \\| +[0-9.]+ \\| +[0-9.]+ \\| +[0-9.]+ \\| yes")
        .contains("total |")
        .contains("| 2/2")
        .contains("geometric mean of the ratios (Basalt/DuckDB): ")
        .containsPattern("load: Basalt [0-9.]+ s, DuckDB [0-9.]+ s, ratio [0-9.]+");
    List<String> csv = Files.readAllLines(results.resolve("tpch-sf0.01.csv"), UTF_8);
    assertThat(csv).hasSize(3);
    assertThat(csv.get(0))
        .isEqualTo("query,basalt_ms,duckdb_ms,ratio,basalt_correct,duckdb_correct");
    assertThat(csv.get(1)).matches("Q01,[0-9.]+,[0-9.]+,[0-9.]+,true,true");
    assertThat(csv.get(2)).matches("Q06,[0-9.]+,[0-9.]+,[0-9.]+,true,true");
    assertThat(ImageIO.read(results.resolve("tpch-sf0.01.png").toFile())).isNotNull();

    Files.writeString(answers.resolve("q06.csv"), "revenue\n999.99\n", UTF_8);
    out.reset();
    assertThat(execute(args)).as(err.toString()).isEqualTo(1);
    assertThat(out.toString(UTF_8))
        .contains("Basalt: schema tpch_sf0_01 already holds the data: not loading again")
        .contains("DuckDB: schema tpch_sf0_01 already holds the data: not loading again")
        .containsPattern("Q06   \\|.*\\| Basalt WRONG, DuckDB WRONG")
        .contains("| 1/2")
        .contains("load: Basalt reused, DuckDB reused")
        .contains("DuckDB Q06: row 1, column 1 (revenue): expected '999.99', got '");
    assertThat(Files.readAllLines(results.resolve("tpch-sf0.01.csv"), UTF_8).get(2))
        .endsWith(",false,false");
  }

  @Test
  void rejectsZeroRunsAndAMissingWorkload() {
    assertThat(execute("tpch", "--runs", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("Cannot run the benchmark: --runs must be at least 1");
    assertThat(execute()).isEqualTo(2);
    assertThat(err.toString()).contains("Cannot run the benchmark: name a workload");
  }
}
