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

/**
 * {@code basalt bench federated} without a database: its options' checks (usage errors before
 * anything starts) and its report, table, remote SQL and CSV, from made-up results. The
 * benchmark itself needs PostgreSQL and minutes, so it is not part of the build.
 */
class TestBenchFederatedCommand {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine commandLine = BenchCommand.commandLine(new PrintStream(out, true, UTF_8));
    commandLine.setErr(new PrintWriter(err));
    commandLine.setOut(new PrintWriter(new StringWriter()));
    return commandLine.execute(args);
  }

  @Test
  void rejectsBadOptionsBeforeStartingAnything(@TempDir Path temporary) throws IOException {
    Path kit = KitCopy.of(temporary, List.of("q01"));
    String data = temporary.resolve("data").toString();
    assertThat(execute("federated", "--runs", "0", "--data-dir", data)).isEqualTo(2);
    assertThat(err.toString()).contains("--runs and --best-of must be at least 1");
    assertThat(execute("federated", "--pg-user", "me", "--data-dir", data)).isEqualTo(2);
    assertThat(err.toString()).contains("Cannot use --pg-user without --pg-url");
    assertThat(execute("federated", "--pg-url", "jdbc:mysql://h/db", "--pg-user", "me",
        "--data-dir", data)).isEqualTo(2);
    assertThat(err.toString()).contains("give a jdbc:postgresql://host:port/database URL");
    assertThat(execute("federated", "--queries", "23", "--tpch-dir", kit.toString(),
        "--data-dir", data)).isEqualTo(2);
    assertThat(err.toString()).contains("Cannot run TPC-H query 23: queries are 1 to 22");
    assertThat(execute("federated", "--sf", "x", "--tpch-dir", kit.toString(),
        "--data-dir", data)).isEqualTo(2);
    assertThat(err.toString()).contains("Cannot use TPC-H scale factor \"x\"");
    assertThat(execute("federated", "--selective", "--rows", "5", "--data-dir", data))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--rows must be at least 10, got 5");
    assertThat(execute("federated", "--selective", "--warm-up", "0", "--data-dir", data))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--warm-up must be at least 1, got 0");
    // Nothing was started or written.
    assertThat(temporary.resolve("data")).doesNotExist();
  }

  @Test
  void defaultsToScaleFactorOneTenthAndAMillionRows() {
    BenchFederatedCommand command = new BenchFederatedCommand(System.out);
    new CommandLine(command).parseArgs();
    assertThat(command.scaleFactor).isEqualTo("0.1");
    assertThat(command.selectiveRows).isEqualTo(1_000_000);
    assertThat(command.runs).isEqualTo(3);
    assertThat(command.bestOf).isEqualTo(10);
    assertThat(command.warmUp).isEqualTo(200);
    assertThat(command.selective).isFalse();
    assertThat(command.postgresUrl).isNull();
  }

  private static final List<FederatedResult> RESULTS = List.of(
      new FederatedResult(1, run(1, 40.0, QueryResult.Verdict.CORRECT, 4, ""), List.of(),
          run(1, 30.0, QueryResult.Verdict.CORRECT, 4, ""),
          run(1, 120.0, QueryResult.Verdict.CORRECT, 4, "")),
      new FederatedResult(3, run(3, 55.5, QueryResult.Verdict.WRONG, 10, "Q03: row 1 differs"),
          List.of(new FederatedResult.RemoteQuery("customer",
                  "SELECT \"c_custkey\" FROM \"s\".\"customer\" WHERE (\"c_mktsegment\" = "
                      + "'BUILDING')", 30_142, 2_100),
              new FederatedResult.RemoteQuery("orders", "SELECT \"o_orderkey\" FROM "
                  + "\"s\".\"orders\"", 150_000, 15_000)),
          run(3, 20.0, QueryResult.Verdict.CORRECT, 10, ""),
          run(3, 80.25, QueryResult.Verdict.CORRECT, 10, "")));

  private static FederatedResult.Run run(int query, double millis, QueryResult.Verdict verdict,
      long rows, String message) {
    return new FederatedResult.Run(millis, new QueryResult(query, rows, verdict, 0, message));
  }

  @Test
  void printsEachQueryTheTotalsAndWrongAnswers() {
    String text = FederatedReport.format(RESULTS);
    assertThat(text.lines()).contains(
        "Q01   |       40.0 | yes     |      0 |            0 |       30.0 |      120.0 |"
            + "        4 | yes    ",
        "Q03   |       55.5 | WRONG   |      2 |      180,142 |       20.0 |       80.3 |"
            + "       10 | yes    ",
        "total |       95.5 | 1/2     |      2 |      180,142 |       50.0 |      200.3 |"
            + "          | 2/2    ",
        "Basalt Q03: row 1 differs");
    assertThat(text.lines().findFirst().orElseThrow()).startsWith("query |  Basalt ms | correct");
  }

  @Test
  void printsEveryRemoteQueryWithItsRows() {
    assertThat(FederatedReport.remoteSql(RESULTS).lines()).containsExactly(
        "Q01: no remote query (reads native tables only)",
        "Q03: 2 remote queries, 180,142 rows",
        "  customer     30,142 rows       2.1 ms  SELECT \"c_custkey\" FROM \"s\".\"customer\" "
            + "WHERE (\"c_mktsegment\" = 'BUILDING')",
        "  orders      150,000 rows      15.0 ms  SELECT \"o_orderkey\" FROM \"s\".\"orders\"");
  }

  @Test
  void writesCsvWithTheRemoteSqlQuoted(@TempDir Path temporary) throws IOException {
    Path csv = temporary.resolve("federated.csv");
    FederatedReport.writeCsv(RESULTS, csv);
    List<String> lines = Files.readAllLines(csv, UTF_8);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("query,basalt_ms,basalt_correct,remote_queries,");
    assertThat(lines.get(1)).isEqualTo("Q01,40.000,true,0,0,30.000,120.000,4,true,\"\"");
    assertThat(lines.get(2)).startsWith("Q03,55.500,false,2,180142,20.000,80.250,10,true,"
        + "\"SELECT \"\"c_custkey\"\" FROM").endsWith(" ; SELECT \"\"o_orderkey\"\" FROM "
        + "\"\"s\"\".\"\"orders\"\"\"");
  }
}
