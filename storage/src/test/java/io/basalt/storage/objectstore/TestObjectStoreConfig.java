package io.basalt.storage.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectStoreConfig.S3Endpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The object store's settings: defaults, the full basalt.json and environment mapping, open(). */
class TestObjectStoreConfig {
  private static final Path DATA = Path.of("/var/lib/basalt");

  @TempDir
  Path directory;

  @Test
  void defaults() {
    ObjectStoreConfig config = ObjectStoreConfig.load(null, Map.of(), DATA);
    assertThat(config).isEqualTo(ObjectStoreConfig.defaults(DATA));
    assertThat(config.root()).isEqualTo(Path.of("/var/lib/basalt/s3"));
    assertThat(config.s3()).isEmpty();
    assertThat(ObjectStoreConfig.load(json("{\"server\": {}}"), Map.of(), DATA)).isEqualTo(config);

    S3Endpoint endpoint = S3Endpoint.of(URI.create("http://127.0.0.1:9000"));
    assertThat(endpoint.region()).isEqualTo("us-east-1");
    assertThat(endpoint.pathStyleAccess()).isFalse();
    assertThat(endpoint.accessKeyId()).isEmpty();
    assertThat(endpoint.secretAccessKey()).isEmpty();
    assertThat(endpoint.apiCallTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void everySettingOfTheFile() {
    JsonNode file = json("""
        {"object_store": {
          "root": "/srv/objects",
          "s3": {
            "endpoint": "http://127.0.0.1:9000",
            "region": "eu-west-1",
            "path_style_access": true,
            "access_key_id": "AKIA-TEST",
            "secret_access_key": "secret",
            "api_call_timeout_seconds": 2.5
          }}}""");
    ObjectStoreConfig expected = new ObjectStoreConfig(Path.of("/srv/objects"), Optional.of(
        new S3Endpoint(URI.create("http://127.0.0.1:9000"), "eu-west-1", true,
            Optional.of("AKIA-TEST"), Optional.of("secret"), Duration.ofMillis(2500))));
    assertThat(ObjectStoreConfig.load(file, Map.of(), DATA)).isEqualTo(expected);
    assertThat(ObjectStoreConfig.load(json("{\"object_store\": {\"root\": \"objects\"}}"),
        Map.of(), DATA).root()).isEqualTo(Path.of("/var/lib/basalt/objects"));
  }

  @Test
  void theEnvironmentOverridesTheFile() {
    JsonNode file = json("""
        {"object_store": {"s3": {"endpoint": "http://file:1", "region": "eu-west-1",
                                  "path_style_access": true}}}""");
    Map<String, String> env = Map.of(
        "BASALT_S3_ENDPOINT", "http://basalt:1",
        "AWS_ENDPOINT_URL_S3", "http://aws-s3:1",
        "AWS_ENDPOINT_URL", "http://aws:1",
        "AWS_REGION", "ap-south-1",
        "BASALT_S3_PATH_STYLE", "false");
    S3Endpoint endpoint = ObjectStoreConfig.load(file, env, DATA).s3().orElseThrow();
    assertThat(endpoint.endpoint()).isEqualTo(URI.create("http://basalt:1"));
    assertThat(endpoint.region()).isEqualTo("ap-south-1");
    assertThat(endpoint.pathStyleAccess()).isFalse();
    assertThat(endpoint("AWS_ENDPOINT_URL_S3", "http://aws-s3:1",
        "AWS_ENDPOINT_URL", "http://aws:1")).isEqualTo(URI.create("http://aws-s3:1"));
    assertThat(endpoint("AWS_ENDPOINT_URL", "http://aws:1", "BASALT_S3_ENDPOINT", ""))
        .isEqualTo(URI.create("http://aws:1"));
    assertThat(ObjectStoreConfig.load(null, Map.of("BASALT_S3_ENDPOINT", "https://s3.example",
        "BASALT_S3_PATH_STYLE", "TRUE"), DATA).s3().orElseThrow())
        .isEqualTo(S3Endpoint.of(URI.create("https://s3.example")).withPathStyleAccess(true));
    // Without an endpoint a region alone changes nothing: s3:// stays in the folder store.
    assertThat(ObjectStoreConfig.load(null, Map.of("AWS_REGION", "eu-west-1"), DATA).s3())
        .isEmpty();
  }

  @Test
  void malformedSettingsAreF0000() {
    assertInvalid("{\"object_store\": {\"s3\": {\"endpoint\": \"ftp://x\"}}}",
        "Cannot load object store settings: S3 endpoint 'ftp://x' must be an http:// or "
            + "https:// URL");
    assertInvalid("{\"object_store\": {\"s3\": {\"endpont\": \"http://x\"}}}",
        "Cannot load object store settings: unknown setting object_store.s3.endpont");
    assertInvalid("{\"object_store\": {\"s3\": {\"path_style_access\": \"yes\"}}}",
        "Cannot load object store settings: object_store.s3.path_style_access must be true or "
            + "false");
    assertInvalid("{\"object_store\": {\"s3\": {\"access_key_id\": \"k\"}}}",
        "Cannot load object store settings: object_store.s3 needs both access_key_id and "
            + "secret_access_key, or neither");
    assertInvalid("{\"object_store\": []}",
        "Cannot load object store settings: object_store must be an object");
    assertThatThrownBy(() -> ObjectStoreConfig.load(null, Map.of("BASALT_S3_ENDPOINT", "http://x",
        "BASALT_S3_PATH_STYLE", "1"), DATA))
        .hasMessage("Cannot load object store settings: BASALT_S3_PATH_STYLE must be true or "
            + "false, not '1'");
  }

  @Test
  void theSecretIsNeverPrinted() {
    S3Endpoint endpoint = S3Endpoint.of(URI.create("http://127.0.0.1:9000"))
        .withCredentials("AKIA-TEST", "very-secret");
    assertThat(endpoint.toString()).contains("AKIA-TEST").doesNotContain("very-secret");
  }

  @Test
  void withoutAnEndpointEverythingGoesToTheFolderStore() throws IOException {
    try (ObjectStore store = ObjectStoreConfig.load(null, Map.of(), directory).open()) {
      assertThat(store).isInstanceOf(FolderObjectStore.class);
      Files.createDirectories(directory.resolve("s3/bucket"));
      store.write(ObjectUri.parse("s3://bucket/key"), ObjectStoreContract.bytes("x"));
      assertThat(directory.resolve("s3/bucket/key")).hasContent("x");
    }
  }

  @Test
  void withAnEndpointFileUrisStillGoToTheFolderStore() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ObjectStoreConfig config = ObjectStoreConfig.defaults(directory).withS3(
        S3Endpoint.of(URI.create("http://127.0.0.1:" + closedPort)).withPathStyleAccess(true)
            .withCredentials("key", "secret"));
    try (ObjectStore store = config.open()) {
      assertThat(store).isInstanceOf(RoutingObjectStore.class);
      ObjectUri local = ObjectUri.parse(directory.resolve("local.txt").toString());
      store.write(local, ObjectStoreContract.bytes("here"));
      assertThat(store.read(local, 0, 10)).isEqualTo(ObjectStoreContract.bytes("here"));
      assertThat(store.bucketExists("")).isTrue();
      assertThatThrownBy(() -> store.stat(ObjectUri.parse("s3://bucket/key")))
          .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.sqlState())
              .isEqualTo("58030"));
    }
  }

  private static URI endpoint(String... env) {
    Map<String, String> variables = Map.of(env[0], env[1], env[2], env[3]);
    return ObjectStoreConfig.load(null, variables, DATA).s3().orElseThrow().endpoint();
  }

  private static void assertInvalid(String file, String message) {
    assertThatThrownBy(() -> ObjectStoreConfig.load(json(file), Map.of(), DATA))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.sqlState())
            .isEqualTo("F0000"))
        .hasMessage(message);
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
