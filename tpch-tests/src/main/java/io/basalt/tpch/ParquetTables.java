package io.basalt.tpch;

import io.basalt.ingest.tpch.TpchSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * The TPC-H tables as Parquet files in the in-process server's object store: written from the
 * natively loaded tables with UNLOAD, one folder {@code s3://tpch/sf<SF>/<table>/} per table,
 * registered in Basalt as the external tables of one external schema, and visible to DuckDB as
 * views of that schema's name over the very same files. Parallelism comes from the files (one
 * per UNLOAD writer) and their row groups; the layout is {@link LakeTables}'.
 */
final class ParquetTables extends LakeTables {

  ParquetTables(
      Connection basalt, TpchScale scale, Path objectStoreRoot, Consumer<String> progress) {
    super(basalt, scale, objectStoreRoot, progress);
  }

  @Override
  String format() {
    return "Parquet";
  }

  /** {@code sf1}: the Parquet files predate the other formats and keep their place. */
  @Override
  String prefix() {
    return scale().folderName();
  }

  @Override
  String writing(String nativeSchema, String table) {
    return "unloading " + nativeSchema + "." + table + " to " + location(table);
  }

  @Override
  String written() {
    return "unloaded ";
  }

  /** Whether the files exist and, registered (again), hold {@code rows} rows. */
  @Override
  boolean holds(String table, long rows) {
    try {
      if (files(table).isEmpty()) {
        return false;
      }
      register(table, rows);
      return countRows(table) == rows;
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  void write(String nativeSchema, String table, long rows) throws SQLException {
    execute(unload(nativeSchema, table));
    register(table, rows);
  }

  /** The UNLOAD statement that writes {@code table} of {@code nativeSchema}. */
  String unload(String nativeSchema, String table) {
    return "UNLOAD ('" + sortedSelect(nativeSchema, table) + "') TO '" + location(table)
        // CLEANPATH: files of an earlier run with more writers would otherwise stay and be read.
        + "' FORMAT AS PARQUET ROWGROUPSIZE 32 MB MAXFILESIZE 16 MB CLEANPATH";
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
}
