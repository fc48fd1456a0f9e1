package io.basalt.storage.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectStore.AbortableOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ObjectStore} does, whatever holds the objects: a subclass supplies the store
 * and the same tests run against it, so that the folder store and a real S3 endpoint cannot
 * drift apart.
 */
abstract class ObjectStoreContract {
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  private String bucket;
  private ObjectStore store;

  /** A store in which the (empty) bucket {@code bucket} exists. */
  abstract ObjectStore createStore(String bucket);

  @BeforeEach
  void openStore() {
    // Each test gets a bucket of its own, so that a store shared between tests stays isolated.
    bucket = "contract-" + BUCKETS.incrementAndGet();
    store = createStore(bucket);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void listsEverythingBelowAPrefixWithoutADelimiter() {
    putAll("a/1", "a/2", "a/b/3", "ab/4", "c");
    assertThat(keys(store.list(uri("a/"), null))).containsExactly("a/1", "a/2", "a/b/3");
    assertThat(keys(store.list(uri(""), null))).containsExactly("a/1", "a/2", "a/b/3", "ab/4",
        "c");
    assertThat(store.list(uri("nothing/"), null)).isEqualTo(new ObjectListing(List.of(),
        List.of()));
  }

  @Test
  void groupsKeysIntoCommonPrefixesWithADelimiter() {
    putAll("a/1", "a/2", "a/b/3", "a/b/c/4", "ab/4", "c");
    ObjectListing inA = store.list(uri("a/"), "/");
    assertThat(keys(inA)).containsExactly("a/1", "a/2");
    assertThat(inA.commonPrefixes()).containsExactly(uri("a/b/"));
    ObjectListing top = store.list(uri(""), "/");
    assertThat(keys(top)).containsExactly("c");
    assertThat(top.commonPrefixes()).containsExactly(uri("a/"), uri("ab/"));
  }

  @Test
  void aPrefixThatIsAPartialNameMatchesEveryKeyStartingWithIt() {
    putAll("data/part-0001", "data/part-0002", "data/sub/x", "data2/other", "dat", "part-1");
    assertThat(keys(store.list(uri("data"), null))).containsExactly("data/part-0001",
        "data/part-0002", "data/sub/x", "data2/other");
    assertThat(keys(store.list(uri("data/part"), null))).containsExactly("data/part-0001",
        "data/part-0002");
    assertThat(keys(store.list(uri("data/part-0001"), null))).containsExactly("data/part-0001");
    ObjectListing grouped = store.list(uri("data"), "/");
    assertThat(grouped.objects()).isEmpty();
    assertThat(grouped.commonPrefixes()).containsExactly(uri("data/"), uri("data2/"));
  }

  @Test
  void statGivesSizeAndTime() {
    put("dir/object", "0123456789");
    ObjectInfo info = store.stat(uri("dir/object")).orElseThrow();
    assertThat(info.uri()).isEqualTo(uri("dir/object"));
    assertThat(info.size()).isEqualTo(10);
    assertThat(info.lastModifiedMillis()).isCloseTo(System.currentTimeMillis(), within(120_000L));
    assertThat(store.list(uri("dir/"), null).objects()).containsExactly(info);
    assertThat(store.stat(uri("dir/missing"))).isEmpty();
    assertThat(store.stat(uri("dir"))).isEmpty();
  }

  @Test
  void readsRangesUpToTheEnd() {
    put("ranged", "0123456789");
    assertThat(read("ranged", 0, 10)).isEqualTo("0123456789");
    assertThat(read("ranged", 2, 3)).isEqualTo("234");
    assertThat(read("ranged", 8, 5)).isEqualTo("89");
    assertThat(read("ranged", 10, 4)).isEmpty();
    assertThat(read("ranged", 25, 1)).isEmpty();
    assertThat(read("ranged", 3, 0)).isEmpty();
    put("empty", "");
    assertThat(read("empty", 0, 4)).isEmpty();
  }

  @Test
  void opensTheWholeObject() throws IOException {
    put("whole", "first line\nsecond line\n");
    try (InputStream in = store.open(uri("whole"))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("first line\nsecond line\n");
    }
    // Closing a stream before its end is fine too.
    try (InputStream in = store.open(uri("whole"))) {
      assertThat(in.read()).isEqualTo('f');
    }
  }

  @Test
  void createdObjectsAppearOnlyWhenClosed() throws IOException {
    ObjectUri target = uri("atomic/object");
    try (AbortableOutput out = store.create(target)) {
      out.write(bytes("hello "));
      out.write('w');
      out.write(bytes("orld"));
      assertThat(store.stat(target)).isEmpty();
      assertThat(store.list(uri("atomic/"), null).objects()).isEmpty();
    }
    assertThat(read("atomic/object", 0, 100)).isEqualTo("hello world");
  }

  @Test
  void readersSeeTheOldObjectUntilTheNewOneIsClosed() throws IOException {
    put("replaced", "old");
    try (AbortableOutput out = store.create(uri("replaced"))) {
      out.write(bytes("new and longer"));
      assertThat(read("replaced", 0, 100)).isEqualTo("old");
    }
    assertThat(read("replaced", 0, 100)).isEqualTo("new and longer");
    put("replaced", "again");
    assertThat(store.stat(uri("replaced")).orElseThrow().size()).isEqualTo(5);
    assertThat(keys(store.list(uri(""), null))).containsExactly("replaced");
  }

  @Test
  void anAbortedObjectLeavesNothing() throws IOException {
    put("kept", "old");
    for (String key : List.of("aborted/new", "kept")) {
      AbortableOutput out = store.create(uri(key));
      out.write(bytes("never published"));
      out.abort();
      out.close();
    }
    assertThat(store.stat(uri("aborted/new"))).isEmpty();
    assertThat(read("kept", 0, 100)).isEqualTo("old");
    assertThat(keys(store.list(uri(""), null))).containsExactly("kept");
  }

  @Test
  void deletesObjects() {
    putAll("gone", "stays");
    store.delete(uri("gone"));
    assertThat(store.stat(uri("gone"))).isEmpty();
    assertThat(keys(store.list(uri(""), null))).containsExactly("stays");
    // Deleting what is not there does nothing.
    store.delete(uri("gone"));
    store.delete(uri("never/there"));
  }

  @Test
  void aMissingBucketIs58P01() {
    ObjectUri missing = new ObjectUri("s3", "no-such-bucket", "x");
    assertThat(store.bucketExists("no-such-bucket")).isFalse();
    assertThat(store.bucketExists(bucket)).isTrue();
    assertThat(store.stat(missing)).isEmpty();
    assertThatThrownBy(() -> store.list(missing, null))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.sqlState())
            .isEqualTo("58P01"))
        .hasMessage("Cannot list 's3://no-such-bucket/x': bucket 'no-such-bucket' does not exist");
    assertThatThrownBy(() -> store.read(missing, 0, 10))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.sqlState())
            .isEqualTo("58P01"))
        .hasMessage("Cannot read 's3://no-such-bucket/x': bucket 'no-such-bucket' does not exist");
    assertThatThrownBy(() -> store.open(missing).close())
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.sqlState())
            .isEqualTo("58P01"))
        .hasMessage("Cannot read 's3://no-such-bucket/x': bucket 'no-such-bucket' does not exist");
    assertThatThrownBy(() -> store.write(missing, bytes("x")))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.sqlState())
            .isEqualTo("58P01"))
        .hasMessage("Cannot write 's3://no-such-bucket/x': bucket 'no-such-bucket' does not "
            + "exist");
  }

  @Test
  void aMissingObjectIs58P01() {
    ObjectUri missing = uri("no/such/object");
    assertThatThrownBy(() -> store.read(missing, 0, 10))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.sqlState())
            .isEqualTo("58P01"))
        .hasMessage("Cannot read '" + missing + "': the object does not exist");
    assertThatThrownBy(() -> store.open(missing).close())
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.sqlState())
            .isEqualTo("58P01"))
        .hasMessage("Cannot read '" + missing + "': the object does not exist");
  }

  @Test
  void keysMayHoldSpacesAndEqualsSigns() {
    putAll("year=2024/month=01/part 0001.csv", "year=2024/month=02/a b=c.csv", "year=2025/x");
    ObjectListing months = store.list(uri("year=2024/"), "/");
    assertThat(months.objects()).isEmpty();
    assertThat(months.commonPrefixes()).containsExactly(uri("year=2024/month=01/"),
        uri("year=2024/month=02/"));
    assertThat(keys(store.list(uri("year=2024/month=01/part 0"), null)))
        .containsExactly("year=2024/month=01/part 0001.csv");
    assertThat(store.stat(uri("year=2024/month=02/a b=c.csv"))).isPresent();
    assertThat(read("year=2024/month=02/a b=c.csv", 0, 100))
        .isEqualTo("year=2024/month=02/a b=c.csv");
  }

  ObjectUri uri(String key) {
    return new ObjectUri("s3", bucket, key);
  }

  ObjectStore store() {
    return store;
  }

  /** Writes each key with its own name as its content. */
  private void putAll(String... keys) {
    for (String key : keys) {
      put(key, key);
    }
  }

  private void put(String key, String content) {
    store.write(uri(key), bytes(content));
  }

  private String read(String key, long offset, int length) {
    return new String(store.read(uri(key), offset, length), StandardCharsets.UTF_8);
  }

  private static List<String> keys(ObjectListing listing) {
    return listing.objects().stream().map(info -> info.uri().key()).toList();
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
