package io.basalt.tpch;

import static java.util.Objects.requireNonNull;

import io.basalt.ingest.tpch.TpchData;
import io.basalt.ingest.tpch.TpchSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The TPC-H tables as Parquet files in the in-process server's object store: written from the
 * natively loaded tables with UNLOAD, one folder {@code s3://tpch/sf<SF>/<table>/} per table,
 * registered in Basalt as the external tables of one external schema, and visible to DuckDB as
 * views of that schema's name over the very same files.
 *
 * <p>The tables are not partitioned: every TPC-H query filters on dates, which a partition key
 * would have to be derived from (a year column the queries do not use), so partitions would not
 * be pruned. Instead lineitem and orders are written in the order of their native sort keys
 * (l_shipdate, o_orderdate) in row groups of 32 MB, the smallest UNLOAD writes: each row group's
 * statistics then cover a few years rather than all seven, and both engines skip the row groups
 * outside a query's date range. Parallelism comes from the files (one per UNLOAD writer) and
 * their row groups.
 */
final class ParquetTables {
  /** The bucket of the server's embedded object store that holds the files. */
  static final String BUCKET = "tpch";

  /** The tables written sorted, and their sort keys: those of the native tables. */
  private static final Map<String, String> SORT_KEYS =
      Map.of("lineitem", "l_shipdate", "orders", "o_orderdate");

  private final Connection basalt;
  private final TpchScale scale;
  private final Path objectStoreRoot;
  private final Consumer<String> progress;

  /**
   * Works over {@code basalt}, a connection to the server whose embedded object store (where
   * {@code s3://bucket/key} is {@code <objectStoreRoot>/bucket/key}) is at {@code
   * objectStoreRoot}; reports each step as a line to {@code progress}.
   */
  ParquetTables(
      Connection basalt, TpchScale scale, Path objectStoreRoot, Consumer<String> progress) {
    this.basalt = requireNonNull(basalt, "basalt is null");
    this.scale = requireNonNull(scale, "scale is null");
    this.objectStoreRoot = requireNonNull(objectStoreRoot, "objectStoreRoot is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  /** The external schema (and Data Catalog database) of this scale: {@code tpch_parquet_sf1}. */
  String schema() {
    return "tpch_parquet_" + scale.folderName().replace('.', '_');
  }

  /** The object-store prefix of {@code table}'s files: {@code s3://tpch/sf1/lineitem/}. */
  String location(String table) {
    return "s3://" + BUCKET + "/" + scale.folderName() + "/" + table + "/";
  }

  /** The local folder behind {@link #location}, which DuckDB reads. */
  Path folder(String table) {
    return objectStoreRoot.resolve(BUCKET).resolve(scale.folderName()).resolve(table);
  }

  /**
   * Unloads every table of {@code nativeSchema} to Parquet and registers it, unless the files
   * already hold {@code data} and {@code reload} is false; returns the nanoseconds taken, or
   * empty if the files were reused.
   */
  OptionalLong writeUnlessWritten(TpchData data, String nativeSchema, boolean reload)
      throws SQLException {
    createBucket();
    execute("CREATE EXTERNAL SCHEMA IF NOT EXISTS " + schema()
        + " FROM DATA CATALOG DATABASE '" + schema() + "' CREATE EXTERNAL DATABASE IF NOT EXISTS");
    if (!reload && isWritten(data)) {
      progress.accept(String.format(
          "Parquet files under s3://%s/%s/ already hold the data: not unloading again",
          BUCKET, scale.folderName()));
      return OptionalLong.empty();
    }
    long started = System.nanoTime();
    for (String table : TpchSchema.TABLES) {
      long expected = data.file(table).rows();
      progress.accept(String.format(
          "unloading %s.%s to %s", nativeSchema, table, location(table)));
      long tableStarted = System.nanoTime();
      execute(unload(nativeSchema, table));
      long millis = (System.nanoTime() - tableStarted) / 1_000_000;
      register(table, expected);
      long rows = countRows(table);
      List<Path> files = files(table);
      if (files.isEmpty()) {
        throw new SQLException(String.format(
            "Cannot find the Parquet files of %s under %s: the benchmark needs the server's "
                + "embedded object store (is AWS_ENDPOINT_URL set?)", table, folder(table)),
            "58P01");
      }
      if (rows != expected) {
        throw new SQLException(String.format(
            "Cannot unload TPC-H table %s.%s: it has %d rows, the Parquet files %d",
            nativeSchema, table, expected, rows), "XX000");
      }
      progress.accept(String.format(Locale.ROOT,
          "unloaded  %s.%s: %,d rows, %s in %.1f s",
          schema(), table, rows, describe(files), millis / 1e3));
    }
    return OptionalLong.of(System.nanoTime() - started);
  }

  /** The UNLOAD statement that writes {@code table} of {@code nativeSchema}. */
  String unload(String nativeSchema, String table) {
    String sortKey = SORT_KEYS.get(table);
    return "UNLOAD ('SELECT * FROM " + nativeSchema + "." + table
        + (sortKey == null ? "" : " ORDER BY " + sortKey) + "') TO '" + location(table)
        // CLEANPATH: files of an earlier run with more writers would otherwise stay and be read.
        + "' FORMAT AS PARQUET ROWGROUPSIZE 32 MB MAXFILESIZE 16 MB CLEANPATH";
  }

  /** Returns a line saying how the tables are laid out: partitions, order, files and sizes. */
  String layout() {
    List<String> tables = new ArrayList<>();
    for (String table : List.of("lineitem", "orders")) {
      tables.add(table + " sorted by " + SORT_KEYS.get(table) + ", " + describe(files(table)));
    }
    return "Parquet layout: all tables unpartitioned, 32 MB row groups; "
        + String.join("; ", tables);
  }

  /**
   * Creates, in {@code duckdb}, a schema of {@link #schema()}'s name with one view per table over
   * that table's Parquet files, so that the queries run unchanged on the same files.
   */
  void createDuckDbViews(Connection duckdb) throws SQLException {
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema());
      for (String table : TpchSchema.TABLES) {
        String glob = folder(table).toAbsolutePath().resolve("*.parquet").toString();
        statement.execute("CREATE OR REPLACE VIEW " + schema() + "." + table
            + " AS SELECT * FROM read_parquet('" + glob.replace("'", "''") + "')");
      }
    }
  }

  /** Whether every table is registered over files holding exactly its file's rows. */
  private boolean isWritten(TpchData data) {
    for (String table : TpchSchema.TABLES) {
      long expected = data.file(table).rows();
      try {
        if (files(table).isEmpty()) {
          return false;
        }
        register(table, expected);
        if (countRows(table) != expected) {
          return false;
        }
      } catch (SQLException e) {
        return false;
      }
    }
    return true;
  }

  /** (Re)creates the external table over {@code table}'s files, with its row count. */
  private void register(String table, long rows) throws SQLException {
    execute("DROP TABLE IF EXISTS " + schema() + "." + table);
    // External tables have no NOT NULL: the columns are the native ones without it.
    String columns = TpchSchema.columnDefinitions(table).replace(" NOT NULL", "");
    execute("CREATE EXTERNAL TABLE " + schema() + "." + table + " (\n" + columns + "\n)\n"
        + "STORED AS PARQUET LOCATION '" + location(table) + "'\n"
        // The planner orders joins by row counts; an external table has only this one.
        + "TABLE PROPERTIES ('numRows'='" + rows + "')");
  }

  /** The embedded store's bucket is a folder; UNLOAD, like S3, needs it to exist. */
  private void createBucket() {
    try {
      Files.createDirectories(objectStoreRoot.resolve(BUCKET));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot create bucket '" + BUCKET + "' in " + objectStoreRoot, e);
    }
  }

  /** The table's Parquet files, by name. */
  private List<Path> files(String table) {
    Path folder = folder(table);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(folder)) {
      return listing.filter(file -> file.getFileName().toString().endsWith(".parquet"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the Parquet files in " + folder, e);
    }
  }

  private static String describe(List<Path> files) {
    long bytes = 0;
    for (Path file : files) {
      try {
        bytes += Files.size(file);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the size of " + file, e);
      }
    }
    return String.format(Locale.ROOT, "%d file%s (%.1f MB)",
        files.size(), files.size() == 1 ? "" : "s", bytes / 1e6);
  }

  private long countRows(String table) throws SQLException {
    try (Statement statement = basalt.createStatement();
        ResultSet resultSet =
            statement.executeQuery("SELECT count(*) FROM " + schema() + "." + table)) {
      resultSet.next();
      return resultSet.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = basalt.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new SQLException(
          "Cannot run \"" + sql.lines().findFirst().orElse(sql) + "\": " + e.getMessage(),
          e.getSQLState(),
          e);
    }
  }
}
