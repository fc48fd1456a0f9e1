package io.basalt.tpch;

import io.basalt.ingest.tpch.TpchDataGenerator;
import io.basalt.ingest.tpch.TpchSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** The SQL a database needs to hold and load the TPC-H tables, and to make a schema current. */
interface LoadDialect {
  /** Basalt's Redshift dialect: physical design in the DDL, COPY with a pipe delimiter. */
  LoadDialect BASALT =
      new LoadDialect() {
        @Override
        public String createTable(String schema, String table) {
          return TpchSchema.createTable(schema, table);
        }

        @Override
        public String copy(String schema, String table, Path directory) {
          return TpchSchema.copy(schema, table, directory.toAbsolutePath().toString());
        }
      };

  /** DuckDB takes the column definitions without Redshift's table attributes. */
  LoadDialect DUCKDB =
      new LoadDialect() {
        @Override
        public String createTable(String schema, String table) {
          return "CREATE TABLE " + schema + "." + table + " (\n"
              + TpchSchema.columnDefinitions(table) + "\n)";
        }

        @Override
        public String copy(String schema, String table, Path directory) {
          return "COPY " + schema + "." + table + " FROM '"
              + TpchDataGenerator.tableFile(directory, table).toAbsolutePath()
              + "' (DELIMITER '|')";
        }
      };

  /**
   * PostgreSQL, for running the queries there ({@code basalt bench federated}): its tables are
   * loaded with COPY FROM STDIN by {@link BenchPostgres}, as a server-side COPY of a file needs
   * a superuser.
   */
  LoadDialect POSTGRES =
      new LoadDialect() {
        @Override
        public String createTable(String schema, String table) {
          return DUCKDB.createTable(schema, table);
        }

        @Override
        public String copy(String schema, String table, Path directory) {
          throw new UnsupportedOperationException(
              "Cannot load " + schema + "." + table + " by COPY FROM a file: BenchPostgres "
                  + "streams it with COPY FROM STDIN");
        }
      };

  /** Returns the CREATE TABLE statement of {@code table} in {@code schema}. */
  String createTable(String schema, String table);

  /** Returns the statement that loads {@code <directory>/<table>.tbl} into the table. */
  String copy(String schema, String table, Path directory);

  /** Makes {@code schema} the one that unqualified table names in the queries resolve in. */
  default void useSchema(Connection connection, String schema) throws SQLException {
    connection.setSchema(schema);
  }
}
