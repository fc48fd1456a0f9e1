package io.basalt.tpch;

import static java.util.Objects.requireNonNull;

import io.basalt.ingest.tpch.TpchData;
import io.basalt.ingest.tpch.TpchSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The TPC-H tables copied from the natively loaded ones into the in-process server's object
 * store, one folder {@code s3://tpch/<prefix>/<table>/} per table, as the tables of one external
 * schema: the steps that {@link ParquetTables} (UNLOAD and external tables) and
 * {@link IcebergTables} (CTAS into Iceberg tables) share. A table that already holds its rows is
 * kept, so that a benchmark reuses the (slow to write) copies of an earlier run.
 *
 * <p>The tables are not partitioned: every TPC-H query filters on dates, which a partition key
 * would have to be derived from (a year column the queries do not use), so partitions would not
 * be pruned. Instead lineitem and orders are written in the order of their native sort keys
 * (l_shipdate, o_orderdate) in row groups of 32 MB at most, in files of about 16 MB: each row
 * group's statistics then cover a few months rather than all seven years, and every engine skips
 * the row groups (and Iceberg the files) outside a query's date range.
 */
abstract class LakeTables {
  /** The bucket of the server's embedded object store that holds the files. */
  static final String BUCKET = "tpch";

  /** The tables written sorted, and their sort keys: those of the native tables. */
  static final Map<String, String> SORT_KEYS =
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
  LakeTables(Connection basalt, TpchScale scale, Path objectStoreRoot, Consumer<String> progress) {
    this.basalt = requireNonNull(basalt, "basalt is null");
    this.scale = requireNonNull(scale, "scale is null");
    this.objectStoreRoot = requireNonNull(objectStoreRoot, "objectStoreRoot is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  /**
   * The lake copy that {@code format}'s queries read, over {@code basalt} (as the constructor);
   * empty for the native tables.
   */
  static Optional<LakeTables> of(TableFormat format, Connection basalt, TpchScale scale,
      Path objectStoreRoot, Consumer<String> progress) {
    return switch (format) {
      case NATIVE -> Optional.empty();
      case PARQUET -> Optional.of(new ParquetTables(basalt, scale, objectStoreRoot, progress));
      case ICEBERG -> Optional.of(new IcebergTables(basalt, scale, objectStoreRoot, progress));
    };
  }

  /** The format's name in messages: {@code Parquet}, {@code Iceberg}. */
  abstract String format();

  /**
   * The external schema (and Data Catalog database) of this scale and format:
   * {@code tpch_parquet_sf1}, {@code tpch_iceberg_sf1}.
   */
  String schema() {
    return "tpch_" + format().toLowerCase(Locale.ROOT) + "_"
        + scale.folderName().replace('.', '_');
  }

  /** The folder of this scale's tables in the bucket: {@code sf1}, {@code iceberg/sf1}. */
  abstract String prefix();

  /**
   * Whether {@code table} already holds exactly {@code rows} rows, readable in {@link #schema()}
   * (a lookup that fails means it does not).
   */
  abstract boolean holds(String table, long rows);

  /** Writes {@code table} of {@code nativeSchema} anew and makes it readable in the schema. */
  abstract void write(String nativeSchema, String table, long rows) throws SQLException;

  /** The line announcing {@code write}: {@code unloading tpch_sf1.lineitem to s3://...}. */
  abstract String writing(String nativeSchema, String table);

  /** The past tense of {@link #writing}, padded to its width: {@code unloaded }. */
  abstract String written();

  TpchScale scale() {
    return scale;
  }

  /** The object-store prefix of {@code table}'s files: {@code s3://tpch/sf1/lineitem/}. */
  String location(String table) {
    return "s3://" + BUCKET + "/" + prefix() + "/" + table + "/";
  }

  /** The local folder behind {@link #location}, which DuckDB reads. */
  Path folder(String table) {
    return objectStoreRoot.resolve(BUCKET).resolve(prefix()).resolve(table);
  }

  /**
   * Writes every table of {@code nativeSchema} that does not already hold {@code data}'s rows
   * (every table if {@code reload}), checking each one's row count; returns the nanoseconds
   * taken, or empty if every table was reused.
   */
  OptionalLong writeUnlessWritten(TpchData data, String nativeSchema, boolean reload)
      throws SQLException {
    createBucket();
    execute("CREATE EXTERNAL SCHEMA IF NOT EXISTS " + schema()
        + " FROM DATA CATALOG DATABASE '" + schema() + "' CREATE EXTERNAL DATABASE IF NOT EXISTS");
    List<String> missing = new ArrayList<>();
    for (String table : TpchSchema.TABLES) {
      if (reload || !holds(table, data.file(table).rows())) {
        missing.add(table);
      }
    }
    if (missing.isEmpty()) {
      progress.accept(String.format("%s tables under s3://%s/%s/ already hold the data: "
          + "not writing them again", format(), BUCKET, prefix()));
      return OptionalLong.empty();
    }
    long started = System.nanoTime();
    for (String table : TpchSchema.TABLES) {
      long expected = data.file(table).rows();
      if (!missing.contains(table)) {
        progress.accept(String.format(Locale.ROOT, "kept      %s.%s: it holds its %,d rows",
            schema(), table, expected));
        continue;
      }
      progress.accept(writing(nativeSchema, table));
      long tableStarted = System.nanoTime();
      write(nativeSchema, table, expected);
      long millis = (System.nanoTime() - tableStarted) / 1_000_000;
      long rows = countRows(table);
      List<Path> files = files(table);
      if (files.isEmpty()) {
        throw new SQLException(String.format(
            "Cannot find the %s files of %s under %s: the benchmark needs the server's "
                + "embedded object store (is AWS_ENDPOINT_URL set?)", format(), table,
            folder(table)), "58P01");
      }
      if (rows != expected) {
        throw new SQLException(String.format(
            "Cannot write TPC-H table %s.%s as %s: it has %d rows, %s.%s %d",
            nativeSchema, table, format(), expected, schema(), table, rows), "XX000");
      }
      progress.accept(String.format(Locale.ROOT, "%s %s.%s: %,d rows, %s in %.1f s",
          written(), schema(), table, rows, describe(files), millis / 1e3));
    }
    return OptionalLong.of(System.nanoTime() - started);
  }

  /** The query that reads {@code table} of {@code nativeSchema}, in its sort key's order. */
  static String sortedSelect(String nativeSchema, String table) {
    String sortKey = SORT_KEYS.get(table);
    return "SELECT * FROM " + nativeSchema + "." + table
        + (sortKey == null ? "" : " ORDER BY " + sortKey);
  }

  /** Returns a line saying how the tables are laid out: partitions, order, files and sizes. */
  String layout() {
    List<String> tables = new ArrayList<>();
    for (String table : List.of("lineitem", "orders")) {
      tables.add(table + " sorted by " + SORT_KEYS.get(table) + ", " + describe(files(table)));
    }
    return format() + " layout: all tables unpartitioned, 32 MB row groups; "
        + String.join("; ", tables);
  }

  /** The table's Parquet files, in its folder and below, by path. */
  List<Path> files(String table) {
    Path folder = folder(table);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.walk(folder)) {
      return listing.filter(file -> file.getFileName().toString().endsWith(".parquet"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the Parquet files in " + folder, e);
    }
  }

  /** The number of rows {@code table} of {@link #schema()} holds. */
  long countRows(String table) throws SQLException {
    return SqlStatements.countRows(basalt, schema() + "." + table);
  }

  /** Runs {@code sql} on Basalt; a failure names the statement's first line. */
  void execute(String sql) throws SQLException {
    SqlStatements.execute(basalt, sql);
  }

  /** The embedded store's bucket is a folder; UNLOAD and CREATE TABLE need it to exist. */
  private void createBucket() {
    try {
      Files.createDirectories(objectStoreRoot.resolve(BUCKET));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot create bucket '" + BUCKET + "' in " + objectStoreRoot, e);
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
}
