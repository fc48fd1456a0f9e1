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
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs {@code basalt bench tpch} over the lake end to end at SF 0.01, then again on the tables it
 * left, then {@code basalt tpch} on them: {@code --format parquet} (UNLOAD, external tables,
 * DuckDB over the same files, bytes scanned) and {@code --format iceberg} (CTAS into Iceberg
 * tables, Basalt over them and over the external Parquet tables, DuckDB over the Parquet files).
 */
class TestBenchLakeCommand {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final StringWriter err = new StringWriter();

  private int execute(CommandLine commandLine, String... args) {
    commandLine.setErr(new PrintWriter(err));
    commandLine.setOut(new PrintWriter(new StringWriter()));
    return commandLine.execute(args);
  }

  private int bench(String... args) {
    return execute(BenchCommand.commandLine(new PrintStream(out, true, UTF_8)), args);
  }

  private int tpch(String format, Path data, Path kit) {
    return execute(new CommandLine(new TpchCommand(new PrintStream(out, true, UTF_8))),
        "--format", format, "--sf", "0.01", "--queries", "1,6", "--slices", "2",
        "--data-dir", data.toString(), "--tpch-dir", kit.toString());
  }

  /** The arguments of a benchmark of queries 1, 3 and 6 over {@code format}, run once. */
  private static String[] benchArgs(String format, Path data, Path kit, Path results) {
    return new String[] {
      "tpch", "--format", format, "--sf", "0.01", "--runs", "1", "--queries", "1,3,6",
      "--slices", "2", "--data-dir", data.toString(), "--tpch-dir", kit.toString(),
      "--out", results.toString()
    };
  }

  @Test
  void unloadsToParquetComparesBothEnginesOnTheFilesAndReusesThem(@TempDir Path temporary)
      throws IOException {
    Path kit = KitCopy.of(temporary, List.of("q01", "q03", "q06"));
    Path data = temporary.resolve("data");
    Path results = temporary.resolve("results");
    String[] args = benchArgs("parquet", data, kit, results);

    assertThat(bench(args)).as(err.toString()).isZero();
    assertThat(out.toString(UTF_8))
        .contains("Basalt: loaded  tpch_sf0_01.lineitem: 60,175 rows in")
        .contains("Basalt: unloading tpch_sf0_01.lineitem to s3://tpch/sf0.01/lineitem/")
        .containsPattern("Basalt: unloaded  tpch_parquet_sf0_01.lineitem: 60,175 rows, [1-9]")
        .contains("Parquet layout: all tables unpartitioned, 32 MB row groups; "
            + "lineitem sorted by l_shipdate, ")
        .contains("DuckDB (in memory)")
        .contains("|      S3 MB | correct?")
        .containsPattern("Q03   \\| +[0-9.]+ \\| +[0-9.]+ \\| +[0-9.]+ \\| +[0-9.]+ \\| yes")
        .contains("| 3/3")
        .containsPattern("load: Basalt [0-9.]+ s, UNLOAD to Parquet [0-9.]+ s");
    try (Stream<Path> files =
        Files.list(data.resolve("server/s3/tpch/sf0.01/lineitem"))) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .isNotEmpty()
          .allMatch(name -> name.endsWith(".parquet"));
    }
    List<String> csv = Files.readAllLines(results.resolve("tpch-parquet-sf0.01.csv"), UTF_8);
    assertThat(csv).hasSize(4);
    assertThat(csv.get(0)).isEqualTo(
        "query,basalt_ms,duckdb_ms,ratio,basalt_correct,duckdb_correct,basalt_s3_scanned_bytes");
    // Q01 reads seven lineitem columns: some bytes, whatever the encoding.
    assertThat(csv.get(1)).matches("Q01,[0-9.]+,[0-9.]+,[0-9.]+,true,true,[1-9][0-9]*");
    assertThat(csv.get(3)).matches("Q06,[0-9.]+,[0-9.]+,[0-9.]+,true,true,[1-9][0-9]*");
    assertThat(ImageIO.read(results.resolve("tpch-parquet-sf0.01.png").toFile())).isNotNull();

    out.reset();
    assertThat(bench(args)).as(err.toString()).isZero();
    assertThat(out.toString(UTF_8))
        .contains("Basalt: schema tpch_sf0_01 already holds the data: not loading again")
        .contains("Parquet tables under s3://tpch/sf0.01/ already hold the data: not writing them")
        .contains("load: Basalt reused, UNLOAD to Parquet reused");

    out.reset();
    assertThat(tpch("parquet", data, kit)).as(err.toString()).isZero();
    assertThat(out.toString(UTF_8))
        .contains("running the queries on the Parquet tables of tpch_parquet_sf0_01")
        .contains("Q06   |         1 | yes")
        .contains("total |           | 2/2");
  }

  @Test
  void createsIcebergTablesComparesThemWithParquetAndReusesThem(@TempDir Path temporary)
      throws IOException {
    Path kit = KitCopy.of(temporary, List.of("q01", "q03", "q06"));
    Path data = temporary.resolve("data");
    Path results = temporary.resolve("results");
    String[] args = benchArgs("iceberg", data, kit, results);

    assertThat(bench(args)).as(err.toString()).isZero();
    assertThat(out.toString(UTF_8))
        .contains("Basalt: unloading tpch_sf0_01.lineitem to s3://tpch/sf0.01/lineitem/")
        .contains("Basalt: creating tpch_iceberg_sf0_01.lineitem as tpch_sf0_01.lineitem at "
            + "s3://tpch/iceberg/sf0.01/lineitem/")
        .containsPattern("Basalt: created  tpch_iceberg_sf0_01.lineitem: 60,175 rows, 1 file "
            + "\\([0-9.]+ MB\\) in [0-9.]+ s")
        .contains("Iceberg layout: all tables unpartitioned, 32 MB row groups; "
            + "lineitem sorted by l_shipdate, ")
        .contains("| Basalt pq ms |   ice/pq |      S3 MB | correct?")
        .containsPattern("Q03   \\| +[0-9.]+ \\| +[0-9.]+ \\| +[0-9.]+ \\| +[0-9.]+ \\| "
            + "+[0-9.]+ \\| +[0-9.]+ \\| yes")
        .contains("| 3/3")
        .containsPattern("Iceberg against external Parquet \\(Basalt's ice/pq\\): totals "
            + "[0-9.]+x, geometric mean [0-9.]+, [0-3]/3 queries within the target of 1.2x")
        .containsPattern("load: Basalt [0-9.]+ s, UNLOAD to Parquet [0-9.]+ s, "
            + "CREATE TABLE AS Iceberg [0-9.]+ s");
    Path lineitem = data.resolve("server/s3/tpch/iceberg/sf0.01/lineitem");
    try (Stream<Path> files = Files.list(lineitem.resolve("data"))) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .singleElement()
          .matches(name -> name.endsWith(".parquet"));
    }
    List<String> csv = Files.readAllLines(results.resolve("tpch-iceberg-sf0.01.csv"), UTF_8);
    assertThat(csv).hasSize(4);
    assertThat(csv.get(0)).isEqualTo(
        "query,basalt_ms,duckdb_ms,ratio,basalt_correct,duckdb_correct,basalt_s3_scanned_bytes,"
            + "basalt_parquet_ms,iceberg_parquet_ratio,basalt_parquet_correct");
    assertThat(csv.get(1))
        .matches("Q01,[0-9.]+,[0-9.]+,[0-9.]+,true,true,[1-9][0-9]*,[0-9.]+,[0-9.]+,true");
    assertThat(ImageIO.read(results.resolve("tpch-iceberg-sf0.01.png").toFile())).isNotNull();

    out.reset();
    assertThat(bench(args)).as(err.toString()).isZero();
    assertThat(out.toString(UTF_8))
        .contains("Parquet tables under s3://tpch/sf0.01/ already hold the data: not writing")
        .contains("Iceberg tables under s3://tpch/iceberg/sf0.01/ already hold the data: "
            + "not writing them again")
        .contains("load: Basalt reused, UNLOAD to Parquet reused, CREATE TABLE AS Iceberg "
            + "reused");

    out.reset();
    assertThat(tpch("iceberg", data, kit)).as(err.toString()).isZero();
    assertThat(out.toString(UTF_8))
        .contains("Iceberg tables under s3://tpch/iceberg/sf0.01/ already hold the data")
        .contains("running the queries on the Iceberg tables of tpch_iceberg_sf0_01")
        .contains("Q06   |         1 | yes")
        .contains("total |           | 2/2");
  }

  @Test
  void rejectsAnUnknownFormat() {
    assertThat(bench("tpch", "--format", "orc")).isEqualTo(2);
    assertThat(err.toString())
        .contains("Cannot use table format \"orc\": expected native, parquet or iceberg");
  }
}
