package io.basalt.tpch;

import io.basalt.ingest.tpch.TpchData;
import io.basalt.ingest.tpch.TpchDataGenerator;
import io.basalt.ingest.tpch.TpchProgressListener;
import io.basalt.ingest.tpch.TpchTableFile;
import io.basalt.server.BasaltServer;
import io.basalt.server.ServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code basalt tpch}: generates TPC-H data, starts an in-process Basalt server, loads the data
 * through the Basalt JDBC driver, runs the queries, checks them against the reference answers and
 * prints a table of verdicts and timings; the exit code is 1 if any query is wrong or failed.
 * With {@code --format parquet} the queries read the tables unloaded to Parquet instead, with
 * {@code --format iceberg} the tables copied into Iceberg tables ({@link LakeTables}).
 */
@Command(
    name = "tpch",
    mixinStandardHelpOptions = true,
    description = "Generate, load and run the 22 TPC-H queries on Basalt and check the answers.")
public final class TpchCommand implements Callable<Integer> {
  /** The harness's own server data directory needs a fixed password to be reopened. */
  static final String ADMIN_PASSWORD = "basalt-tpch";

  @Mixin private TpchOptions options;

  @Spec private CommandSpec spec;

  private final PrintStream out;

  /** Creates the command printing to standard output. */
  public TpchCommand() {
    this(System.out);
  }

  TpchCommand(PrintStream out) {
    this.out = out;
  }

  /** Runs {@code basalt tpch} and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new TpchCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    TpchOptions.Workload workload = options.workload(spec, out);
    TpchScale scale = workload.scale();
    TpchQueries kit = workload.kit();
    List<Integer> numbers = workload.numbers();
    TpchData data = generate(scale, options.dataDirectory, out);
    ServerConfig config = serverConfig(options.dataDirectory, options.slices);
    out.printf("starting Basalt (data in %s)%n", config.dataDirectory());
    List<QueryResult> results;
    try (BasaltServer server = BasaltServer.start(config);
        Connection connection = connect(server.jdbcUrl())) {
      out.printf("connected to %s%n", server.jdbcUrl());
      TpchRunner runner =
          new TpchRunner(connection, scale.schemaName(), LoadDialect.BASALT, out::println);
      runner.loadUnlessLoaded(data, options.reload);
      Optional<LakeTables> lake = LakeTables.of(
          workload.format(), connection, scale, objectStoreRoot(config), out::println);
      if (lake.isPresent()) {
        LakeTables tables = lake.get();
        tables.writeUnlessWritten(data, scale.schemaName(), options.reload);
        out.println(tables.layout());
        out.printf("running the queries on the %s tables of %s%n",
            tables.format(), tables.schema());
        runner = new TpchRunner(connection, tables.schema(), LoadDialect.BASALT, out::println);
      }
      results = runner.run(kit, scale, numbers);
    } catch (SQLException e) {
      // Query failures are results; this is a failure to connect or to load, which ends the run.
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
    out.println();
    out.print(Report.format(results));
    boolean allPassed =
        results.stream()
            .allMatch(result -> result.verdict() == QueryResult.Verdict.CORRECT
                || result.verdict() == QueryResult.Verdict.UNCHECKED);
    return allPassed ? 0 : 1;
  }

  /** Returns the in-process server's configuration: a free port, data in {@code dataDirectory}. */
  static ServerConfig serverConfig(Path dataDirectory, Integer slices) {
    ServerConfig config =
        ServerConfig.defaults()
            .withPort(0)
            .withDataDirectory(dataDirectory.resolve("server"))
            .withAdminPassword(ADMIN_PASSWORD);
    return slices == null ? config : config.withSlices(slices);
  }

  /**
   * The folder of the in-process server's embedded object store, where {@code s3://b/k} is
   * {@code <folder>/b/k}: the server's default, {@code s3} in its data directory.
   */
  static Path objectStoreRoot(ServerConfig config) {
    return config.dataDirectory().toAbsolutePath().resolve("s3");
  }

  /** Generates (or reuses) the data of {@code scale} under {@code dataDirectory}/tbl. */
  static TpchData generate(TpchScale scale, Path dataDirectory, PrintStream out)
      throws IOException {
    Path directory = dataDirectory.resolve("tbl").resolve(scale.folderName());
    out.printf("TPC-H data for scale factor %s in %s%n", scale.label(), directory);
    long started = System.nanoTime();
    TpchData data =
        new TpchDataGenerator(scale.doubleValue()).generate(directory, new ThrottledProgress(out));
    out.printf("data ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
    return data;
  }

  /** Connects to the in-process server as its administrator. */
  static Connection connect(String url) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", ADMIN_PASSWORD);
    return DriverManager.getConnection(url, properties);
  }

  /** Prints generation progress at most every five seconds, and every finished table. */
  private static final class ThrottledProgress implements TpchProgressListener {
    private static final long INTERVAL_NANOS = 5_000_000_000L;
    private final PrintStream out;
    private long lastPrinted = System.nanoTime();

    ThrottledProgress(PrintStream out) {
      this.out = out;
    }

    @Override
    public void progress(String table, long rows) {
      long now = System.nanoTime();
      if (now - lastPrinted >= INTERVAL_NANOS) {
        out.printf("  generating %s: %,d rows%n", table, rows);
        lastPrinted = now;
      }
    }

    @Override
    public void completed(TpchTableFile file) {
      if (file.reused()) {
        out.printf("  %-8s %,12d rows (already generated)%n", file.table(), file.rows());
      } else {
        out.printf("  %-8s %,12d rows in %.1f s%n",
            file.table(), file.rows(), file.elapsed().toMillis() / 1e3);
      }
    }
  }
}
