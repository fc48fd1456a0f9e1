package io.basalt.tpch;

import io.basalt.ingest.tpch.TpchData;
import io.basalt.ingest.tpch.TpchSchema;
import io.basalt.server.BasaltServer;
import io.basalt.server.ServerConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code basalt bench federated}: TPC-H with {@code orders} and {@code customer} in PostgreSQL,
 * read through a federated schema, and the six other tables native in Basalt, joined by views
 * so the 22 queries run unchanged. Per query it prints whether Basalt's answer is right, its
 * median time, the remote queries it sent and the rows they returned (SVL_FEDERATE_SUBQUERY),
 * Basalt's time over its native tables alone, and PostgreSQL's time running the query itself
 * over all eight tables; then each query's remote SQL. With {@code --selective} it measures a
 * selective filter on a large remote table instead ({@link SelectiveBench}).
 */
@Command(
    name = "federated",
    mixinStandardHelpOptions = true,
    description = "TPC-H with orders and customer in PostgreSQL (federated) and the rest "
        + "native; or, with --selective, a selective filter on a large PostgreSQL table.")
final class BenchFederatedCommand implements Callable<Integer> {
  /** The tables the benchmark keeps in PostgreSQL and reads through the federated schema. */
  static final Set<String> REMOTE_TABLES = Set.of("orders", "customer");
  /** Basalt's federated schema over PostgreSQL's copy of the data. */
  static final String FEDERATED_SCHEMA = "pg_tpch";
  private static final int POSTGRES_TIMEOUT_SECONDS = 600;

  @Option(names = "--sf", defaultValue = "0.1",
      description = "Scale factor (default: ${DEFAULT-VALUE}).")
  String scaleFactor;

  @Option(names = "--queries", split = ",", paramLabel = "N",
      description = "Queries to run, e.g. 1,3,5 (default: all 22).")
  List<Integer> queries;

  @Option(names = "--runs", defaultValue = "3",
      description = "Timed runs per query and engine after a warm-up (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--best-of", defaultValue = "10",
      description = "With --selective: runs of each measurement, the best counted "
          + "(default: ${DEFAULT-VALUE}).")
  int bestOf;

  @Option(names = "--warm-up", defaultValue = "200",
      description = "With --selective: untimed runs of each measurement before the timed ones, "
          + "so that the JIT has compiled the path (default: ${DEFAULT-VALUE}).")
  int warmUp;

  @Option(names = "--data-dir", defaultValue = "./basalt-data-tpch",
      description = "Folder for generated data, the Basalt server and the PostgreSQL server "
          + "the benchmark starts (default: ${DEFAULT-VALUE}).")
  Path dataDirectory;

  @Option(names = "--tpch-dir",
      description = "The TPC-H kit folder with queries/ and answers/ (default: as basalt tpch).")
  Path tpchDirectory;

  @Option(names = "--slices", description = "Slices of the in-process server (default: cores).")
  Integer slices;

  @Option(names = "--reload", description = "Load Basalt's native tables even if loaded.")
  boolean reload;

  @Option(names = "--out", defaultValue = "bench-results",
      description = "Folder for the CSV and PNG results (default: ${DEFAULT-VALUE}).")
  Path outDirectory;

  @Option(names = "--pg-url",
      description = "JDBC URL of a PostgreSQL database to use instead of starting one with "
          + "scripts/test-databases.sh, e.g. jdbc:postgresql://127.0.0.1:5432/bench.")
  String postgresUrl;

  @Option(names = "--pg-user", description = "User for --pg-url.")
  String postgresUser;

  @Option(names = "--pg-password", defaultValue = "${env:PGPASSWORD:-}",
      description = "Password for --pg-url (default: the PGPASSWORD environment variable).")
  String postgresPassword;

  @Option(names = "--selective",
      description = "Measure a selective filter on a large remote table instead of TPC-H.")
  boolean selective;

  @Option(names = "--rows", defaultValue = "1000000",
      description = "With --selective: rows of the remote table (default: ${DEFAULT-VALUE}).")
  int selectiveRows;

  @Option(names = "--no-index",
      description = "With --selective: no index on the filtered column (PostgreSQL then scans "
          + "the table).")
  boolean noIndex;

  @Spec CommandSpec spec;

  private final PrintStream out;

  BenchFederatedCommand(PrintStream out) {
    this.out = out;
  }

  /** The checked options: scale, kit and query numbers; usage errors of the command line. */
  record Plan(TpchScale scale, TpchQueries kit, List<Integer> numbers) {}

  Plan plan() {
    if (runs < 1 || bestOf < 1) {
      throw new ParameterException(spec.commandLine(),
          "Cannot run the benchmark: --runs and --best-of must be at least 1");
    }
    if (warmUp < 1) {
      throw new ParameterException(spec.commandLine(),
          "Cannot run the benchmark: --warm-up must be at least 1, got " + warmUp);
    }
    if (selectiveRows < 10) {
      throw new ParameterException(spec.commandLine(),
          "Cannot run the benchmark: --rows must be at least 10, got " + selectiveRows);
    }
    if (postgresUrl != null && (postgresUser == null || !postgresUrl.startsWith(
        "jdbc:postgresql://"))) {
      throw new ParameterException(spec.commandLine(), "Cannot use --pg-url: give a "
          + "jdbc:postgresql://host:port/database URL and --pg-user");
    }
    if (postgresUrl == null && postgresUser != null) {
      throw new ParameterException(spec.commandLine(),
          "Cannot use --pg-user without --pg-url");
    }
    TpchScale scale;
    TpchQueries kit = null;
    try {
      scale = TpchScale.parse(scaleFactor);
      if (!selective) {
        kit = TpchQueries.locate(Optional.ofNullable(tpchDirectory));
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    List<Integer> numbers =
        queries == null || queries.isEmpty() ? TpchQueries.ALL : List.copyOf(queries);
    for (int number : numbers) {
      if (number < 1 || number > 22) {
        throw new ParameterException(
            spec.commandLine(), "Cannot run TPC-H query " + number + ": queries are 1 to 22");
      }
    }
    return new Plan(scale, kit, numbers);
  }

  @Override
  public Integer call() throws Exception {
    Plan plan = plan();
    int threads = slices == null ? Runtime.getRuntime().availableProcessors() : slices;
    ServerConfig config = TpchCommand.serverConfig(dataDirectory, threads);
    Consumer<String> postgresProgress = line -> out.println("PostgreSQL: " + line);
    try (BenchPostgres postgres = postgresUrl != null
        ? BenchPostgres.existing(postgresUrl, postgresUser, postgresPassword)
        : BenchPostgres.start(dataDirectory.resolve("postgres-bench"), postgresProgress)) {
      out.printf("PostgreSQL at %s (user %s)%n", postgres.url(), postgres.user());
      if (selective) {
        return new SelectiveBench(out, postgres, selectiveRows, !noIndex, warmUp, bestOf)
            .run(config, threads);
      }
      TpchData data = TpchCommand.generate(plan.scale(), dataDirectory, out);
      String remoteSchema = plan.scale().schemaName();
      postgres.loadTpch(data, remoteSchema, postgresProgress);
      return runTpch(plan, data, config, threads, postgres, remoteSchema);
    } catch (SQLException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
  }

  private int runTpch(Plan plan, TpchData data, ServerConfig config, int threads,
      BenchPostgres postgres, String remoteSchema) throws Exception {
    TpchScale scale = plan.scale();
    String nativeSchema = scale.schemaName();
    String mixedSchema = "tpch_fed_" + scale.folderName().replace('.', '_');
    Consumer<String> basaltProgress = line -> out.println("Basalt: " + line);
    List<FederatedResult> results = new ArrayList<>();
    out.printf("starting Basalt (data in %s), %d slices%n", config.dataDirectory(), threads);
    try (BasaltServer server = BasaltServer.start(config);
        Connection basalt = TpchCommand.connect(server.jdbcUrl());
        Connection mixed = TpchCommand.connect(server.jdbcUrl());
        Connection pg = postgres.connect()) {
      new TpchRunner(basalt, nativeSchema, LoadDialect.BASALT, basaltProgress)
          .loadUnlessLoaded(data, reload);
      createMix(basalt, postgres, remoteSchema, nativeSchema, mixedSchema);
      try (Statement statement = pg.createStatement()) {
        statement.execute("SET statement_timeout = '" + POSTGRES_TIMEOUT_SECONDS + "s'");
      }
      Consumer<String> quiet = line -> { };
      TpchRunner nativeRunner = new TpchRunner(basalt, nativeSchema, LoadDialect.BASALT, quiet);
      TpchRunner mixedRunner = new TpchRunner(mixed, mixedSchema, LoadDialect.BASALT, quiet);
      TpchRunner pgRunner = new TpchRunner(pg, remoteSchema, LoadDialect.POSTGRES, quiet);
      nativeRunner.useSchema();
      mixedRunner.useSchema();
      pgRunner.useSchema();
      out.printf("running %d queries: Basalt over %s (orders, customer from PostgreSQL), "
          + "Basalt over %s (all native), PostgreSQL alone over %s; warm-up and median of %d%n",
          plan.numbers().size(), mixedSchema, nativeSchema, remoteSchema, runs);
      RemoteLog log = new RemoteLog(mixed);
      for (int number : plan.numbers()) {
        results.add(measure(plan, number, mixedRunner, nativeRunner, pgRunner, log));
      }
    }
    out.println();
    out.print(FederatedReport.format(results));
    out.println();
    out.println("Remote SQL sent to PostgreSQL (last run of each query), with the rows "
        + "each returned:");
    out.print(FederatedReport.remoteSql(results));
    Files.createDirectories(outDirectory);
    Path csv = outDirectory.resolve("federated-" + scale.folderName() + ".csv");
    Path png = outDirectory.resolve("federated-" + scale.folderName() + ".png");
    FederatedReport.writeCsv(results, csv);
    FederatedChart.writePng(results, String.format(Locale.ROOT,
        "TPC-H SF %s, orders and customer in PostgreSQL: median of %d run%s, %d slices",
        scale.label(), runs, runs == 1 ? "" : "s", threads), png);
    out.printf("wrote %s and %s%n", csv, png);
    boolean correct = results.stream()
        .allMatch(r -> r.basalt().correct() && r.basaltNative().correct());
    return correct ? 0 : 1;
  }

  /**
   * Creates the federated schema over PostgreSQL's copy and the schema of views that puts its
   * orders and customer next to the six native tables, each view a plain SELECT *.
   */
  private static void createMix(Connection basalt, BenchPostgres postgres, String remoteSchema,
      String nativeSchema, String mixedSchema) throws SQLException {
    try (Statement statement = basalt.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + FEDERATED_SCHEMA);
      statement.execute("CREATE EXTERNAL SCHEMA " + FEDERATED_SCHEMA + " FROM POSTGRES "
          + "DATABASE '" + postgres.database() + "' SCHEMA '" + remoteSchema + "' URI '"
          + postgres.host() + "' PORT " + postgres.port() + " USER '" + postgres.user()
          + "' PASSWORD '" + postgres.password().replace("'", "''") + "'");
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + mixedSchema);
      for (String table : TpchSchema.TABLES) {
        String source = REMOTE_TABLES.contains(table) ? FEDERATED_SCHEMA : nativeSchema;
        statement.execute("CREATE OR REPLACE VIEW " + mixedSchema + "." + table
            + " AS SELECT * FROM " + source + "." + table + " WITH NO SCHEMA BINDING");
      }
    }
  }

  private FederatedResult measure(Plan plan, int number, TpchRunner mixed, TpchRunner basalt,
      TpchRunner pg, RemoteLog log) {
    Timing mixedTiming = new Timing(mixed, plan, number);
    Timing nativeTiming = new Timing(basalt, plan, number);
    Timing pgTiming = new Timing(pg, plan, number);
    List<FederatedResult.RemoteQuery> remote = log.during(mixedTiming::warmUp);
    nativeTiming.warmUp();
    pgTiming.warmUp();
    for (int run = 0; run < runs; run++) {
      remote = log.during(mixedTiming::time);
      nativeTiming.time();
      pgTiming.time();
    }
    FederatedResult result = new FederatedResult(number, mixedTiming.run(), remote,
        nativeTiming.run(), pgTiming.run());
    out.printf(Locale.ROOT, "%s: Basalt %.1f ms (%s), %d remote quer%s, %,d rows from "
            + "PostgreSQL; Basalt native %.1f ms (%s); PostgreSQL alone %.1f ms (%s, %d rows)%n",
        result.name(), result.basalt().millis(), verdict(result.basalt()), remote.size(),
        remote.size() == 1 ? "y" : "ies", result.remoteRows(), result.basaltNative().millis(),
        verdict(result.basaltNative()), result.postgres().millis(), verdict(result.postgres()),
        result.postgres().result().rows());
    return result;
  }

  private static String verdict(FederatedResult.Run run) {
    return run.result().verdict().name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads SVL_FEDERATE_SUBQUERY over one connection: the remote queries recorded while an
   * action ran, found as the rows of query ids above the largest before it (and, for scans of
   * Calcite's row engine, which record query id 0, the query-0 rows numbered past those before).
   */
  static final class RemoteLog {
    private final Connection connection;

    RemoteLog(Connection connection) {
      this.connection = connection;
    }

    List<FederatedResult.RemoteQuery> during(Runnable action) {
      long[] before = marks();
      action.run();
      List<FederatedResult.RemoteQuery> found = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT tablename, querytext, num_rows, "
              + "duration FROM svl_federate_subquery WHERE query > " + before[0]
              + " OR (query = 0 AND subquery > " + before[1] + ") ORDER BY query, subquery")) {
        while (rows.next()) {
          found.add(new FederatedResult.RemoteQuery(rows.getString(1), rows.getString(2),
              rows.getLong(3), rows.getLong(4)));
        }
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot read SVL_FEDERATE_SUBQUERY: " + e.getMessage(),
            e);
      }
      return found;
    }

    /** The largest query id recorded, and how many query-0 rows there are. */
    private long[] marks() {
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT coalesce(max(query), 0), "
              + "count(CASE WHEN query = 0 THEN 1 END) FROM svl_federate_subquery")) {
        rows.next();
        return new long[] {rows.getLong(1), rows.getLong(2)};
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot read SVL_FEDERATE_SUBQUERY: " + e.getMessage(),
            e);
      }
    }
  }

  /** One engine's times for one query and its worst result, the first wrong one if any. */
  private static final class Timing {
    private final TpchRunner runner;
    private final Plan plan;
    private final int number;
    private final List<Long> nanos = new ArrayList<>();
    private QueryResult worst;

    Timing(TpchRunner runner, Plan plan, int number) {
      this.runner = runner;
      this.plan = plan;
      this.number = number;
    }

    void warmUp() {
      keep(runner.runQuietly(plan.kit(), plan.scale(), number));
    }

    void time() {
      long started = System.nanoTime();
      QueryResult result = runner.runQuietly(plan.kit(), plan.scale(), number);
      nanos.add(System.nanoTime() - started);
      keep(result);
    }

    private void keep(QueryResult result) {
      if (worst == null || BenchResult.acceptable(worst.verdict())) {
        worst = result;
      }
    }

    FederatedResult.Run run() {
      long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      int middle = sorted.length / 2;
      double median = sorted.length % 2 == 1
          ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
      return new FederatedResult.Run(median / 1e6, worst);
    }
  }
}
