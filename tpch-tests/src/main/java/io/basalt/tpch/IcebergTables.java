package io.basalt.tpch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * The TPC-H tables as Iceberg tables in the in-process server's object store: created from the
 * natively loaded tables with CREATE TABLE AS in one external schema, each at
 * {@code s3://tpch/iceberg/sf<SF>/<table>/} (its data files under {@code data/}, its metadata
 * under {@code metadata/}), in the layout of {@link LakeTables}, the same as the Parquet
 * files', so that the two formats compare like for like. DuckDB cannot read Basalt's Iceberg
 * catalog; a benchmark gives it the Parquet files of {@link ParquetTables}.
 */
final class IcebergTables extends LakeTables {
  /**
   * The Parquet layout of {@link ParquetTables}' UNLOAD (ROWGROUPSIZE 32 MB MAXFILESIZE 16 MB)
   * in Iceberg's table properties; Iceberg writes zstd by default, as UNLOAD does.
   */
  private static final String PROPERTIES = "'table_type'='ICEBERG', "
      + "'write.parquet.row-group-size-bytes'='" + (32 << 20) + "', "
      + "'write.target-file-size-bytes'='" + (16 << 20) + "'";

  IcebergTables(
      Connection basalt, TpchScale scale, Path objectStoreRoot, Consumer<String> progress) {
    super(basalt, scale, objectStoreRoot, progress);
  }

  @Override
  String format() {
    return "Iceberg";
  }

  /** {@code iceberg/sf1}, beside the Parquet files' {@code sf1}. */
  @Override
  String prefix() {
    return "iceberg/" + scale().folderName();
  }

  @Override
  String writing(String nativeSchema, String table) {
    return "creating " + schema() + "." + table + " as " + nativeSchema + "." + table + " at "
        + location(table);
  }

  @Override
  String written() {
    return "created ";
  }

  /** Whether the Iceberg table exists and its current snapshot holds {@code rows} rows. */
  @Override
  boolean holds(String table, long rows) {
    try {
      return countRows(table) == rows;
    } catch (SQLException e) {
      return false;
    }
  }

  /** Drops the table and its files (those of an earlier run), then creates it anew. */
  @Override
  void write(String nativeSchema, String table, long rows) throws SQLException {
    execute("DROP TABLE IF EXISTS " + schema() + "." + table + " PURGE");
    execute(createTableAs(nativeSchema, table));
  }

  /** The CREATE TABLE AS statement that writes {@code table} of {@code nativeSchema}. */
  String createTableAs(String nativeSchema, String table) {
    return "CREATE TABLE " + schema() + "." + table + " LOCATION '" + location(table)
        + "' TBLPROPERTIES (" + PROPERTIES + ") AS " + sortedSelect(nativeSchema, table);
  }
}
