package io.basalt.tpch;

import io.basalt.ingest.tpch.TpchData;
import io.basalt.server.BasaltServer;
import io.basalt.server.ServerConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code basalt bench tpch}: loads the same generated TPC-H data into an in-process Basalt server
 * and into in-process DuckDB, times each query on both (alternating, after one warm-up run each),
 * checks every result against the reference answers, prints a comparison and writes it as CSV and
 * as a PNG chart; the exit code is 1 if either engine got any answer wrong.
 *
 * <p>With {@code --format parquet} both engines read the same Parquet files instead, which Basalt
 * unloads from its native tables into its object store ({@link ParquetTables}); the comparison
 * then also shows the bytes Basalt's external scans read ({@link ObjectStoreScans}). With
 * {@code --format iceberg} Basalt reads Iceberg tables copied from its native tables
 * ({@link IcebergTables}) while DuckDB reads the Parquet files, and Basalt also runs each query
 * over the external Parquet tables, the baseline its Iceberg times are compared with.
 */
@Command(
    name = "tpch",
    mixinStandardHelpOptions = true,
    description = "Run the TPC-H queries on Basalt and on DuckDB and compare their times.")
final class BenchTpchCommand implements Callable<Integer> {

  @Option(names = "--runs", defaultValue = "3",
      description = "Timed runs per query and engine after a warm-up (default: ${DEFAULT-VALUE}).")
  private int runs;

  @Option(names = "--out", defaultValue = "bench-results",
      description = "Folder for the CSV and PNG results (default: ${DEFAULT-VALUE}).")
  private Path outDirectory;

  @Mixin private TpchOptions options;

  @Spec private CommandSpec spec;

  private final PrintStream out;
  private final Consumer<String> basaltProgress;
  private final Consumer<String> duckdbProgress;

  BenchTpchCommand(PrintStream out) {
    this.out = out;
    this.basaltProgress = line -> out.println("Basalt: " + line);
    this.duckdbProgress = line -> out.println("DuckDB: " + line);
  }

  @Override
  public Integer call() throws Exception {
    if (runs < 1) {
      throw new ParameterException(
          spec.commandLine(), "Cannot run the benchmark: --runs must be at least 1, got " + runs);
    }
    TpchOptions.Workload workload = options.workload(spec, out);
    TpchScale scale = workload.scale();
    TableFormat format = workload.format();
    boolean lake = format != TableFormat.NATIVE;
    Path dataDirectory = options.dataDirectory;
    TpchData data = TpchCommand.generate(scale, dataDirectory, out);
    int threads = options.slices == null
        ? Runtime.getRuntime().availableProcessors() : options.slices;
    ServerConfig config = TpchCommand.serverConfig(dataDirectory, threads);
    Path duckdbFile = dataDirectory.resolve("duckdb").resolve(scale.folderName() + ".duckdb");
    // Over the lake, DuckDB needs no database of its own: views over the files, in memory.
    String duckdbUrl = lake ? "jdbc:duckdb:" : "jdbc:duckdb:" + duckdbFile.toAbsolutePath();
    if (!lake) {
      Files.createDirectories(duckdbFile.getParent());
    }
    out.printf("starting Basalt (data in %s) and DuckDB (%s), %d slices/threads%n",
        config.dataDirectory(), lake ? "in memory" : duckdbFile, threads);
    List<BenchResult> results = new ArrayList<>();
    String loadLine;
    try (BasaltServer server = BasaltServer.start(config);
        Connection basalt = TpchCommand.connect(server.jdbcUrl());
        // Over Iceberg, Basalt's Parquet baseline runs on a connection of its own, so that each
        // connection keeps its schema current; unused for the other formats.
        Connection basaltBaseline = TpchCommand.connect(server.jdbcUrl());
        Connection duckdb = DriverManager.getConnection(duckdbUrl)) {
      try (Statement statement = duckdb.createStatement()) {
        statement.execute("SET threads = " + threads);
      }
      TpchRunner basaltRunner =
          new TpchRunner(basalt, scale.schemaName(), LoadDialect.BASALT, basaltProgress);
      OptionalLong basaltLoad = basaltRunner.loadUnlessLoaded(data, options.reload);
      Engines engines;
      if (lake) {
        engines = lakeEngines(format, data, scale, TpchCommand.objectStoreRoot(config), basalt,
            basaltBaseline, duckdb);
        loadLine = "load: Basalt " + BenchReport.seconds(basaltLoad) + engines.loadLine();
      } else {
        TpchRunner duckdbRunner =
            new TpchRunner(duckdb, scale.schemaName(), LoadDialect.DUCKDB, duckdbProgress);
        OptionalLong duckdbLoad = duckdbRunner.loadUnlessLoaded(data, options.reload);
        engines = new Engines(
            basaltRunner, duckdbRunner, Optional.empty(), Optional.empty(), "");
        loadLine = BenchReport.loads(basaltLoad, duckdbLoad);
      }
      engines.useSchemas();
      for (int number : workload.numbers()) {
        results.add(measure(workload.kit(), scale, number, engines));
      }
    } catch (SQLException e) {
      // Query failures are results; this is a failure to start, connect or load.
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
    out.println();
    out.print(BenchReport.format(results, loadLine));
    Files.createDirectories(outDirectory);
    String name = "tpch-" + (lake ? format.label() + "-" : "") + scale.folderName();
    Path csv = outDirectory.resolve(name + ".csv");
    Path png = outDirectory.resolve(name + ".png");
    BenchReport.writeCsv(results, csv);
    String over = switch (format) {
      case NATIVE -> "";
      case PARQUET -> " on Parquet";
      case ICEBERG -> " on Iceberg (DuckDB on Parquet)";
    };
    BenchChart.writePng(results,
        String.format(Locale.ROOT, "TPC-H SF %s%s: median of %d run%s, %d threads",
            scale.label(), over, runs, runs == 1 ? "" : "s", threads),
        png);
    out.printf("wrote %s and %s%n", csv, png);
    return results.stream().allMatch(BenchResult::allCorrect) ? 0 : 1;
  }

  /**
   * Writes (or reuses) the lake copies {@code format} reads and returns the runners over them:
   * over Parquet both engines read the unloaded files; over Iceberg Basalt reads the Iceberg
   * tables and, as its baseline, the Parquet files, which DuckDB reads too (it cannot read
   * Basalt's Iceberg catalog).
   */
  private Engines lakeEngines(TableFormat format, TpchData data, TpchScale scale,
      Path objectStoreRoot, Connection basalt, Connection basaltBaseline, Connection duckdb)
      throws SQLException {
    ParquetTables parquet = new ParquetTables(basalt, scale, objectStoreRoot, basaltProgress);
    OptionalLong unload = parquet.writeUnlessWritten(data, scale.schemaName(), options.reload);
    parquet.createDuckDbViews(duckdb);
    out.println(parquet.layout());
    TpchRunner duckdbRunner =
        new TpchRunner(duckdb, parquet.schema(), LoadDialect.DUCKDB, duckdbProgress);
    Optional<ObjectStoreScans> scans = Optional.of(new ObjectStoreScans(basalt));
    String unloadLine = ", UNLOAD to Parquet " + BenchReport.seconds(unload);
    String duckdbLine = "; DuckDB reads the Parquet files";
    if (format == TableFormat.PARQUET) {
      out.printf("both engines read the external schema %s: Basalt its external tables, "
          + "DuckDB views over read_parquet of the same files%n", parquet.schema());
      return new Engines(
          new TpchRunner(basalt, parquet.schema(), LoadDialect.BASALT, basaltProgress),
          duckdbRunner, Optional.empty(), scans, unloadLine + duckdbLine);
    }
    IcebergTables iceberg = new IcebergTables(basalt, scale, objectStoreRoot, basaltProgress);
    OptionalLong created = iceberg.writeUnlessWritten(data, scale.schemaName(), options.reload);
    out.println(iceberg.layout());
    out.printf("Basalt reads the Iceberg tables of %s and, as its baseline, the external "
        + "tables of %s; DuckDB views over read_parquet of the same Parquet files%n",
        iceberg.schema(), parquet.schema());
    TpchRunner baseline =
        new TpchRunner(basaltBaseline, parquet.schema(), LoadDialect.BASALT, basaltProgress);
    return new Engines(
        new TpchRunner(basalt, iceberg.schema(), LoadDialect.BASALT, basaltProgress),
        duckdbRunner, Optional.of(baseline), scans,
        unloadLine + ", CREATE TABLE AS Iceberg " + BenchReport.seconds(created) + duckdbLine);
  }

  /**
   * Times query {@code number} on every engine; with scans, counts the bytes Basalt's warm-up
   * run read from the object store (outside the timed runs, since it costs queries).
   */
  private BenchResult measure(TpchQueries kit, TpchScale scale, int number, Engines engines) {
    String name = QueryResult.name(number);
    Timing basalt = new Timing(engines.basalt(), kit, scale, number);
    Optional<Timing> baseline =
        engines.basaltParquet().map(runner -> new Timing(runner, kit, scale, number));
    Timing duckdb = new Timing(engines.duckdb(), kit, scale, number);
    OptionalLong scanned = OptionalLong.empty();
    if (engines.scans().isPresent()) {
      scanned = engines.scans().get().measure(basalt::warmUp);
    } else {
      basalt.warmUp();
    }
    baseline.ifPresent(Timing::warmUp);
    duckdb.warmUp();
    // Alternating spreads any drift (caches, background work) over the engines alike.
    for (int run = 0; run < runs; run++) {
      basalt.time();
      baseline.ifPresent(Timing::time);
      duckdb.time();
    }
    BenchResult result = new BenchResult(
        number, basalt.medianMillis(), duckdb.medianMillis(), basalt.worst, duckdb.worst,
        scanned, baseline.map(t -> new BenchResult.Baseline(t.medianMillis(), t.worst)));
    out.printf(Locale.ROOT, "%s: Basalt %.1f ms (%s%s), %sDuckDB %.1f ms (%s)%n",
        name, result.basaltMillis(), verdict(result.basalt()),
        scanned.isPresent()
            ? String.format(Locale.ROOT, ", %.1f MB from the object store",
                scanned.getAsLong() / 1e6)
            : "",
        result.basaltParquet()
            .map(b -> String.format(Locale.ROOT, "Basalt over Parquet %.1f ms (%s), ",
                b.millis(), verdict(b.result())))
            .orElse(""),
        result.duckdbMillis(), verdict(result.duckdb()));
    return result;
  }

  private static String verdict(QueryResult result) {
    return result.verdict().name().toLowerCase(Locale.ROOT);
  }

  /**
   * The runners of one benchmark: Basalt over the format under test, DuckDB, Basalt over the
   * Parquet baseline (Iceberg only), how to count Basalt's object-store bytes (lake formats) and
   * the load line's lake part.
   */
  private record Engines(TpchRunner basalt, TpchRunner duckdb,
      Optional<TpchRunner> basaltParquet, Optional<ObjectStoreScans> scans, String loadLine) {
    void useSchemas() throws SQLException {
      basalt.useSchema();
      duckdb.useSchema();
      if (basaltParquet.isPresent()) {
        basaltParquet.get().useSchema();
      }
    }
  }

  /** One engine's times for one query and its worst result, the first wrong one if any. */
  private static final class Timing {
    private final TpchRunner runner;
    private final TpchQueries kit;
    private final TpchScale scale;
    private final int number;
    private final List<Long> nanos = new ArrayList<>();
    private QueryResult worst;

    Timing(TpchRunner runner, TpchQueries kit, TpchScale scale, int number) {
      this.runner = runner;
      this.kit = kit;
      this.scale = scale;
      this.number = number;
    }

    void warmUp() {
      keep(runner.runQuietly(kit, scale, number));
    }

    void time() {
      // Timed here rather than from QueryResult.millis: at small scale factors DuckDB answers
      // in under a millisecond, and a zero would break the ratios.
      long started = System.nanoTime();
      QueryResult result = runner.runQuietly(kit, scale, number);
      nanos.add(System.nanoTime() - started);
      keep(result);
    }

    private void keep(QueryResult result) {
      if (worst == null || BenchResult.acceptable(worst.verdict())) {
        worst = result;
      }
    }

    double medianMillis() {
      long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      int middle = sorted.length / 2;
      double median = sorted.length % 2 == 1
          ? sorted[middle]
          : (sorted[middle - 1] + sorted[middle]) / 2.0;
      return median / 1e6;
    }
  }
}
