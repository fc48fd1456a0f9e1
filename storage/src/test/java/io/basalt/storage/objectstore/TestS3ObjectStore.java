package io.basalt.storage.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectStoreConfig.S3Endpoint;
import io.basalt.storage.objectstore.S3ObjectStore.UploadLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The S3 store against a real S3 endpoint (S3Proxy), the contract plus its failure modes. */
class TestS3ObjectStore extends ObjectStoreContract {
  private static S3ProxyServer server;

  @BeforeAll
  static void startServer() {
    server = S3ProxyServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  ObjectStore createStore(String bucket) {
    server.createBucket(bucket);
    return new S3ObjectStore(server.settings());
  }

  @Test
  void wrongCredentialsAre28000() {
    ObjectUri prefix = uri("any/");
    for (S3Endpoint wrong : new S3Endpoint[] {
        server.settings().withCredentials(server.accessKey(), "not-the-secret"),
        server.settings().withCredentials("nobody", server.secretKey())}) {
      try (S3ObjectStore store = new S3ObjectStore(wrong)) {
        assertThatThrownBy(() -> store.list(prefix, "/"))
            .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.sqlState())
                .isEqualTo("28000"))
            .hasMessageStartingWith("Cannot list '" + prefix + "': access denied (");
        assertThatThrownBy(() -> store.read(uri("x"), 0, 1))
            .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.sqlState())
                .isEqualTo("28000"))
            .hasMessageStartingWith("Cannot read '" + uri("x") + "': access denied (");
      }
    }
  }

  @Test
  void anUnreachableEndpointFailsFastWith58030() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    S3Endpoint nowhere = S3Endpoint.of(URI.create("http://127.0.0.1:" + closedPort))
        .withPathStyleAccess(true).withCredentials("key", "secret")
        .withApiCallTimeout(Duration.ofSeconds(10));
    long start = System.nanoTime();
    try (S3ObjectStore store = new S3ObjectStore(nowhere)) {
      assertThatThrownBy(() -> store.list(uri("x/"), "/"))
          .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.sqlState())
              .isEqualTo("58030"))
          .hasMessageStartingWith("Cannot list '" + uri("x/") + "': ");
      assertThatThrownBy(() -> store.write(uri("x"), bytes("x")))
          .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.sqlState())
              .isEqualTo("58030"))
          .hasMessageStartingWith("Cannot write '" + uri("x") + "': ");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void largeObjectsGoThroughATemporaryFileAndInParts() throws IOException {
    byte[] content = new byte[11 << 20];
    new Random(42).nextBytes(content);
    // Small limits: 1 MB in memory, then a file; above 5 MB, parts of 5 MB (S3's minimum).
    UploadLimits small = new UploadLimits(1 << 20, 5 << 20, 5 << 20);
    try (S3ObjectStore store = new S3ObjectStore(server.settings(), small)) {
      for (int size : new int[] {3 << 20, content.length}) {
        ObjectUri target = uri("large-" + size);
        try (ObjectStore.AbortableOutput out = store.create(target)) {
          for (int offset = 0; offset < size; offset += 100_000) {
            out.write(content, offset, Math.min(100_000, size - offset));
          }
          assertThat(store.stat(target)).isEmpty();
        }
        assertThat(store.stat(target).orElseThrow().size()).isEqualTo(size);
        assertThat(store.read(target, 0, size)).isEqualTo(Arrays.copyOf(content, size));
        assertThat(store.read(target, size - 10, 100))
            .isEqualTo(Arrays.copyOfRange(content, size - 10, size));
      }
    }
  }
}
