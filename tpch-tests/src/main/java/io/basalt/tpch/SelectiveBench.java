package io.basalt.tpch;

import io.basalt.server.BasaltServer;
import io.basalt.server.ServerConfig;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * {@code basalt bench federated --selective}: a selective filter (about ten rows) on a large
 * PostgreSQL table, best of N runs each: the query run by PostgreSQL itself over JDBC, one
 * round trip to it ({@code SELECT 1}), and the same query through Basalt's federated schema,
 * with the remote SQL Basalt sent and the rows it returned. The filtered column has a B-tree
 * index unless {@code --no-index}.
 */
final class SelectiveBench {
  static final String REMOTE_SCHEMA = "selective";
  static final String FEDERATED_SCHEMA = "pg_selective";
  /** Every account has about ten events: ids are spread over rows / 10 accounts. */
  private static final int ROWS_PER_ACCOUNT = 10;
  private static final int ACCOUNT = 4242;

  private final PrintStream out;
  private final BenchPostgres postgres;
  private final int rows;
  private final boolean index;
  private final int warmUp;
  private final int bestOf;

  SelectiveBench(PrintStream out, BenchPostgres postgres, int rows, boolean index, int warmUp,
      int bestOf) {
    this.out = out;
    this.postgres = postgres;
    this.rows = rows;
    this.index = index;
    this.warmUp = warmUp;
    this.bestOf = bestOf;
  }

  /** The query, over {@code schema}'s events table. */
  static String query(String schema, int account) {
    return "SELECT id, account, amount, note FROM " + schema + ".events WHERE account = "
        + account;
  }

  int run(ServerConfig config, int threads) throws SQLException {
    int accounts = Math.max(1, rows / ROWS_PER_ACCOUNT);
    int account = ACCOUNT % accounts;
    try (Connection pg = postgres.connect()) {
      create(pg, accounts);
      try (BasaltServer server = BasaltServer.start(config);
          Connection basalt = TpchCommand.connect(server.jdbcUrl())) {
        try (Statement statement = basalt.createStatement()) {
          statement.execute("DROP SCHEMA IF EXISTS " + FEDERATED_SCHEMA);
          statement.execute("CREATE EXTERNAL SCHEMA " + FEDERATED_SCHEMA + " FROM POSTGRES "
              + "DATABASE '" + postgres.database() + "' SCHEMA '" + REMOTE_SCHEMA + "' URI '"
              + postgres.host() + "' PORT " + postgres.port() + " USER '" + postgres.user()
              + "' PASSWORD '" + postgres.password().replace("'", "''") + "'");
        }
        Best pgAlone = best(pg, query(REMOTE_SCHEMA, account));
        Best roundTrip = best(pg, "SELECT 1");
        BenchFederatedCommand.RemoteLog log = new BenchFederatedCommand.RemoteLog(basalt);
        Best[] basaltRun = new Best[1];
        List<FederatedResult.RemoteQuery> remote = log.during(
            () -> basaltRun[0] = bestUnchecked(basalt, query(FEDERATED_SCHEMA, account)));
        Best basaltRoundTrip = best(basalt, "SELECT 1");
        print(account, pgAlone, roundTrip, basaltRun[0], basaltRoundTrip, remote, threads);
        return pgAlone.rows() == basaltRun[0].rows() ? 0 : 1;
      }
    }
  }

  /** (Re)creates the table: {@code rows} events over {@code accounts} accounts, analyzed. */
  private void create(Connection pg, int accounts) throws SQLException {
    out.printf(Locale.ROOT, "PostgreSQL: creating %s.events with %,d rows (%s index on "
        + "account)%n", REMOTE_SCHEMA, rows, index ? "a B-tree" : "no");
    long started = System.nanoTime();
    try (Statement statement = pg.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + REMOTE_SCHEMA + " CASCADE");
      statement.execute("CREATE SCHEMA " + REMOTE_SCHEMA);
      statement.execute("CREATE TABLE " + REMOTE_SCHEMA + ".events (id bigint PRIMARY KEY, "
          + "account integer NOT NULL, amount numeric(12,2) NOT NULL, note varchar(40) "
          + "NOT NULL)");
      statement.execute("INSERT INTO " + REMOTE_SCHEMA + ".events SELECT i, i % " + accounts
          + ", (i % 100000) / 100.0, 'event ' || i FROM generate_series(1, " + rows + ") i");
      if (index) {
        statement.execute("CREATE INDEX ON " + REMOTE_SCHEMA + ".events (account)");
      }
      statement.execute("ANALYZE " + REMOTE_SCHEMA + ".events");
    }
    out.printf(Locale.ROOT, "PostgreSQL: created in %.1f s%n",
        (System.nanoTime() - started) / 1e9);
  }

  private void print(int account, Best pgAlone, Best roundTrip, Best basalt,
      Best basaltRoundTrip, List<FederatedResult.RemoteQuery> remote, int threads) {
    double target = pgAlone.millis() + roundTrip.millis();
    out.println();
    out.printf(Locale.ROOT, "Selective filter on a %,d-row PostgreSQL table (%s index on the "
        + "filtered column), best of %d runs each after %d warm-up runs, %d slices:%n", rows,
        index ? "a B-tree" : "no", bestOf, warmUp, threads);
    out.printf(Locale.ROOT, "  query: %s (in PostgreSQL: over %s.events)%n",
        query(FEDERATED_SCHEMA, account), REMOTE_SCHEMA);
    out.printf(Locale.ROOT, "  PostgreSQL alone, over JDBC          %9.2f ms  %d rows%n",
        pgAlone.millis(), pgAlone.rows());
    out.printf(Locale.ROOT, "  one round trip to it (SELECT 1)      %9.2f ms%n",
        roundTrip.millis());
    out.printf(Locale.ROOT, "  PostgreSQL + one round trip          %9.2f ms%n", target);
    out.printf(Locale.ROOT, "  Basalt through %s.events   %9.2f ms  %d rows  (%.1fx the "
        + "target, %+.2f ms)%n", FEDERATED_SCHEMA, basalt.millis(), basalt.rows(),
        basalt.millis() / target, basalt.millis() - target);
    out.printf(Locale.ROOT, "  one round trip to Basalt (SELECT 1)  %9.2f ms%n",
        basaltRoundTrip.millis());
    out.printf(Locale.ROOT, "  remote queries over the %d Basalt runs (warm-up included): %d%n",
        warmUp + bestOf, remote.size());
    if (!remote.isEmpty()) {
      FederatedResult.RemoteQuery last = remote.get(remote.size() - 1);
      long fastest = remote.stream().skip(warmUp)
          .mapToLong(FederatedResult.RemoteQuery::micros).min().orElse(last.micros());
      out.printf(Locale.ROOT, "  time in PostgreSQL's driver inside Basalt (pool, execute, "
          + "fetch; SVL_FEDERATE_SUBQUERY.duration), best %.2f ms%n", fastest / 1e3);
      out.printf(Locale.ROOT, "  remote SQL: %s -> %,d rows%n", last.sql(), last.rows());
    }
  }

  /**
   * The best of {@link #bestOf} runs of {@code sql} after {@link #warmUp} untimed ones, each
   * fetching every row. The warm-up is long enough for the JIT to compile the path: after a
   * single one, the timed runs mostly measured Basalt's code interpreted (5 to 15 ms for what
   * took 1.4 to 2.3 ms after 200).
   */
  private Best best(Connection connection, String sql) throws SQLException {
    Best best = null;
    for (int run = 0; run < warmUp + bestOf; run++) {
      long started = System.nanoTime();
      long count = 0;
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery(sql)) {
        int width = result.getMetaData().getColumnCount();
        while (result.next()) {
          for (int c = 1; c <= width; c++) {
            result.getObject(c);
          }
          count++;
        }
      }
      Best measured = new Best((System.nanoTime() - started) / 1e6, count);
      // The warm-up also opens connections and fills caches (plans, the remote metadata).
      if (run >= warmUp && (best == null || measured.millis() < best.millis())) {
        best = measured;
      }
    }
    return best;
  }

  private Best bestUnchecked(Connection connection, String sql) {
    try {
      return best(connection, sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot run " + sql + ": " + e.getMessage(), e);
    }
  }

  /** A best time and the rows that run returned. */
  private record Best(double millis, long rows) {}
}
