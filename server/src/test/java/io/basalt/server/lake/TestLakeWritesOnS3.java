package io.basalt.server.lake;

import io.basalt.server.ServerConfig;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectStoreConfig;
import io.basalt.storage.objectstore.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The lake's writes against a real S3 endpoint (S3Proxy in a child JVM). */
class TestLakeWritesOnS3 extends LakeWritesTestBase {
  private S3ProxyServer s3;

  @Override
  ServerConfig configure(ServerConfig config, Path dataDirectory) throws IOException {
    s3 = S3ProxyServer.start();
    s3.createBucket(BUCKET);
    Path file = dataDirectory.resolve("basalt.json");
    Files.writeString(file, s3Config(s3.endpoint().toString(), s3.accessKey(), s3.secretKey()));
    return config.withConfigFile(file);
  }

  @Override
  ObjectStore openStore(Path dataDirectory) {
    return ObjectStoreConfig.defaults(dataDirectory.resolve("client")).withS3(s3.settings())
        .open();
  }

  @Override
  void stopStore() {
    if (s3 != null) {
      s3.close();
    }
  }
}
