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
import java.util.function.Supplier;
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
 * then also shows the bytes Basalt's external scans read ({@link ObjectStoreScans}).
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

  BenchTpchCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    if (runs < 1) {
      throw new ParameterException(
          spec.commandLine(), "Cannot run the benchmark: --runs must be at least 1, got " + runs);
    }
    TpchOptions.Workload workload = options.workload(spec, out);
    TpchScale scale = workload.scale();
    TpchQueries kit = workload.kit();
    List<Integer> numbers = workload.numbers();
    boolean parquet = workload.format() == TableFormat.PARQUET;
    Path dataDirectory = options.dataDirectory;
    TpchData data = TpchCommand.generate(scale, dataDirectory, out);
    int threads = options.slices == null
        ? Runtime.getRuntime().availableProcessors() : options.slices;
    ServerConfig config = TpchCommand.serverConfig(dataDirectory, threads);
    Path duckdbFile = dataDirectory.resolve("duckdb").resolve(scale.folderName() + ".duckdb");
    // Over Parquet, DuckDB needs no database of its own: views over the files, in memory.
    String duckdbUrl = parquet ? "jdbc:duckdb:" : "jdbc:duckdb:" + duckdbFile.toAbsolutePath();
    if (!parquet) {
      Files.createDirectories(duckdbFile.getParent());
    }
    out.printf("starting Basalt (data in %s) and DuckDB (%s), %d slices/threads%n",
        config.dataDirectory(), parquet ? "in memory" : duckdbFile, threads);
    List<BenchResult> results = new ArrayList<>();
    String loadLine;
    try (BasaltServer server = BasaltServer.start(config);
        Connection basalt = TpchCommand.connect(server.jdbcUrl());
        Connection duckdb = DriverManager.getConnection(duckdbUrl)) {
      try (Statement statement = duckdb.createStatement()) {
        statement.execute("SET threads = " + threads);
      }
      Consumer<String> basaltProgress = line -> out.println("Basalt: " + line);
      Consumer<String> duckdbProgress = line -> out.println("DuckDB: " + line);
      TpchRunner basaltRunner =
          new TpchRunner(basalt, scale.schemaName(), LoadDialect.BASALT, basaltProgress);
      OptionalLong basaltLoad = basaltRunner.loadUnlessLoaded(data, options.reload);
      TpchRunner duckdbRunner;
      Optional<ObjectStoreScans> scans;
      if (parquet) {
        ParquetTables tables = new ParquetTables(
            basalt, scale, TpchCommand.objectStoreRoot(config), basaltProgress);
        OptionalLong unload = tables.writeUnlessWritten(data, scale.schemaName(), options.reload);
        tables.createDuckDbViews(duckdb);
        out.println(tables.layout());
        out.printf("both engines read the external schema %s: Basalt its external tables, "
            + "DuckDB views over read_parquet of the same files%n", tables.schema());
        basaltRunner = new TpchRunner(basalt, tables.schema(), LoadDialect.BASALT, basaltProgress);
        duckdbRunner = new TpchRunner(duckdb, tables.schema(), LoadDialect.DUCKDB, duckdbProgress);
        scans = Optional.of(new ObjectStoreScans(basalt));
        loadLine = "load: Basalt " + BenchReport.seconds(basaltLoad) + ", UNLOAD to Parquet "
            + BenchReport.seconds(unload) + "; DuckDB reads the Parquet files";
      } else {
        duckdbRunner =
            new TpchRunner(duckdb, scale.schemaName(), LoadDialect.DUCKDB, duckdbProgress);
        OptionalLong duckdbLoad = duckdbRunner.loadUnlessLoaded(data, options.reload);
        scans = Optional.empty();
        loadLine = BenchReport.loads(basaltLoad, duckdbLoad);
      }
      basaltRunner.useSchema();
      duckdbRunner.useSchema();
      for (int number : numbers) {
        results.add(measure(kit, scale, number, basaltRunner, duckdbRunner, scans));
      }
    } catch (SQLException e) {
      // Query failures are results; this is a failure to start, connect or load.
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
    out.println();
    out.print(BenchReport.format(results, loadLine));
    Files.createDirectories(outDirectory);
    String name = (parquet ? "tpch-parquet-" : "tpch-") + scale.folderName();
    Path csv = outDirectory.resolve(name + ".csv");
    Path png = outDirectory.resolve(name + ".png");
    BenchReport.writeCsv(results, csv);
    BenchChart.writePng(results,
        String.format(Locale.ROOT, "TPC-H SF %s%s: median of %d run%s, %d threads",
            scale.label(), parquet ? " on Parquet" : "", runs, runs == 1 ? "" : "s", threads),
        png);
    out.printf("wrote %s and %s%n", csv, png);
    boolean allCorrect =
        results.stream().allMatch(result -> result.basaltCorrect() && result.duckdbCorrect());
    return allCorrect ? 0 : 1;
  }

  /**
   * Times query {@code number} on both engines; with {@code scans}, counts the bytes Basalt's
   * warm-up run read from the object store (outside the timed runs, since it costs queries).
   */
  private BenchResult measure(TpchQueries kit, TpchScale scale, int number, TpchRunner basalt,
      TpchRunner duckdb, Optional<ObjectStoreScans> scans) {
    String name = QueryResult.name(number);
    Timing basaltTiming = new Timing();
    Timing duckdbTiming = new Timing();
    Runnable basaltWarmUp = () -> basaltTiming.warmUp(() -> basalt.runQuietly(kit, scale, number));
    OptionalLong scanned = OptionalLong.empty();
    if (scans.isPresent()) {
      scanned = scans.get().measure(basaltWarmUp);
    } else {
      basaltWarmUp.run();
    }
    duckdbTiming.warmUp(() -> duckdb.runQuietly(kit, scale, number));
    // Alternating spreads any drift (caches, background work) over both engines alike.
    for (int run = 0; run < runs; run++) {
      basaltTiming.time(() -> basalt.runQuietly(kit, scale, number));
      duckdbTiming.time(() -> duckdb.runQuietly(kit, scale, number));
    }
    BenchResult result = new BenchResult(
        number, basaltTiming.medianMillis(), duckdbTiming.medianMillis(),
        basaltTiming.worst, duckdbTiming.worst, scanned);
    out.printf(Locale.ROOT, "%s: Basalt %.1f ms (%s%s), DuckDB %.1f ms (%s)%n",
        name, result.basaltMillis(), verdict(result.basalt()),
        scanned.isPresent()
            ? String.format(Locale.ROOT, ", %.1f MB from the object store",
                scanned.getAsLong() / 1e6)
            : "",
        result.duckdbMillis(), verdict(result.duckdb()));
    return result;
  }

  private static String verdict(QueryResult result) {
    return result.verdict().name().toLowerCase(Locale.ROOT);
  }

  /** One engine's times for one query and its worst result, the first wrong one if any. */
  private static final class Timing {
    private final List<Long> nanos = new ArrayList<>();
    private QueryResult worst;

    void warmUp(Supplier<QueryResult> query) {
      keep(query.get());
    }

    void time(Supplier<QueryResult> query) {
      // Timed here rather than from QueryResult.millis: at small scale factors DuckDB answers
      // in under a millisecond, and a zero would break the ratios.
      long started = System.nanoTime();
      QueryResult result = query.get();
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
