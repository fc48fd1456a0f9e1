package io.basalt.server.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.server.BasaltServer;
import io.basalt.server.ServerConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.UpdateRequirement;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NamespaceNotEmptyException;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Basalt's Iceberg tables through the Iceberg REST catalog: another JVM ({@link
 * RestCatalogClient}, Iceberg's own RESTCatalog and generic reader) reads what Basalt wrote,
 * deleted and altered, and commits a file Basalt then reads; errors come back as the spec's
 * ErrorResponse with the codes that make Iceberg's client raise the right exceptions.
 */
class TestIcebergRestCatalog {
  private static final String PASSWORD = "pw";
  private static final String BUCKET = "lake";

  @TempDir
  Path dataDirectory;

  private BasaltServer server;
  private String rest;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    // A bucket of the embedded store is a folder under <data-dir>/s3.
    Files.createDirectories(dataDirectory.resolve("s3").resolve(BUCKET));
    server = BasaltServer.start(ServerConfig.defaults().withPort(0)
        .withDataDirectory(dataDirectory).withAdminPassword(PASSWORD).withSlices(2)
        .withIcebergRestPort(0), System.out);
    rest = server.icebergRestUri().orElseThrow();
    assertThat(rest).startsWith("http://127.0.0.1:");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anotherEngineReadsAndWritesBasaltsIcebergTable() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("create external schema ice from data catalog database 'icedb'"
          + " create external database if not exists");
      statement.execute("create table ice.t (id bigint, name varchar(20), amount decimal(10,2))"
          + " location 's3://" + BUCKET + "/iceberg/t/' tblproperties ('table_type'='ICEBERG')");
      statement.execute("insert into ice.t values (1, 'alice', 10.50), (2, 'bob', 20.00)");
      statement.execute("insert into ice.t values (3, 'carol', null), (4, null, 0.25)");

      List<String> basalt = rows(statement, "select * from ice.t order by id");
      assertThat(basalt).containsExactly("1|alice|10.50", "2|bob|20.00", "3|carol|null",
          "4|null|0.25");

      List<String> client = runClient("read");
      assertThat(client).contains("namespaces=icedb", "tables=icedb.t", "exists=true",
          "missing-table=NoSuchTableException", "missing-namespace=NoSuchNamespaceException",
          "io=io.basalt.federation.iceberg.ObjectStoreFileIO",
          "schema=id:long,name:string,amount:decimal(10, 2)");
      assertThat(rowsOf(client)).isEqualTo(basalt);

      assertThat(runClient("append", "5", "from-rest", "7.25")).anyMatch(
          line -> line.startsWith("appended="));
      assertThat(rows(statement, "select * from ice.t where id >= 4 order by id"))
          .containsExactly("4|null|0.25", "5|from-rest|7.25");

      // Basalt's DELETE (position delete files, which the client's reader applies) and a new
      // column: the other engine sees the same rows, the old ones with the column null.
      assertThat(statement.executeUpdate("delete from ice.t where id = 1")).isEqualTo(1);
      statement.execute("alter table ice.t add columns (note varchar(10))");
      statement.execute("insert into ice.t values (6, 'frank', 6.00, 'late')");
      List<String> changed = rows(statement, "select * from ice.t order by id");
      assertThat(changed).containsExactly("2|bob|20.00|null", "3|carol|null|null",
          "4|null|0.25|null", "5|from-rest|7.25|null", "6|frank|6.00|late");
      List<String> after = runClient("read");
      assertThat(after).contains("schema=id:long,name:string,amount:decimal(10, 2),note:string");
      assertThat(rowsOf(after)).isEqualTo(changed);
    }
  }

  @Test
  void configAdvertisesTheFileIoAndTheRoutes() throws Exception {
    HttpResponse<String> config = get("/v1/config");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body())
        .contains("\"io-impl\":\"io.basalt.federation.iceberg.ObjectStoreFileIO\"")
        .contains("\"basalt.s3.root\":\"" + dataDirectory.resolve("s3").toAbsolutePath() + "\"")
        .contains("\"GET /v1/{prefix}/namespaces/{namespace}/tables/{table}\"")
        .contains("\"POST /v1/{prefix}/transactions/commit\"");
  }

  @Test
  void errorsAreErrorResponsesWithTheSpecsCodes() throws Exception {
    assertError(get("/v1/namespaces/nope/tables/t"), 404, "NoSuchTableException");
    assertError(get("/v1/namespaces/nope"), 404, "NoSuchNamespaceException");
    assertError(get("/v1/namespaces/nope/tables"), 404, "NoSuchNamespaceException");
    assertThat(send("HEAD", "/v1/namespaces/nope", null).statusCode()).isEqualTo(404);

    String create = "{\"namespace\":[\"rest_ns\"],\"properties\":{\"owner\":\"me\"}}";
    assertThat(send("POST", "/v1/namespaces", create).statusCode()).isEqualTo(200);
    assertThat(send("HEAD", "/v1/namespaces/rest_ns", null).statusCode()).isEqualTo(204);
    assertError(send("POST", "/v1/namespaces", create), 409, "AlreadyExistsException");
    assertThat(get("/v1/namespaces/rest_ns").body()).contains("\"owner\":\"me\"");

    assertError(send("POST", "/v1/namespaces", "{not json"), 400, "BadRequestException");
    assertError(send("POST", "/v1/namespaces", "{}"), 400, "IllegalArgumentException");
    assertError(get("/v1/no/such/route"), 400, "BadRequestException");

    assertThat(send("DELETE", "/v1/namespaces/rest_ns", null).statusCode()).isEqualTo(204);
    assertError(send("DELETE", "/v1/namespaces/rest_ns", null), 404,
        "NoSuchNamespaceException");
  }

  @Test
  void tablesCreatedRenamedCommittedAndDroppedOverRestShowInBasalt() throws Exception {
    TableIdentifier events = TableIdentifier.of("spark_db", "events");
    TableIdentifier renamed = TableIdentifier.of("spark_db", "events_v2");
    TableIdentifier other = TableIdentifier.of("spark_db", "other");
    Schema schema = new Schema(Types.NestedField.required(1, "id", Types.LongType.get()),
        Types.NestedField.optional(2, "name", Types.StringType.get()),
        Types.NestedField.optional(3, "amount", Types.DecimalType.of(10, 2)));
    try (RESTCatalog catalog = new RESTCatalog(); Connection connection = connect();
        Statement statement = connection.createStatement()) {
      catalog.initialize("basalt", Map.of("uri", rest));
      // Iceberg's client asks its property maps whether they hold a null key: no Map.of().
      catalog.createNamespace(Namespace.of("spark_db"), new HashMap<>(Map.of("owner", "spark")));
      catalog.setProperties(Namespace.of("spark_db"),
          new HashMap<>(Map.of("comment", "from Spark")));
      assertThat(catalog.loadNamespaceMetadata(Namespace.of("spark_db")))
          .containsEntry("owner", "spark").containsEntry("comment", "from Spark");
      Table table = catalog.createTable(events, schema, PartitionSpec.unpartitioned(),
          "s3://" + BUCKET + "/iceberg/events", new HashMap<>());
      RestCatalogClient.append(table, 7, "seven", new BigDecimal("7.00"), System.out);

      statement.execute("create external schema sp from data catalog database 'spark_db'"
          + " create external database if not exists");
      assertThat(rows(statement, "select * from sp.events")).containsExactly("7|seven|7.00");
      // A schema change committed by another engine re-plans Basalt's cached statement.
      catalog.loadTable(events).updateSchema().addColumn("note", Types.StringType.get())
          .commit();
      assertThat(rows(statement, "select * from sp.events"))
          .containsExactly("7|seven|7.00|null");

      catalog.renameTable(events, renamed);
      assertThat(catalog.tableExists(events)).isFalse();
      assertThat(rows(statement, "select id from sp.events_v2")).containsExactly("7");
      assertThatThrownBy(() -> statement.executeQuery("select id from sp.events"))
          .isInstanceOf(SQLException.class);

      catalog.createTable(other, schema, PartitionSpec.unpartitioned(),
          "s3://" + BUCKET + "/iceberg/other", new HashMap<>());
      catalog.commitTransaction(List.of(setProperty(catalog, renamed, "v2"),
          setProperty(catalog, other, "v2")));
      assertThat(catalog.loadTable(renamed).properties()).containsEntry("stage", "v2");
      assertThat(catalog.loadTable(other).properties()).containsEntry("stage", "v2");
      // A requirement that no longer holds fails the whole transaction before anything changes.
      TableCommit stale = new Commit(other,
          List.of(new UpdateRequirement.AssertTableUUID(UUID.randomUUID().toString())),
          List.of(new MetadataUpdate.SetProperties(Map.of("stage", "v3"))));
      assertThatThrownBy(() -> catalog.commitTransaction(
          List.of(setProperty(catalog, renamed, "v3"), stale)))
          .isInstanceOf(CommitFailedException.class);
      assertThat(catalog.loadTable(renamed).properties()).containsEntry("stage", "v2");

      // DROP TABLE without PURGE keeps the files, and registering the metadata brings it back.
      String metadata = ((HasTableOperations) catalog.loadTable(renamed)).operations().current()
          .metadataFileLocation();
      assertThat(catalog.dropTable(renamed, false)).isTrue();
      catalog.registerTable(renamed, metadata);
      assertThat(rows(statement, "select id, name from sp.events_v2")).containsExactly("7|seven");

      // Spark's CREATE TABLE AS SELECT: a staged create, committed with its first snapshot.
      TableIdentifier ctas = TableIdentifier.of("spark_db", "ctas");
      Transaction create = catalog.newCreateTableTransaction(ctas, schema,
          PartitionSpec.unpartitioned(), "s3://" + BUCKET + "/iceberg/ctas", new HashMap<>());
      RestCatalogClient.append(create.table(), 8, "eight", new BigDecimal("8.00"), System.out);
      assertThat(catalog.tableExists(ctas)).isFalse();
      create.commitTransaction();
      assertThat(rows(statement, "select * from sp.ctas")).containsExactly("8|eight|8.00");
      assertThat(catalog.dropTable(ctas, true)).isTrue();

      Path otherFiles = dataDirectory.resolve("s3").resolve(BUCKET).resolve("iceberg/other");
      assertThat(files(otherFiles)).isNotZero();
      assertThat(catalog.dropTable(other, true)).isTrue();
      assertThat(files(otherFiles)).isZero();
      assertThatThrownBy(() -> catalog.dropNamespace(Namespace.of("spark_db")))
          .isInstanceOf(NamespaceNotEmptyException.class);
      assertThat(catalog.dropTable(renamed, false)).isTrue();
      assertThat(catalog.dropNamespace(Namespace.of("spark_db"))).isTrue();
      assertThatThrownBy(() -> statement.executeQuery("select id from sp.events_v2"))
          .isInstanceOf(SQLException.class);
    }
  }

  private static long files(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return 0;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).count();
    }
  }

  /** A change of one table in a multi-table transaction. */
  private record Commit(TableIdentifier identifier, List<UpdateRequirement> requirements,
      List<MetadataUpdate> updates) implements TableCommit {}

  private static TableCommit setProperty(RESTCatalog catalog, TableIdentifier identifier,
      String stage) {
    TableMetadata base = ((HasTableOperations) catalog.loadTable(identifier)).operations()
        .current();
    return TableCommit.create(identifier, base,
        TableMetadata.buildFrom(base).setProperties(Map.of("stage", stage)).build());
  }

  private static void assertError(HttpResponse<String> response, int code, String type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(code);
    assertThat(response.body()).startsWith("{\"error\":{")
        .contains("\"type\":\"" + type + "\"", "\"code\":" + code);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send("GET", path, null);
  }

  private HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(rest + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json")
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Runs {@link RestCatalogClient} in a JVM of its own on the test's classpath. */
  private List<String> runClient(String... command) throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        RestCatalogClient.class.getName(), rest, "icedb", "t"));
    arguments.addAll(List.of(command));
    Path log = dataDirectory.resolve("client-" + command[0] + ".log");
    Process process = new ProcessBuilder(arguments).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("client finished").isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    return output.lines().toList();
  }

  private static List<String> rowsOf(List<String> clientOutput) {
    return clientOutput.stream().filter(line -> line.startsWith("row="))
        .map(line -> line.substring("row=".length())).toList();
  }

  private static List<String> rows(Statement statement, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          Object value = result.getObject(c);
          values.add(value == null ? "null" : value.toString());
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", PASSWORD);
    return DriverManager.getConnection(server.jdbcUrl(), properties);
  }
}
