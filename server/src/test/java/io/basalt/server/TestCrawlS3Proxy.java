package io.basalt.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.objectstore.ObjectUri;
import io.basalt.storage.objectstore.S3ObjectStore;
import io.basalt.storage.objectstore.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CRAWL against a real S3 endpoint (S3Proxy): DuckDB writes a partitioned data set locally, it
 * is uploaded through {@link S3ObjectStore}, and the server configured for the endpoint crawls
 * and queries it.
 */
class TestCrawlS3Proxy {
  private static S3ProxyServer s3;

  @TempDir
  Path directory;

  @BeforeAll
  static void startS3() {
    s3 = S3ProxyServer.start();
    s3.createBucket("lake");
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  @Test
  void crawlsAndQueriesAPartitionedDataSetInS3() throws Exception {
    Path local = Files.createDirectories(directory.resolve("local"));
    try (DuckDbLake duckdb = new DuckDbLake()) {
      duckdb.copy("SELECT i AS id, 'item ' || (i % 4) AS item, i * 2 AS qty,"
          + " DATE '2025-01-01' + CAST(i % 3 AS INT) AS day FROM range(0, 300) t(i)",
          local.resolve("sales"), "FORMAT PARQUET, PARTITION_BY (day)");
      upload(local, "s3://lake/");

      Path config = directory.resolve("basalt.json");
      Files.writeString(config, "{\"object_store\": {\"s3\": {\"endpoint\": \"" + s3.endpoint()
          + "\", \"region\": \"us-east-1\", \"path_style_access\": true, \"access_key_id\": \""
          + s3.accessKey() + "\", \"secret_access_key\": \"" + s3.secretKey() + "\"}}}");
      try (BasaltServer server = BasaltServer.start(ServerConfig.defaults().withPort(0)
              .withDataDirectory(directory.resolve("data")).withAdminPassword("secret")
              .withSlices(2).withConfigFile(config));
          Connection connection = connect(server);
          Statement statement = connection.createStatement()) {
        assertThat(DuckDbLake.query(connection, "CRAWL 's3://lake/sales/' INTO DATABASE s3db"))
            .containsExactly(List.of("sales", "created", "parquet", "s3://lake/sales/", "3",
                "3"));
        statement.execute("CREATE EXTERNAL SCHEMA s3 FROM DATA CATALOG DATABASE 's3db'");
        assertThat(DuckDbLake.query(connection, "SELECT external_type FROM svv_external_columns"
            + " WHERE tablename = 'sales' AND columnname = 'day'"))
            .containsExactly(List.of("date"));

        duckdb.execute("CREATE VIEW sales AS SELECT * FROM read_parquet('" + local
            + "/sales/**/*.parquet', hive_partitioning = true)");
        for (String query : List.of(
            "SELECT day, item, COUNT(*), SUM(qty) FROM s3.sales GROUP BY day, item"
                + " ORDER BY day, item",
            "SELECT COUNT(*), SUM(qty) FROM s3.sales WHERE day = DATE '2025-01-02'")) {
          assertThat(DuckDbLake.query(connection, query)).as(query).isNotEmpty()
              .isEqualTo(duckdb.query(query.replace("s3.sales", "sales")));
        }
      }
    }
  }

  /** Uploads every file below {@code folder} to the same relative key below {@code prefix}. */
  private static void upload(Path folder, String prefix) throws IOException {
    try (S3ObjectStore store = new S3ObjectStore(s3.settings());
        Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        store.write(ObjectUri.parse(prefix).resolve(folder.relativize(file).toString()),
            Files.readAllBytes(file));
      }
    }
  }

  private static Connection connect(BasaltServer server) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", "secret");
    return DriverManager.getConnection(server.jdbcUrl(), properties);
  }
}
