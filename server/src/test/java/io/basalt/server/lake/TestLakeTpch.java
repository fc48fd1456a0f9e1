package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.ingest.tpch.TpchSchema;
import io.basalt.server.BasaltServer;
import io.basalt.server.ServerConfig;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStoreConfig;
import io.basalt.storage.objectstore.ObjectUri;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TPC-H SF 0.01 (the server's demo data) unloaded to Parquet, lineitem and orders partitioned,
 * registered as external tables, and the 22 queries run over them through views (so that they
 * resolve the tables' unqualified names) and checked against the kit's answers.
 */
class TestLakeTpch {
  private static final String PASSWORD = "pw";
  /** Partition keys of the partitioned tables; the others are unloaded whole. */
  private static final Map<String, List<String>> PARTITIONS = Map.of(
      "lineitem", List.of("l_returnflag", "l_linestatus"),
      "orders", List.of("o_orderstatus"));

  @TempDir
  static Path dataDirectory;
  static BasaltServer server;
  static FolderObjectStore objects;
  static TimeZone originalTimeZone;

  @BeforeAll
  static void start() throws Exception {
    originalTimeZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    Path root = dataDirectory.resolve(ObjectStoreConfig.DEFAULT_ROOT);
    Files.createDirectories(root.resolve("lake"));
    server = BasaltServer.start(ServerConfig.defaults().withPort(0)
        .withDataDirectory(dataDirectory).withAdminPassword(PASSWORD).withSlices(2)
        .withDemo(true));
    objects = new FolderObjectStore(root);
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTERNAL SCHEMA tpch_files FROM DATA CATALOG DATABASE "
          + "'tpch_files' CREATE EXTERNAL DATABASE IF NOT EXISTS");
      statement.execute("CREATE SCHEMA tpch_lake");
      for (String table : TpchSchema.TABLES) {
        List<String> keys = PARTITIONS.getOrDefault(table, List.of());
        List<String[]> columns = columns(table);
        List<String> selected = new ArrayList<>();
        List<String> data = new ArrayList<>();
        List<String> partitionKeys = new ArrayList<>();
        for (String[] column : columns) {
          if (!keys.contains(column[0])) {
            selected.add(column[0]);
            data.add(column[0] + " " + column[1]);
          }
        }
        for (String key : keys) {
          selected.add(key);
          partitionKeys.add(key + " " + type(columns, key));
        }
        long started = System.nanoTime();
        long rows = statement.executeLargeUpdate("UNLOAD ('SELECT " + String.join(", ", selected)
            + " FROM tpch." + table + "') TO 's3://lake/tpch/" + table + "/' FORMAT AS PARQUET"
            + (keys.isEmpty() ? "" : " PARTITION BY (" + String.join(", ", keys) + ")"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(Locale.ROOT, "UNLOAD tpch.%s%s: %,d rows, %,d files, %,d bytes in %d ms%n",
            table, keys.isEmpty() ? "" : " PARTITION BY " + keys, rows,
            files("tpch/" + table + "/").size(), bytes("tpch/" + table + "/"), millis);
        statement.execute("CREATE EXTERNAL TABLE tpch_files." + table + " ("
            + String.join(", ", data) + ")"
            + (keys.isEmpty() ? "" : " PARTITIONED BY (" + String.join(", ", partitionKeys) + ")")
            + " STORED AS PARQUET LOCATION 's3://lake/tpch/" + table + "/'");
        if (!keys.isEmpty()) {
          statement.execute("MSCK REPAIR TABLE tpch_files." + table);
        }
        statement.execute("CREATE VIEW tpch_lake." + table + " AS SELECT "
            + columns.stream().map(c -> c[0]).collect(Collectors.joining(", "))
            + " FROM tpch_files." + table);
      }
    }
  }

  @AfterAll
  static void stop() {
    if (objects != null) {
      objects.close();
    }
    if (server != null) {
      server.close();
    }
    TimeZone.setDefault(originalTimeZone);
  }

  /** Each column of a TPC-H table as {name, type}, from the schema's CREATE TABLE. */
  private static List<String[]> columns(String table) {
    List<String[]> columns = new ArrayList<>();
    for (String line : TpchSchema.columnDefinitions(table).split("\n")) {
      String definition = line.trim().replace(" NOT NULL", "");
      if (definition.endsWith(",")) {
        definition = definition.substring(0, definition.length() - 1);
      }
      String[] parts = definition.split(" ", 2);
      columns.add(parts);
    }
    return columns;
  }

  private static String type(List<String[]> columns, String name) {
    return columns.stream().filter(c -> c[0].equals(name)).findFirst().orElseThrow()[1];
  }

  private static List<ObjectInfo> files(String prefix) {
    return objects.list(new ObjectUri("s3", "lake", prefix), null).objects();
  }

  private static long bytes(String prefix) {
    return files(prefix).stream().mapToLong(ObjectInfo::size).sum();
  }

  static Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", PASSWORD);
    return DriverManager.getConnection(server.jdbcUrl(), properties);
  }

  @Test
  void rowCountsAndAggregatesMatchTheNativeTables() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String table : TpchSchema.TABLES) {
        List<String[]> columns = columns(table);
        // Per column: non-NULL count, and a sum of numbers or min and max of the rest.
        List<String> aggregates = new ArrayList<>();
        aggregates.add("COUNT(*)");
        for (String[] column : columns) {
          String name = column[0];
          aggregates.add("COUNT(" + name + ")");
          if (column[1].startsWith("DECIMAL") || column[1].equals("INTEGER")
              || column[1].equals("BIGINT")) {
            aggregates.add("SUM(" + name + ")");
          } else {
            aggregates.add("MIN(" + name + ")");
            aggregates.add("MAX(" + name + ")");
          }
        }
        String select = "SELECT " + String.join(", ", aggregates) + " FROM ";
        assertThat(row(statement, select + "tpch_files." + table)).as(table)
            .isEqualTo(row(statement, select + "tpch." + table));
      }
      // The planner costs external tables by numRows, which the UNLOAD does not set: only
      // CREATE EXTERNAL TABLE AS does. Redshift's tables from UNLOAD have none either.
      assertThat(row(statement, "SELECT COUNT(*) FROM svv_external_partitions "
          + "WHERE tablename = 'lineitem'")).containsExactly("4");
    }
  }

  @Test
  void partitionFiltersPruneTheUnloadedPartitions() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      assertThat(row(statement, "SELECT COUNT(*), SUM(l_extendedprice) FROM tpch_files.lineitem "
          + "WHERE l_returnflag = 'R'"))
          .isEqualTo(row(statement, "SELECT COUNT(*), SUM(l_extendedprice) FROM tpch.lineitem "
              + "WHERE l_returnflag = 'R'"));
      assertThat(row(statement, "SELECT total_partitions, qualified_partitions "
          + "FROM svl_s3query_summary WHERE external_table_name = 'tpch_files.lineitem' "
          + "ORDER BY query DESC LIMIT 1")).containsExactly("4", "1");
    }
  }

  @Test
  void maxFileSizeRollsOverToNewFiles() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      // About 7 MB of pipe-delimited text: two files of at most 5 MB each, written in order.
      long started = System.nanoTime();
      assertThat(statement.executeLargeUpdate("UNLOAD ('SELECT * FROM tpch.lineitem "
          + "ORDER BY l_orderkey, l_linenumber') TO 's3://lake/rollover/lineitem_' "
          + "MAXFILESIZE 5 MB PARALLEL OFF")).isEqualTo(60_175);
      long millis = (System.nanoTime() - started) / 1_000_000;
      List<ObjectInfo> files = files("rollover/");
      System.out.printf(Locale.ROOT, "UNLOAD tpch.lineitem as text, PARALLEL OFF, MAXFILESIZE 5 MB:"
          + " %s, %,d bytes in %d ms%n", files.stream().map(f -> f.uri().fileName() + " "
          + f.size()).toList(), bytes("rollover/"), millis);
      assertThat(files).extracting(f -> f.uri().fileName())
          .containsExactly("lineitem_000", "lineitem_001");
      assertThat(files).allMatch(f -> f.size() <= 5L << 20);
      // In query order: the first file starts with order 1, the second ends with the last one.
      String first = new String(objects.read(files.get(0).uri(), 0, 16), StandardCharsets.UTF_8);
      assertThat(first).startsWith("1|");
      statement.execute("CREATE EXTERNAL TABLE tpch_files.lineitem_text (l_orderkey BIGINT, "
          + "l_partkey BIGINT, l_suppkey BIGINT, l_linenumber INTEGER, l_quantity DECIMAL(15,2), "
          + "l_extendedprice DECIMAL(15,2), l_discount DECIMAL(15,2), l_tax DECIMAL(15,2), "
          + "l_returnflag CHAR(1), l_linestatus CHAR(1), l_shipdate DATE, l_commitdate DATE, "
          + "l_receiptdate DATE, l_shipinstruct CHAR(25), l_shipmode CHAR(10), "
          + "l_comment VARCHAR(44)) ROW FORMAT DELIMITED FIELDS TERMINATED BY '|' "
          + "LOCATION 's3://lake/rollover/'");
      String aggregates = "SELECT COUNT(*), SUM(l_extendedprice), MAX(l_comment), "
          + "MIN(l_shipdate) FROM ";
      assertThat(row(statement, aggregates + "tpch_files.lineitem_text"))
          .isEqualTo(row(statement, aggregates + "tpch.lineitem"));
    }
  }

  @ParameterizedTest(name = "q{0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
      22})
  void tpchQueryOverTheLakeMatchesTheAnswer(int number) throws Exception {
    Path kit = kit().orElse(null);
    Assumptions.assumeTrue(kit != null, "no shared/tpch kit above the working directory");
    String query = Files.readString(kit.resolve("queries").resolve(
        String.format(Locale.ROOT, "q%02d.sql", number)), StandardCharsets.UTF_8).strip();
    if (query.endsWith(";")) {
      query = query.substring(0, query.length() - 1);
    }
    List<String> answer = Files.readAllLines(kit.resolve("answers").resolve("sf0.01").resolve(
        String.format(Locale.ROOT, "q%02d.csv", number)), StandardCharsets.UTF_8);
    List<List<String>> expected = new ArrayList<>();
    // Every line after the header is a row; an empty line is one NULL (Q17 at SF 0.01).
    for (String line : answer.subList(1, answer.size())) {
      expected.add(List.of(line.split("\\|", -1)));
    }
    List<List<String>> actual = new ArrayList<>();
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("SET search_path TO tpch_lake");
      try (ResultSet rows = statement.executeQuery(query)) {
        int count = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          List<String> row = new ArrayList<>();
          for (int c = 1; c <= count; c++) {
            row.add(rows.getString(c));
          }
          actual.add(row);
        }
      }
    }
    assertThat(actual).as("q%d rows", number).hasSameSizeAs(expected);
    for (int r = 0; r < expected.size(); r++) {
      for (int c = 0; c < expected.get(r).size(); c++) {
        String want = expected.get(r).get(c);
        String got = actual.get(r).get(c);
        assertThat(matches(want, got)).as("q%d row %d column %d: expected '%s', got '%s'",
            number, r + 1, c + 1, want, got).isTrue();
      }
    }
  }

  /** Numbers within 0.01 or 1e-6 relative; other values as trimmed text; NULL as empty. */
  private static boolean matches(String expected, String actual) {
    if (actual == null) {
      return expected.isEmpty();
    }
    String number = "[-+]?(\\d+\\.?\\d*|\\.\\d+)";
    if (expected.trim().matches(number) && actual.trim().matches(number)) {
      BigDecimal want = new BigDecimal(expected.trim());
      BigDecimal difference = want.subtract(new BigDecimal(actual.trim())).abs();
      return difference.compareTo(new BigDecimal("0.01")) <= 0
          || difference.compareTo(new BigDecimal("1e-6").multiply(want.abs(),
              MathContext.DECIMAL64)) <= 0;
    }
    return expected.trim().equals(actual.trim());
  }

  /** The shared TPC-H kit: the first {@code shared/tpch} folder above the working directory. */
  private static Optional<Path> kit() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      Path candidate = folder.resolve("shared").resolve("tpch");
      if (Files.isDirectory(candidate.resolve("queries"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static List<String> row(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).as(sql).isTrue();
      List<String> row = new ArrayList<>();
      for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
        row.add(rows.getString(c));
      }
      return row;
    }
  }
}
