package io.basalt.storage.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder-backed store against the object-store contract, plus its file:// URIs. */
class TestFolderObjectStore extends ObjectStoreContract {
  @TempDir
  Path root;

  @Override
  ObjectStore createStore(String bucket) {
    FolderObjectStore store = new FolderObjectStore(root);
    store.createBucket(bucket);
    return store;
  }

  @Test
  void bucketsAreFoldersUnderTheRoot() throws IOException {
    store().write(uri("dir/object"), bytes("content"));
    Path file = ((FolderObjectStore) store()).path(uri("dir/object"));
    assertThat(file).startsWith(root);
    assertThat(Files.readString(file)).isEqualTo("content");
  }

  @Test
  void fileUrisAreAbsolutePaths() throws IOException {
    Path folder = Files.createDirectories(root.resolve("local"));
    Files.writeString(folder.resolve("a.csv"), "a");
    Files.writeString(folder.resolve("b.csv"), "b");
    ObjectUri prefix = ObjectUri.parse(folder + "/");
    assertThat(store().list(prefix, null).objects()).extracting(info -> info.uri().toString())
        .containsExactly("file://" + folder.resolve("a.csv"), "file://" + folder.resolve("b.csv"));
    assertThat(store().read(ObjectUri.parse("file://" + folder.resolve("b.csv")), 0, 10))
        .isEqualTo(bytes("b"));
    assertThat(store().bucketExists("")).isTrue();
  }
}
