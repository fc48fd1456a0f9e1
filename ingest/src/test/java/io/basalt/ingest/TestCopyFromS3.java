package io.basalt.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.DistStyle;
import io.basalt.storage.SortKeyKind;
import io.basalt.storage.StorageConfig;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TypeName;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectStoreConfig;
import io.basalt.storage.objectstore.ObjectUri;
import io.basalt.storage.objectstore.S3ProxyServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY from a real S3 endpoint (S3Proxy): prefixes, hidden files, gzip and manifests. */
class TestCopyFromS3 {
  private static S3ProxyServer server;

  @TempDir
  Path dataDirectory;

  private StorageEngine engine;
  private ObjectStore store;
  private IngestService ingest;

  @BeforeAll
  static void startServer() {
    server = S3ProxyServer.start();
    server.createBucket("lake");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void setUp() {
    engine = StorageEngine.open(dataDirectory.resolve("store"),
        StorageConfig.defaults().withSlices(2));
    store = ObjectStoreConfig.defaults(dataDirectory).withS3(server.settings()).open();
    ingest = new IngestService(engine, store, 2);
    engine.createTable(new TableDefinition(0, "public", "items", List.of(
        new ColumnDefinition("id", ColumnType.of(TypeName.INTEGER), false, null),
        new ColumnDefinition("name", ColumnType.varchar(10), true, null)),
        DistStyle.EVEN, null, SortKeyKind.NONE, List.of(), false), false);
  }

  @AfterEach
  void tearDown() {
    store.close();
    engine.close();
  }

  @Test
  void loadsPrefixesFoldersAndCompressedObjectsInNameOrder() throws IOException {
    put("load/part-0002.tbl", text("2|b\n"));
    put("load/part-0001.tbl", text("1|a\n"));
    put("load/_SUCCESS", new byte[0]);
    put("load/sub/part-0003.tbl.gz", gzip("3|c\n4|d\n"));
    put("load2/other.tbl", text("9|z\n"));
    CopyResult parts = copy("s3://lake/load/part", Map.of());
    assertThat(parts).isEqualTo(new CopyResult(2, 0,
        List.of("s3://lake/load/part-0001.tbl", "s3://lake/load/part-0002.tbl")));
    assertThat(copy("s3://lake/load/", Map.of()).files()).containsExactly(
        "s3://lake/load/part-0001.tbl", "s3://lake/load/part-0002.tbl",
        "s3://lake/load/sub/part-0003.tbl.gz");
    assertThat(copy("s3://lake/load", Map.of()).rowsLoaded()).isEqualTo(5);
  }

  @Test
  void loadsThroughAManifest() {
    put("m/one.tbl", text("1|a\n"));
    put("m/two.tbl", text("2|b\n"));
    put("manifests/load.manifest", text("""
        {"entries": [{"url": "s3://lake/m/two.tbl", "mandatory": true},
                     {"url": "s3://lake/m/three.tbl", "mandatory": false},
                     {"url": "s3://lake/m/one.tbl", "mandatory": true}]}"""));
    CopyResult result = copy("s3://lake/manifests/load.manifest", Map.of("MANIFEST", ""));
    assertThat(result.files()).containsExactly("s3://lake/m/two.tbl", "s3://lake/m/one.tbl");
    assertThat(result.rowsLoaded()).isEqualTo(2);
  }

  @Test
  void missingSourcesAre58P01AndLocalFilesStillLoad() throws IOException {
    assertThatThrownBy(() -> copy("s3://lake/nothing", Map.of()))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.sqlState())
            .isEqualTo("58P01"))
        .hasMessage("Cannot COPY into \"public.items\": no files found at 's3://lake/nothing'");
    assertThatThrownBy(() -> copy("s3://no-such-bucket/x", Map.of()))
        .hasMessage("Cannot COPY into \"public.items\": no files found at "
            + "'s3://no-such-bucket/x'");
    Path local = dataDirectory.resolve("local.tbl");
    Files.writeString(local, "7|local\n");
    assertThat(copy(local.toString(), Map.of()).files()).containsExactly(local.toString());
  }

  private void put(String key, byte[] content) {
    store.write(new ObjectUri("s3", "lake", key), content);
  }

  private CopyResult copy(String source, Map<String, String> options) {
    return ingest.copy(new CopyCommand("public", "items", List.of(), source,
        new HashMap<>(options)), 1, () -> false);
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text(text));
    }
    return bytes.toByteArray();
  }
}
