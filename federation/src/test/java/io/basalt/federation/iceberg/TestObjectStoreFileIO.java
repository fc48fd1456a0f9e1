package io.basalt.federation.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectStoreConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ObjectStoreFileIO as another JVM's Iceberg builds it from catalog properties ({@code io-impl}),
 * and as Spark ships it to its executors (Java serialization).
 */
class TestObjectStoreFileIO {
  @TempDir
  Path root;

  @Test
  void clientPropertiesOpenTheSameStore() throws Exception {
    new FolderObjectStore(root).createBucket("lake");
    Map<String, String> properties = ObjectStoreFileIO.clientProperties(
        ObjectStoreConfig.defaults(root.getParent()).withRoot(root));
    assertThat(properties).containsEntry(CatalogProperties.FILE_IO_IMPL,
        ObjectStoreFileIO.class.getName()).containsEntry(ObjectStoreFileIO.ROOT, root.toString());

    try (FileIO io = CatalogUtil.loadFileIO(properties.get(CatalogProperties.FILE_IO_IMPL),
        properties, null)) {
      write(io, "s3://lake/t/data.txt", "rows");
      assertThat(root.resolve("lake/t/data.txt")).hasContent("rows");
      assertThat(read(io, "s3://lake/t/data.txt")).isEqualTo("rows");
      // What it was given, and Iceberg's manifest cache on (manifests never change).
      assertThat(io.properties()).containsAllEntriesOf(properties)
          .containsEntry(CatalogProperties.IO_MANIFEST_CACHE_ENABLED, "true");

      FileIO shipped = roundTrip(io);
      assertThat(read(shipped, "s3://lake/t/data.txt")).isEqualTo("rows");
      shipped.close();
    }
  }

  @Test
  void endpointPropertiesAreIcebergsS3Keys() {
    ObjectStoreConfig config = ObjectStoreConfig.defaults(root).withS3(
        ObjectStoreConfig.S3Endpoint.of(URI.create("http://127.0.0.1:9000"))
            .withRegion("eu-west-1").withPathStyleAccess(true).withCredentials("key", "secret"));
    assertThat(ObjectStoreFileIO.clientProperties(config))
        .containsEntry("s3.endpoint", "http://127.0.0.1:9000")
        .containsEntry("s3.path-style-access", "true")
        .containsEntry("client.region", "eu-west-1")
        .doesNotContainKeys("s3.access-key-id", "s3.secret-access-key");
  }

  @Test
  void refusesPropertiesThatNameNoStore() {
    assertThatThrownBy(() -> new ObjectStoreFileIO().initialize(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot initialize ObjectStoreFileIO: set basalt.s3.root (the folder that"
            + " holds the buckets) or s3.endpoint (an S3 endpoint)");
    assertThatThrownBy(() -> new ObjectStoreFileIO().initialize(
        Map.of(ObjectStoreFileIO.ENDPOINT, "http://127.0.0.1:9000",
            ObjectStoreFileIO.ACCESS_KEY_ID, "key")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot initialize ObjectStoreFileIO: set both s3.access-key-id and"
            + " s3.secret-access-key, or neither");
  }

  @Test
  void theServersFileIoDoesNotTravel() throws Exception {
    FolderObjectStore store = new FolderObjectStore(root);
    FileIO shipped = roundTrip(new ObjectStoreFileIO(store));
    assertThatThrownBy(() -> shipped.newInputFile("s3://lake/x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Cannot use ObjectStoreFileIO: it was neither initialized with catalog"
            + " properties nor given a store");
  }

  private static void write(FileIO io, String location, String text) throws IOException {
    try (PositionOutputStream out = io.newOutputFile(location).create()) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String read(FileIO io, String location) throws IOException {
    try (SeekableInputStream in = io.newInputFile(location).newStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static FileIO roundTrip(FileIO io) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(io);
    }
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      return (FileIO) in.readObject();
    }
  }
}
