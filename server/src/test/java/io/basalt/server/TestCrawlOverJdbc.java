package io.basalt.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CRAWL over JDBC: files DuckDB wrote into the embedded object store are crawled into a catalog
 * database, queried through an external schema, and give DuckDB's answers over the same files.
 */
class TestCrawlOverJdbc {
  @TempDir
  static Path dataDirectory;
  static BasaltServer server;
  static DuckDbLake duckdb;
  static Path bucket;

  @BeforeAll
  static void start() throws SQLException, IOException {
    server = BasaltServer.start(ServerConfig.defaults().withPort(0)
        .withDataDirectory(dataDirectory).withAdminPassword("secret").withSlices(2));
    bucket = Files.createDirectories(dataDirectory.resolve("s3").resolve("lake"));
    duckdb = new DuckDbLake();
  }

  @AfterAll
  static void stop() throws SQLException {
    duckdb.close();
    server.close();
  }

  static Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", "secret");
    return DriverManager.getConnection(server.jdbcUrl(), properties);
  }

  /** Orders partitioned by year and month, customers as CSV with a header, events as JSON. */
  private static void writeSales(Path sales) throws SQLException, IOException {
    Files.createDirectories(sales);
    duckdb.copy("SELECT i AS id, i % 7 AS customer_id, CAST(i * 1.25 AS DECIMAL(12,2)) AS amount,"
        + " 'k' || (i % 3) AS kind, 2023 + i % 2 AS year, 1 + i % 3 AS month"
        + " FROM range(1, 1001) t(i)", sales.resolve("orders"),
        "FORMAT PARQUET, PARTITION_BY (year, month)");
    Files.createDirectories(sales.resolve("customers"));
    duckdb.copy("SELECT i AS id, 'customer ' || i AS name, DATE '2024-01-01' + CAST(i AS INT)"
        + " AS since FROM range(0, 7) t(i)", sales.resolve("customers/customers.csv"),
        "FORMAT CSV, HEADER");
    Files.createDirectories(sales.resolve("events"));
    duckdb.copy("SELECT i AS event_id, i % 10 AS order_id, CASE WHEN i % 2 = 0 THEN 'view'"
        + " ELSE 'click' END AS kind, i * 0.5 AS score FROM range(0, 50) t(i)",
        sales.resolve("events/events.json"), "FORMAT JSON");
  }

  @Test
  void crawledParquetCsvAndJsonAnswerAsDuckDbDoes() throws Exception {
    Path sales = bucket.resolve("sales");
    writeSales(sales);
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      assertThat(DuckDbLake.query(connection,
          "CRAWL 's3://lake/sales/' INTO DATABASE salesdb")).containsExactly(
          List.of("customers", "created", "csv", "s3://lake/sales/customers/", "3", "0"),
          List.of("events", "created", "json", "s3://lake/sales/events/", "4", "0"),
          List.of("orders", "created", "parquet", "s3://lake/sales/orders/", "4", "6"));
      statement.execute("CREATE EXTERNAL SCHEMA lake FROM DATA CATALOG DATABASE 'salesdb'");
      statement.execute("CREATE TABLE regions (customer_id BIGINT, region VARCHAR(10))");
      statement.execute("INSERT INTO regions VALUES (0, 'north'), (1, 'north'), (2, 'south'),"
          + " (3, 'east'), (4, 'west'), (5, 'west')");

      duckdb.execute("CREATE VIEW orders AS SELECT * FROM read_parquet('" + sales
          + "/orders/**/*.parquet', hive_partitioning = true)");
      duckdb.execute("CREATE VIEW customers AS SELECT * FROM read_csv('" + sales
          + "/customers/*.csv', header = true)");
      duckdb.execute("CREATE VIEW events AS SELECT * FROM read_json('" + sales
          + "/events/*.json')");
      duckdb.execute("CREATE TABLE regions (customer_id BIGINT, region VARCHAR(10))");
      duckdb.execute("INSERT INTO regions VALUES (0, 'north'), (1, 'north'), (2, 'south'),"
          + " (3, 'east'), (4, 'west'), (5, 'west')");

      for (String query : List.of(
          "SELECT COUNT(*), SUM(amount), MIN(id), MAX(id) FROM lake.orders",
          "SELECT year, month, COUNT(*), SUM(amount) FROM lake.orders GROUP BY year, month"
              + " ORDER BY year, month",
          "SELECT kind, COUNT(*), MIN(amount), MAX(amount) FROM lake.orders"
              + " WHERE year = 2024 AND month IN (1, 3) GROUP BY kind ORDER BY kind",
          "SELECT r.region, COUNT(*), SUM(o.amount) FROM lake.orders o"
              + " JOIN regions r ON o.customer_id = r.customer_id GROUP BY r.region ORDER BY 1",
          "SELECT c.name, c.since, COUNT(*) FROM lake.orders o JOIN lake.customers c"
              + " ON o.customer_id = c.id WHERE o.month = 2 GROUP BY c.name, c.since"
              + " ORDER BY c.name",
          "SELECT e.kind, COUNT(*), SUM(e.score), SUM(o.amount) FROM lake.events e"
              + " JOIN lake.orders o ON e.order_id = o.id GROUP BY e.kind ORDER BY e.kind",
          "SELECT COUNT(*) FROM lake.orders o LEFT JOIN regions r"
              + " ON o.customer_id = r.customer_id WHERE r.region IS NULL")) {
        assertThat(DuckDbLake.query(connection, query)).as(query)
            .isNotEmpty()
            .isEqualTo(duckdb.query(query.replace("lake.", "")));
      }

      assertThat(DuckDbLake.query(connection, "SELECT tablename, location, parameters"
          + " FROM svv_external_tables WHERE schemaname = 'lake' ORDER BY tablename"))
          .extracting(row -> row.get(0) + " " + row.get(1))
          .containsExactly("customers s3://lake/sales/customers/",
              "events s3://lake/sales/events/", "orders s3://lake/sales/orders/");
      assertThat(DuckDbLake.query(connection, "SELECT parameters FROM svv_external_tables"
          + " WHERE tablename = 'orders'").get(0).get(0))
          .contains("\"classification\":\"parquet\"").contains("\"numRows\":\"1000\"");
    }
  }
  @Test
  void aRerunAddsTheNewColumnAndPartitions() throws Exception {
    Path orders = Files.createDirectories(bucket.resolve("rerun"));
    duckdb.copy("SELECT i AS id, CAST(i AS DECIMAL(10,2)) AS amount, 2023 AS year,"
        + " 1 + i % 2 AS month FROM range(0, 40) t(i)", orders.resolve("orders"),
        "FORMAT PARQUET, PARTITION_BY (year, month)");
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      assertThat(DuckDbLake.query(connection, "CRAWL 's3://lake/rerun/' INTO DATABASE rerundb"))
          .containsExactly(List.of("orders", "created", "parquet", "s3://lake/rerun/orders/",
              "2", "2"));
      statement.execute("CREATE EXTERNAL SCHEMA rerun FROM DATA CATALOG DATABASE 'rerundb'");
      assertThat(DuckDbLake.query(connection, "SELECT COUNT(*) FROM rerun.orders"))
          .containsExactly(List.of("40"));

      // New files with one more column, in a partition of their own.
      Path staged = Files.createTempDirectory(dataDirectory, "staged");
      duckdb.copy("SELECT i AS id, CAST(i AS DECIMAL(10,2)) AS amount, i % 5 AS discount,"
          + " 2024 AS year, 1 AS month FROM range(100, 110) t(i)", staged.resolve("orders"),
          "FORMAT PARQUET, PARTITION_BY (year, month)");
      Files.move(staged.resolve("orders/year=2024"), orders.resolve("orders/year=2024"));
      assertThat(DuckDbLake.query(connection, "CRAWL 's3://lake/rerun/' INTO DATABASE rerundb"))
          .containsExactly(List.of("orders", "updated", "parquet", "s3://lake/rerun/orders/",
              "1", "1"));

      assertThat(DuckDbLake.query(connection, "SELECT columnname, external_type, part_key"
          + " FROM svv_external_columns WHERE schemaname = 'rerun' ORDER BY columnnum"))
          .containsExactly(List.of("id", "bigint", "0"), List.of("amount", "decimal(10,2)", "0"),
              List.of("discount", "bigint", "0"), List.of("year", "int", "1"),
              List.of("month", "int", "2"));
      assertThat(DuckDbLake.query(connection, "SELECT \"values\", location"
          + " FROM svv_external_partitions WHERE schemaname = 'rerun' ORDER BY location"))
          .containsExactly(
              List.of("[\"2023\",\"1\"]", "s3://lake/rerun/orders/year=2023/month=1/"),
              List.of("[\"2023\",\"2\"]", "s3://lake/rerun/orders/year=2023/month=2/"),
              List.of("[\"2024\",\"1\"]", "s3://lake/rerun/orders/year=2024/month=1/"));
      assertThat(DuckDbLake.query(connection, "SELECT version FROM svv_external_tables"
          + " WHERE schemaname = 'rerun'")).containsExactly(List.of("2"));

      String query = "SELECT year, month, COUNT(*), COUNT(discount), SUM(discount), SUM(amount)"
          + " FROM rerun.orders GROUP BY year, month ORDER BY year, month";
      duckdb.execute("CREATE VIEW orders_rerun AS SELECT * FROM read_parquet('" + orders
          + "/orders/**/*.parquet', hive_partitioning = true, union_by_name = true)");
      assertThat(DuckDbLake.query(connection, query)).hasSize(3)
          .isEqualTo(duckdb.query(query.replace("rerun.orders", "orders_rerun")));

      assertThat(DuckDbLake.query(connection, "CRAWL 's3://lake/rerun/' INTO DATABASE rerundb"))
          .containsExactly(List.of("orders", "unchanged", "parquet", "s3://lake/rerun/orders/",
              "0", "0"));
    }
  }

  @Test
  void missingBucketsEmptyPrefixesAndUnreadableFilesAreErrors() throws Exception {
    Files.writeString(Files.createDirectories(bucket.resolve("bad/t")).resolve("x.parquet"),
        "this is not parquet");
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      assertError(statement, "CRAWL 's3://nobucket/x/' INTO DATABASE errs", "58P01",
          "Cannot crawl 's3://nobucket/x/': bucket 'nobucket' does not exist");
      assertError(statement, "CRAWL 's3://lake/nothing/here/' INTO DATABASE errs", "58P01",
          "Cannot crawl 's3://lake/nothing/here/': there are no files under it");
      assertError(statement, "CRAWL 's3://lake/bad/' INTO DATABASE errs", "22P04",
          "Cannot read 's3://lake/bad/t/x.parquet': not a Parquet file (no PAR1 magic at its"
              + " end)");
      assertError(statement, "CRAWL 's3://lake/bad/' INTO DATABASE errs WITH (depth = 2)",
          "22023", "Cannot crawl 's3://lake/bad/': unknown option 'depth'");
      assertError(statement, "CRAWL 's3://lake/bad/' INTO DATABASE errs"
          + " WITH (exclude = '**/*.parquet', sample_size = 3)", "58P01",
          "Cannot crawl 's3://lake/bad/': there are no data files under it (1 hidden, excluded"
              + " or folder markers)");
      // A failed crawl creates no database.
      assertError(statement, "CREATE EXTERNAL SCHEMA errs FROM DATA CATALOG DATABASE 'errs'",
          "3F000", "database 'errs' does not exist in the Data Catalog");
    }
  }

  private static void assertError(Statement statement, String sql, String sqlState,
      String message) {
    assertThatThrownBy(() -> statement.execute(sql))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(sqlState));
  }
}
