package io.basalt.tpch;

import static java.util.Objects.requireNonNull;

import io.basalt.ingest.tpch.TpchData;
import io.basalt.ingest.tpch.TpchSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Loads generated TPC-H data into one schema over a JDBC connection and runs the TPC-H queries
 * there, checking each result against the kit's reference answer.
 */
final class TpchRunner {
  private final Connection connection;
  private final String schema;
  private final LoadDialect dialect;
  private final Consumer<String> progress;

  /** Creates a runner that reports each step as a line to {@code progress}. */
  TpchRunner(Connection connection, String schema, LoadDialect dialect, Consumer<String> progress) {
    this.connection = requireNonNull(connection, "connection is null");
    this.schema = requireNonNull(schema, "schema is null");
    this.dialect = requireNonNull(dialect, "dialect is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  /** Returns whether every table exists and holds exactly as many rows as {@code data}'s file. */
  boolean isLoaded(TpchData data) {
    for (String table : TpchSchema.TABLES) {
      try {
        if (countRows(table) != data.file(table).rows()) {
          return false;
        }
      } catch (SQLException e) {
        return false;
      }
    }
    return true;
  }

  /**
   * Creates the schema, (re)creates the eight tables and loads each from its file, checking that
   * every row arrived.
   */
  List<TableLoad> load(TpchData data) throws SQLException {
    execute(TpchSchema.createSchema(schema));
    List<TableLoad> loads = new ArrayList<>();
    for (String table : TpchSchema.TABLES) {
      long expected = data.file(table).rows();
      progress.accept(String.format("loading %s.%s (%,d rows)", schema, table, expected));
      execute("DROP TABLE IF EXISTS " + schema + "." + table);
      execute(dialect.createTable(schema, table));
      long started = System.nanoTime();
      execute(dialect.copy(schema, table, data.directory()));
      long millis = (System.nanoTime() - started) / 1_000_000;
      long rows = countRows(table);
      if (rows != expected) {
        throw new SQLException(
            String.format(
                "Cannot load TPC-H table %s.%s: its file has %d rows, the table %d",
                schema, table, expected, rows),
            "XX000");
      }
      progress.accept(
          String.format("loaded  %s.%s: %,d rows in %.1f s", schema, table, rows, millis / 1e3));
      loads.add(new TableLoad(table, rows, millis));
    }
    return loads;
  }

  /**
   * Loads {@code data} unless the schema already holds it and {@code reload} is false; returns
   * the load's nanoseconds, or empty if nothing was loaded.
   */
  OptionalLong loadUnlessLoaded(TpchData data, boolean reload) throws SQLException {
    if (!reload && isLoaded(data)) {
      progress.accept(
          String.format("schema %s already holds the data: not loading again", schema));
      return OptionalLong.empty();
    }
    long started = System.nanoTime();
    List<TableLoad> loads = load(data);
    long nanos = System.nanoTime() - started;
    progress.accept(
        String.format(
            "loaded %,d rows in %.1f s",
            loads.stream().mapToLong(TableLoad::rows).sum(),
            nanos / 1e9));
    return OptionalLong.of(nanos);
  }

  /** Makes the runner's schema the one the queries' unqualified table names resolve in. */
  void useSchema() throws SQLException {
    dialect.useSchema(connection, schema);
  }

  /** Runs the queries {@code numbers} in order, checking answers at {@code scale}. */
  List<QueryResult> run(TpchQueries kit, TpchScale scale, List<Integer> numbers)
      throws SQLException {
    useSchema();
    List<QueryResult> results = new ArrayList<>();
    for (int number : numbers) {
      results.add(run(kit, scale, number));
    }
    return results;
  }

  /** Runs query {@code number} and compares it with its answer at {@code scale}, if any. */
  QueryResult run(TpchQueries kit, TpchScale scale, int number) {
    progress.accept("running " + QueryResult.name(number));
    QueryResult result = runQuietly(kit, scale, number);
    progress.accept(
        String.format(
            "%s: %s, %d rows, %d ms",
            result.name(),
            result.verdict().name().toLowerCase(Locale.ROOT),
            result.rows(),
            result.millis()));
    if (!result.message().isEmpty()) {
      progress.accept("  " + result.message());
    }
    return result;
  }

  /** Runs query {@code number} and checks it like {@code run}, but reports nothing. */
  QueryResult runQuietly(TpchQueries kit, TpchScale scale, int number) {
    String name = QueryResult.name(number);
    String sql = kit.query(number);
    Optional<AnswerFile> answer = kit.answer(scale, number);
    long started = System.nanoTime();
    ResultTable result;
    try (Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(sql)) {
      result = ResultTable.read(resultSet);
    } catch (SQLException | RuntimeException e) {
      long millis = (System.nanoTime() - started) / 1_000_000;
      return new QueryResult(
          number, 0, QueryResult.Verdict.FAILED, millis, name + ": " + describe(e));
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    long rows = result.rows().size();
    if (answer.isEmpty()) {
      return new QueryResult(
          number,
          rows,
          QueryResult.Verdict.UNCHECKED,
          millis,
          name + ": no answer for scale factor " + scale.label());
    }
    Optional<String> mismatch = ResultComparator.compare(name, answer.get(), result);
    return mismatch
        .map(message -> new QueryResult(number, rows, QueryResult.Verdict.WRONG, millis, message))
        .orElseGet(() -> new QueryResult(number, rows, QueryResult.Verdict.CORRECT, millis, ""));
  }

  private static String describe(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    String firstLine = message.lines().findFirst().orElse(message);
    if (e instanceof SQLException sqlException && sqlException.getSQLState() != null) {
      return firstLine + " [SQLSTATE " + sqlException.getSQLState() + "]";
    }
    return firstLine;
  }

  private long countRows(String table) throws SQLException {
    return SqlStatements.countRows(connection, schema + "." + table);
  }

  private void execute(String sql) throws SQLException {
    SqlStatements.execute(connection, sql);
  }
}
