package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.server.BasaltServer;
import io.basalt.server.ServerConfig;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * UNLOAD, CREATE EXTERNAL TABLE AS and INSERT INTO external tables over JDBC, against one object
 * store: the embedded folder store or a real S3 endpoint, by subclass. Every test writes under a
 * prefix of its own in bucket {@code lake} and reads the objects back through its own client of
 * the same store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LakeWritesTestBase {
  static final String PASSWORD = "pw";
  static final String BUCKET = "lake";
  /** Rows of the source table {@code src}: ids 0 to 9999. */
  static final int ROWS = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  Path dataDirectory;
  BasaltServer server;
  ObjectStore objects;
  private TimeZone originalTimeZone;

  /** Prepares the store (bucket {@link #BUCKET}) and returns the server's configuration. */
  abstract ServerConfig configure(ServerConfig config, Path dataDirectory) throws IOException;

  /** A client of the store the server writes to. */
  abstract ObjectStore openStore(Path dataDirectory);

  /** Stops what {@link #configure} started. */
  void stopStore() {}

  @BeforeAll
  void start(@TempDir Path directory) throws Exception {
    dataDirectory = directory;
    originalTimeZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    ServerConfig config = configure(ServerConfig.defaults().withPort(0)
        .withDataDirectory(dataDirectory).withAdminPassword(PASSWORD).withSlices(2),
        dataDirectory);
    server = BasaltServer.start(config);
    objects = openStore(dataDirectory);
    execute("CREATE EXTERNAL SCHEMA lake FROM DATA CATALOG DATABASE 'lakedb' "
        + "CREATE EXTERNAL DATABASE IF NOT EXISTS");
    execute("CREATE TABLE src (id INTEGER NOT NULL, name VARCHAR(20), grp INTEGER, "
        + "amount DECIMAL(12,2), day DATE, ts TIMESTAMP, flag BOOLEAN, ratio DOUBLE PRECISION, "
        + "big BIGINT)");
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      digits.append(i == 0 ? "" : ", ").append('(').append(i).append(')');
    }
    execute("INSERT INTO src SELECT id, CASE WHEN MOD(id, 97) = 0 THEN NULL "
        + "ELSE 'name|' || CAST(id AS VARCHAR(10)) END, "
        + "CASE WHEN MOD(id, 101) = 0 THEN NULL ELSE MOD(id, 4) END, "
        + "CAST(id AS DECIMAL(12,2)) / 4, "
        + "CAST(DATE '2024-01-01' + MOD(id, 365) AS DATE), "
        + "CAST('2024-03-01 12:00:00' AS TIMESTAMP) + MOD(id, 1000) * INTERVAL '1' SECOND, "
        + "MOD(id, 3) = 0, id / 8.0, CAST(id AS BIGINT) * 1000000007 "
        + "FROM (SELECT a.x * 100 + b.x AS id FROM (VALUES " + digits + ") a (x), (VALUES "
        + digits + ") b (x)) AS numbers");
  }

  @AfterAll
  void stop() {
    if (objects != null) {
      objects.close();
    }
    if (server != null) {
      server.close();
    }
    stopStore();
    TimeZone.setDefault(originalTimeZone);
  }

  // (a) UNLOAD to Parquet, then external tables over the files (and CTAS) read the same rows.

  @Test
  void unloadedParquetReadsBackAsAnExternalTable() throws SQLException {
    assertThat(update("UNLOAD ('SELECT * FROM src') TO 's3://lake/a_parquet/' "
        + "FORMAT AS PARQUET")).isEqualTo(ROWS);
    assertThat(keys("a_parquet/")).allMatch(k -> k.matches("a_parquet/000[0-9]_part_00\\.parquet"))
        .isNotEmpty();
    execute("CREATE EXTERNAL TABLE lake.a_parquet (id INT, name VARCHAR(20), grp INT, "
        + "amount DECIMAL(12,2), day DATE, ts TIMESTAMP, flag BOOLEAN, ratio DOUBLE PRECISION, "
        + "big BIGINT) STORED AS PARQUET LOCATION 's3://lake/a_parquet/'");
    String columns = "id, name, grp, amount, day, ts, flag, ratio, big";
    assertThat(rows("SELECT " + columns + " FROM lake.a_parquet ORDER BY id"))
        .hasSize(ROWS)
        .isEqualTo(rows("SELECT " + columns + " FROM src ORDER BY id"));

    // CREATE EXTERNAL TABLE AS from the unloaded files, then read it back too.
    execute("CREATE EXTERNAL TABLE lake.a_copy STORED AS PARQUET "
        + "LOCATION 's3://lake/a_copy/' AS SELECT * FROM lake.a_parquet");
    assertThat(rows("SELECT " + columns + " FROM lake.a_copy ORDER BY id"))
        .isEqualTo(rows("SELECT " + columns + " FROM src ORDER BY id"));
    assertThat(rows("SELECT parameters FROM svv_external_tables WHERE tablename = 'a_copy'"))
        .containsExactly(List.of("{\"numRows\":\"" + ROWS + "\"}"));
  }

  @Test
  void unloadedTextAndCsvReadBack() throws SQLException {
    String columns = "id, name, grp, amount, day, ts, flag, ratio, big";
    // Pipe-delimited text (the default), with \N for NULL so that text NULLs stay NULL; names
    // hold a '|', so the text gets a delimiter of its own.
    assertThat(update("UNLOAD ('SELECT " + columns + " FROM src') TO 's3://lake/a_text/src_' "
        + "DELIMITER AS '~' NULL AS '\\N' PARALLEL OFF")).isEqualTo(ROWS);
    assertThat(keys("a_text/")).containsExactly("a_text/src_000");
    execute("CREATE EXTERNAL TABLE lake.a_text (id INT, name VARCHAR(20), grp INT, "
        + "amount DECIMAL(12,2), day DATE, ts TIMESTAMP, flag BOOLEAN, ratio DOUBLE PRECISION, "
        + "big BIGINT) ROW FORMAT DELIMITED FIELDS TERMINATED BY '~' STORED AS TEXTFILE "
        + "LOCATION 's3://lake/a_text/'");
    assertThat(rows("SELECT " + columns + " FROM lake.a_text ORDER BY id"))
        .isEqualTo(rows("SELECT " + columns + " FROM src ORDER BY id"));

    // CSV with a header, gzip: names with the delimiter are quoted.
    assertThat(update("UNLOAD ('SELECT " + columns + " FROM src') TO 's3://lake/a_csv/' "
        + "FORMAT AS CSV HEADER GZIP")).isEqualTo(ROWS);
    assertThat(keys("a_csv/")).allMatch(k -> k.matches("a_csv/000[0-9]_part_00\\.csv\\.gz"));
    execute("CREATE EXTERNAL TABLE lake.a_csv (id INT, name VARCHAR(20), grp INT, "
        + "amount DECIMAL(12,2), day DATE, ts TIMESTAMP, flag BOOLEAN, ratio DOUBLE PRECISION, "
        + "big BIGINT) ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde' "
        + "STORED AS TEXTFILE LOCATION 's3://lake/a_csv/' "
        + "TABLE PROPERTIES ('skip.header.line.count' = '1')");
    assertThat(rows("SELECT " + columns + " FROM lake.a_csv ORDER BY id"))
        .isEqualTo(rows("SELECT " + columns + " FROM src ORDER BY id"));

    // A value holding the delimiter of unquoted text fails the UNLOAD and leaves nothing.
    assertFails("UNLOAD ('SELECT id, name FROM src') TO 's3://lake/a_bad_text/'", "22P04",
        "holds the delimiter");
    assertThat(keys("a_bad_text")).isEmpty();
  }

  @Test
  void unloadToJsonReadsBack() throws SQLException {
    assertThat(update("UNLOAD ('SELECT id, name, amount, day, ts, flag FROM src "
        + "WHERE id < 3000') TO 's3://lake/a_json/' FORMAT AS JSON")).isEqualTo(3000);
    execute("CREATE EXTERNAL TABLE lake.a_json (id INT, name VARCHAR(20), amount DECIMAL(12,2), "
        + "day DATE, ts TIMESTAMP, flag BOOLEAN) ROW FORMAT SERDE "
        + "'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://lake/a_json/'");
    assertThat(rows("SELECT id, name, amount, day, ts, flag FROM lake.a_json ORDER BY id"))
        .isEqualTo(rows("SELECT id, name, amount, day, ts, flag FROM src WHERE id < 3000 "
            + "ORDER BY id"));
  }

  // (b) PARTITION BY writes key=value folders without the key in the files; MSCK REPAIR finds them.

  @Test
  void partitionedUnloadWritesFoldersThatRepairFinds() throws SQLException {
    assertThat(update("UNLOAD ('SELECT id, name, amount, grp FROM src') "
        + "TO 's3://lake/b_parts/' FORMAT AS PARQUET PARTITION BY (grp)")).isEqualTo(ROWS);
    List<String> keys = keys("b_parts/");
    assertThat(keys).allMatch(k -> k.matches(
        "b_parts/grp=(0|1|2|3|__HIVE_DEFAULT_PARTITION__)/000[0-9]_part_00\\.parquet"));
    assertThat(keys.stream().map(k -> k.substring(0, k.lastIndexOf('/'))).distinct().sorted())
        .containsExactly("b_parts/grp=0", "b_parts/grp=1", "b_parts/grp=2", "b_parts/grp=3",
            "b_parts/grp=__HIVE_DEFAULT_PARTITION__");
    execute("CREATE EXTERNAL TABLE lake.b_parts (id INT, name VARCHAR(20), amount DECIMAL(12,2)) "
        + "PARTITIONED BY (grp INT) STORED AS PARQUET LOCATION 's3://lake/b_parts/'");
    assertThat(update("MSCK REPAIR TABLE lake.b_parts")).isEqualTo(5);
    assertThat(rows("SELECT grp, COUNT(*), SUM(amount), MIN(name) FROM lake.b_parts "
        + "GROUP BY grp ORDER BY grp"))
        .isEqualTo(rows("SELECT grp, COUNT(*), SUM(amount), MIN(name) FROM src "
            + "GROUP BY grp ORDER BY grp"));
    // The files hold only the data columns: a table reading them as unpartitioned has no grp.
    execute("CREATE EXTERNAL TABLE lake.b_one (id INT, grp INT) STORED AS PARQUET "
        + "LOCATION 's3://lake/b_parts/grp=1/'");
    assertThat(rows("SELECT COUNT(*), COUNT(grp) FROM lake.b_one"))
        .containsExactly(List.of(String.valueOf(ROWS / 4 - 25), "0"));

    // INCLUDE keeps the key in the files as well.
    assertThat(update("UNLOAD ('SELECT id, grp FROM src WHERE grp IS NOT NULL') "
        + "TO 's3://lake/b_include/' FORMAT AS PARQUET PARTITION BY (grp) INCLUDE"))
        .isEqualTo(ROWS - 100);
    execute("CREATE EXTERNAL TABLE lake.b_include_one (id INT, grp INT) STORED AS PARQUET "
        + "LOCATION 's3://lake/b_include/grp=2/'");
    assertThat(rows("SELECT COUNT(*), MIN(grp), MAX(grp) FROM lake.b_include_one"))
        .containsExactly(List.of(String.valueOf(ROWS / 4 - 25), "2", "2"));
  }

  // (c) MANIFEST lists exactly the files written, with their sizes (and VERBOSE their rows).

  @Test
  void manifestListsExactlyTheFiles() throws Exception {
    assertThat(update("UNLOAD ('SELECT * FROM src') TO 's3://lake/c_manifest/' "
        + "FORMAT AS PARQUET MANIFEST VERBOSE")).isEqualTo(ROWS);
    Map<String, Long> sizes = new TreeMap<>();
    for (ObjectInfo object : objects.list(uri("c_manifest/"), null).objects()) {
      sizes.put(object.uri().toString(), object.size());
    }
    String manifestUri = "s3://lake/c_manifest/manifest";
    assertThat(sizes).containsKey(manifestUri);
    sizes.remove(manifestUri);
    JsonNode manifest = readJson("c_manifest/manifest");
    Map<String, Long> listed = new TreeMap<>();
    long records = 0;
    for (JsonNode entry : manifest.get("entries")) {
      listed.put(entry.get("url").asText(), entry.get("meta").get("content_length").asLong());
      records += entry.get("meta").get("record_count").asLong();
    }
    assertThat(listed).isEqualTo(sizes);
    assertThat(records).isEqualTo(ROWS);
    assertThat(manifest.get("meta").get("record_count").asLong()).isEqualTo(ROWS);
    List<String> schema = new ArrayList<>();
    manifest.get("schema").get("elements").forEach(e -> schema.add(e.get("name").asText() + " "
        + e.get("type").get("base").asText()));
    assertThat(schema).startsWith("id integer", "name character varying", "grp integer",
        "amount numeric", "day date");
    assertThat(manifest.get("schema").get("elements").get(3).get("type").get("scale").asInt())
        .isEqualTo(2);

    // Without VERBOSE: only the urls and sizes.
    assertThat(update("UNLOAD ('SELECT id FROM src') TO 's3://lake/c_plain/ids_' "
        + "MANIFEST PARALLEL OFF")).isEqualTo(ROWS);
    assertThat(keys("c_plain/")).containsExactly("c_plain/ids_000", "c_plain/ids_manifest");
    JsonNode plain = readJson("c_plain/ids_manifest");
    assertThat(plain.get("entries")).hasSize(1);
    assertThat(plain.get("entries").get(0).get("url").asText())
        .isEqualTo("s3://lake/c_plain/ids_000");
    assertThat(plain.get("entries").get(0).get("meta").get("content_length").asLong())
        .isEqualTo(objects.stat(uri("c_plain/ids_000")).orElseThrow().size());
    assertThat(plain.has("schema")).isFalse();
  }

  // (d) Existing objects under the prefix are an error without ALLOWOVERWRITE or CLEANPATH.

  @Test
  void existingObjectsNeedAllowOverwriteOrCleanPath() throws SQLException {
    String unload = "UNLOAD ('SELECT id, grp FROM src') TO 's3://lake/d_exists/' "
        + "FORMAT AS PARQUET PARALLEL OFF";
    assertThat(update(unload)).isEqualTo(ROWS);
    assertThat(keys("d_exists/")).containsExactly("d_exists/000.parquet");
    assertFails(unload, "58P02", "Cannot unload to 's3://lake/d_exists/': objects already exist "
        + "under the prefix");
    // A prefix that only starts the names counts as well.
    assertFails("UNLOAD ('SELECT 1') TO 's3://lake/d_ex'", "58P02", "'s3://lake/d_ex'");

    objects.write(uri("d_exists/stale.txt"), "old".getBytes(StandardCharsets.UTF_8));
    assertThat(update(unload + " ALLOWOVERWRITE")).isEqualTo(ROWS);
    assertThat(keys("d_exists/")).containsExactly("d_exists/000.parquet", "d_exists/stale.txt");

    assertThat(update("UNLOAD ('SELECT id FROM src WHERE id < 10') TO 's3://lake/d_exists/' "
        + "FORMAT AS CSV CLEANPATH")).isEqualTo(10);
    assertThat(keys("d_exists/")).containsExactly("d_exists/0000_part_00.csv");

    // A failed UNLOAD with CLEANPATH leaves the old files in place.
    assertFails("UNLOAD ('SELECT 1 / (id - 5000) FROM src') TO 's3://lake/d_exists/' CLEANPATH",
        "22012", "division by zero");
    assertThat(keys("d_exists/")).containsExactly("d_exists/0000_part_00.csv");
  }

  // (e) A failing or canceled UNLOAD leaves nothing visible under the prefix.

  @Test
  void failingQueryLeavesNothing() throws SQLException {
    for (String options : List.of("FORMAT AS PARQUET", "FORMAT AS PARQUET PARALLEL OFF",
        "FORMAT AS CSV", "FORMAT AS PARQUET PARTITION BY (grp)")) {
      String prefix = "e_fail_" + Math.abs(options.hashCode()) + "/";
      // Ids run from 0: rows before 5000 (and after, in parallel) are written first.
      assertFails("UNLOAD ('SELECT id, grp, 1 / (id - 5000) AS x FROM src') TO 's3://lake/"
          + prefix + "' " + options, "22012", "division by zero");
      assertThat(keys(prefix)).as(options).isEmpty();
    }
    // A bad value fails in a writer thread: an UNLOAD to text whose value holds the delimiter.
    assertFails("UNLOAD ('SELECT id, CASE WHEN id = 9000 THEN ''a|b'' ELSE ''ok'' END FROM src') "
        + "TO 's3://lake/e_writer/'", "22P04", "holds the delimiter");
    assertThat(keys("e_writer/")).isEmpty();
    // The same all or nothing holds for CREATE EXTERNAL TABLE AS: no files, no table.
    assertFails("CREATE EXTERNAL TABLE lake.e_ctas STORED AS PARQUET LOCATION 's3://lake/e_ctas/' "
        + "AS SELECT id, 1 / (id - 5000) AS x FROM src", "22012", "division by zero");
    assertThat(keys("e_ctas/")).isEmpty();
    assertThat(rows("SELECT COUNT(*) FROM svv_external_tables WHERE tablename = 'e_ctas'"))
        .containsExactly(List.of("0"));
  }

  @Test
  void canceledUnloadLeavesNothing() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
        try {
          statement.executeUpdate("UNLOAD ('SELECT a.id, b.id FROM src a, src b "
              + "WHERE a.id < 2000') TO 's3://lake/e_cancel/' FORMAT AS PARQUET");
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      Thread.sleep(1_500);
      assertThat(outcome).as("the UNLOAD must still be running").isNotDone();
      statement.cancel();
      Throwable error = outcome.get(60, TimeUnit.SECONDS);
      assertThat(error).isInstanceOf(SQLException.class);
      assertThat(((SQLException) error).getSQLState()).isEqualTo("57014");
    }
    assertThat(keys("e_cancel/")).isEmpty();
  }

  // (f) CTAS partitioned; a filter on a partition key reads only the qualifying partitions.

  @Test
  void partitionedCreateTableAsPrunesPartitions() throws SQLException {
    execute("CREATE EXTERNAL TABLE lake.f_ctas PARTITIONED BY (flag, grp) "
        + "STORED AS PARQUET LOCATION 's3://lake/f_ctas/' "
        + "AS SELECT id, name, amount, flag, grp FROM src");
    assertThat(keys("f_ctas/")).allMatch(k -> k.matches(
        "f_ctas/flag=(true|false)/grp=(\\d|__HIVE_DEFAULT_PARTITION__)/.+_part_\\d\\d\\.parquet"));
    assertThat(rows("SELECT columnname, external_type, part_key FROM svv_external_columns "
        + "WHERE tablename = 'f_ctas' ORDER BY columnnum"))
        .containsExactly(List.of("id", "int", "0"), List.of("name", "varchar(20)", "0"),
            List.of("amount", "decimal(12,2)", "0"), List.of("flag", "boolean", "1"),
            List.of("grp", "int", "2"));
    assertThat(rows("SELECT COUNT(*) FROM svv_external_partitions WHERE tablename = 'f_ctas'"))
        .containsExactly(List.of("10"));
    assertThat(rows("SELECT COUNT(*), SUM(amount) FROM lake.f_ctas WHERE grp = 2"))
        .isEqualTo(rows("SELECT COUNT(*), SUM(amount) FROM src WHERE grp = 2"));
    assertThat(rows("SELECT total_partitions, qualified_partitions FROM svl_s3query_summary "
        + "WHERE external_table_name = 'lake.f_ctas' ORDER BY query DESC LIMIT 1"))
        .containsExactly(List.of("10", "2"));
    assertThat(rows("SELECT parameters FROM svv_external_tables WHERE tablename = 'f_ctas'"))
        .containsExactly(List.of("{\"numRows\":\"" + ROWS + "\"}"));

    assertFails("CREATE EXTERNAL TABLE lake.f_bad PARTITIONED BY (grp) STORED AS PARQUET "
        + "LOCATION 's3://lake/f_bad/' AS SELECT grp, id FROM src", "42P16",
        "the partition columns must be the last columns of the query, in PARTITIONED BY order: "
            + "expected (grp) but the query ends with (id)");
    assertFails("CREATE EXTERNAL TABLE lake.f_again STORED AS PARQUET "
        + "LOCATION 's3://lake/f_ctas/' AS SELECT id FROM src", "58P02",
        "location 's3://lake/f_ctas/' is not empty");
    assertThat(keys("f_bad/")).isEmpty();
  }

  // (g) INSERT INTO an external table adds files, rows and partitions and updates numRows.

  @Test
  void insertAddsRowsAndPartitions() throws SQLException {
    execute("CREATE EXTERNAL TABLE lake.g_ins PARTITIONED BY (grp) "
        + "STORED AS PARQUET LOCATION 's3://lake/g_ins/' "
        + "AS SELECT id, name, grp FROM src WHERE grp IN (0, 1)");
    List<String> before = keys("g_ins/");
    assertThat(update("INSERT INTO lake.g_ins SELECT id, name, grp FROM src "
        + "WHERE grp IN (1, 2)")).isEqualTo(4950);
    List<String> after = keys("g_ins/");
    assertThat(after).containsAll(before).hasSizeGreaterThan(before.size());
    assertThat(rows("SELECT grp, COUNT(*) FROM lake.g_ins GROUP BY grp ORDER BY grp"))
        .containsExactly(List.of("0", "2475"), List.of("1", "4950"), List.of("2", "2475"));
    assertThat(rows("SELECT \"values\", location FROM svv_external_partitions "
        + "WHERE tablename = 'g_ins' ORDER BY 1"))
        .containsExactly(List.of("[\"0\"]", "s3://lake/g_ins/grp=0/"),
            List.of("[\"1\"]", "s3://lake/g_ins/grp=1/"),
            List.of("[\"2\"]", "s3://lake/g_ins/grp=2/"));
    assertThat(rows("SELECT parameters FROM svv_external_tables WHERE tablename = 'g_ins'"))
        .containsExactly(List.of("{\"numRows\":\"9900\"}"));

    // Values are converted to the columns' types; a string into a number is cast.
    assertThat(update("INSERT INTO lake.g_ins VALUES (1.6, 'x', '7')")).isEqualTo(1);
    assertThat(rows("SELECT id, name FROM lake.g_ins WHERE grp = 7"))
        .containsExactly(List.of("2", "x"));
    assertFails("INSERT INTO lake.g_ins SELECT id, name FROM src", "42601",
        "INSERT has fewer expressions (2) than target columns (3)");
    assertFails("INSERT INTO lake.g_ins SELECT day, name, grp FROM src", "42804",
        "column \"id\" is of type integer but expression is of type date");
    assertFails("INSERT INTO lake.g_ins VALUES (1, 'a string longer than twenty', 1)", "22001",
        "value too long for type character varying(20)");

    // A text table: rows appended in new files of the same layout.
    execute("CREATE EXTERNAL TABLE lake.g_text ROW FORMAT DELIMITED "
        + "FIELDS TERMINATED BY ',' STORED AS TEXTFILE LOCATION 's3://lake/g_text/' "
        + "AS SELECT id, day FROM src WHERE id < 10");
    assertThat(update("INSERT INTO lake.g_text SELECT id, day FROM src WHERE id >= 9990"))
        .isEqualTo(10);
    assertThat(rows("SELECT COUNT(*), MIN(day), MAX(id) FROM lake.g_text"))
        .isEqualTo(rows("SELECT COUNT(*), MIN(day), MAX(id) FROM src "
            + "WHERE id < 10 OR id >= 9990"));
  }

  // Helpers.

  Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", PASSWORD);
    return DriverManager.getConnection(server.jdbcUrl(), properties);
  }

  void execute(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  long update(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      return statement.executeLargeUpdate(sql);
    }
  }

  /** The rows of a query, each value as its string (null as "null"). */
  List<List<String>> rows(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      ResultSetMetaData metaData = rows.getMetaData();
      List<List<String>> result = new ArrayList<>();
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 1; c <= metaData.getColumnCount(); c++) {
          row.add(String.valueOf(rows.getString(c)));
        }
        result.add(row);
      }
      return result;
    }
  }

  void assertFails(String sql, String sqlState, String message) {
    assertThatThrownBy(() -> execute(sql))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(sqlState));
  }

  static ObjectUri uri(String key) {
    return new ObjectUri("s3", BUCKET, key);
  }

  /** The keys of the objects under a prefix of bucket {@link #BUCKET}, sorted. */
  List<String> keys(String prefix) {
    List<String> keys = new ArrayList<>();
    for (ObjectInfo object : objects.list(uri(prefix), null).objects()) {
      keys.add(object.uri().key());
    }
    keys.sort(null);
    return keys;
  }

  JsonNode readJson(String key) throws IOException {
    try (InputStream in = objects.open(uri(key))) {
      return JSON.readTree(in);
    }
  }

  /** The lake's configuration file for an S3 endpoint. */
  static String s3Config(String endpoint, String accessKey, String secretKey) {
    Map<String, Object> s3 = new HashMap<>();
    s3.put("endpoint", endpoint);
    s3.put("region", "us-east-1");
    s3.put("path_style_access", true);
    s3.put("access_key_id", accessKey);
    s3.put("secret_access_key", secretKey);
    try {
      return JSON.writeValueAsString(Map.of("object_store", Map.of("s3", s3)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
