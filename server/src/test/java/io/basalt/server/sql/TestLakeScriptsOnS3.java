package io.basalt.server.sql;

import static org.assertj.core.api.Assertions.fail;

import io.basalt.server.BasaltServer;
import io.basalt.server.ServerConfig;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import io.basalt.storage.objectstore.S3ObjectStore;
import io.basalt.storage.objectstore.S3ProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lake's scripts ({@code sql/lake/*.iq}) once more, against a server whose object store is a
 * real S3-compatible endpoint (S3Proxy), with the fixtures uploaded to its bucket
 * {@code fixtures}: the same statements must give the same output on either store.
 */
class TestLakeScriptsOnS3 {
  @TempDir
  static Path dataDirectory;
  @TempDir
  static Path staging;
  static S3ProxyServer proxy;
  static BasaltServer server;
  static TimeZone originalTimeZone;

  @BeforeAll
  static void start() throws IOException {
    originalTimeZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    proxy = S3ProxyServer.start();
    proxy.createBucket("fixtures");
    TestSqlScripts.copyFixtures(TestSqlScripts.scriptRoot().resolve("copy/data"),
        staging.resolve("fixtures"));
    FolderObjectStore local = new FolderObjectStore(staging);
    try (ObjectStore s3 = new S3ObjectStore(proxy.settings())) {
      for (ObjectInfo file : local.list(ObjectUri.parse("s3://fixtures/"), null).objects()) {
        try (InputStream in = local.open(file.uri())) {
          s3.write(file.uri(), in.readAllBytes());
        }
      }
    }
    Path settings = dataDirectory.resolve("basalt.json");
    Files.writeString(settings, "{\"object_store\": {\"s3\": {\"endpoint\": \""
        + proxy.endpoint() + "\", \"path_style_access\": true, \"access_key_id\": \""
        + proxy.accessKey() + "\", \"secret_access_key\": \"" + proxy.secretKey() + "\"}}}");
    server = BasaltServer.start(ServerConfig.defaults().withPort(0)
        .withDataDirectory(dataDirectory).withAdminPassword(TestSqlScripts.PASSWORD)
        .withSlices(2).withConfigFile(settings));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    TimeZone.setDefault(originalTimeZone);
  }

  @TestFactory
  Stream<DynamicTest> lakeScripts() throws IOException {
    Path root = TestSqlScripts.scriptRoot();
    List<Path> scripts;
    try (Stream<Path> files = Files.walk(root.resolve("lake"))) {
      scripts = files.filter(p -> p.toString().endsWith(".iq")).sorted().toList();
    }
    if (scripts.isEmpty()) {
      fail("No .iq scripts under " + root.resolve("lake"));
    }
    return scripts.stream().map(script -> DynamicTest.dynamicTest(
        "s3: " + root.relativize(script), script.toUri(),
        () -> TestSqlScripts.run(server.port(), root, script, "quidem-s3")));
  }
}
