package io.basalt.federation.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.federation.datacatalog.CatalogTable;
import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;

/** A folder object store with bucket {@code lake}, a Data Catalog and a crawler over both. */
final class CrawlFixture {
  final FolderObjectStore store;
  final DataCatalog catalog;
  final Crawler crawler;

  CrawlFixture(Path directory) {
    store = new FolderObjectStore(directory.resolve("s3"));
    store.createBucket("lake");
    catalog = DataCatalog.open(directory.resolve("catalog"));
    crawler = new Crawler(catalog, store);
  }

  List<List<Object>> crawl(String location, String database, Map<String, String> options) {
    List<List<Object>> rows = new ArrayList<>();
    for (Object[] row : crawler.crawl(location, database, options, () -> false,
        Crawler.Progress.NONE)) {
      rows.add(Arrays.asList(row));
    }
    return rows;
  }

  List<List<Object>> crawl(String location, String database) {
    return crawl(location, database, Map.of());
  }

  CatalogTable table(String database, String name) {
    return catalog.table(database, name).orElseThrow();
  }

  /** Sets an object's modification time, which decides the files a crawl samples first. */
  void touch(String uri, long millis) {
    try {
      Files.setLastModifiedTime(store.path(ObjectUri.parse(uri)), FileTime.fromMillis(millis));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AbstractThrowableAssert<?, ? extends Throwable> assertFails(Runnable action,
      String sqlState, String message) {
    return assertThatThrownBy(action::run)
        .isInstanceOf(StorageException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((StorageException) e).sqlState()).isEqualTo(sqlState));
  }
}
