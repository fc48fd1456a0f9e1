package io.basalt.tpch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
