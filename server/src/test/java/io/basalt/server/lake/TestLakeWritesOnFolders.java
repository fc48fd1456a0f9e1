package io.basalt.server.lake;

import io.basalt.server.ServerConfig;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectStoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The lake's writes against the embedded object store: bucket {@code lake} is a folder. */
class TestLakeWritesOnFolders extends LakeWritesTestBase {
  @Override
  ServerConfig configure(ServerConfig config, Path dataDirectory) throws IOException {
    Files.createDirectories(dataDirectory.resolve(ObjectStoreConfig.DEFAULT_ROOT).resolve(BUCKET));
    return config;
  }

  @Override
  ObjectStore openStore(Path dataDirectory) {
    return new FolderObjectStore(dataDirectory.resolve(ObjectStoreConfig.DEFAULT_ROOT));
  }
}
