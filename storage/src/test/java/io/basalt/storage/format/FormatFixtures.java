package io.basalt.storage.format;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.RowBatch;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Shared helpers of the format tests: a folder store with one bucket, and reading files. */
final class FormatFixtures {
  private FormatFixtures() {}

  static FolderObjectStore store(Path directory) {
    FolderObjectStore store = new FolderObjectStore(directory);
    store.createBucket("b");
    return store;
  }

  static ColumnDefinition column(String name, ColumnType type) {
    return new ColumnDefinition(name, type, true, null);
  }

  static ObjectInfo info(ObjectStore store, ObjectUri uri) {
    return store.stat(uri).orElseThrow();
  }

  static ObjectInfo put(ObjectStore store, String uri, String text) {
    return put(store, uri, text.getBytes(StandardCharsets.UTF_8));
  }

  static ObjectInfo put(ObjectStore store, String uri, byte[] bytes) {
    ObjectUri object = ObjectUri.parse(uri);
    store.write(object, bytes);
    return info(store, object);
  }

  /** Every row of every split of the file, boxed. */
  static List<List<Object>> readAll(ObjectStore store, ObjectInfo file, FileReadRequest request,
      long splitBytes) {
    ParquetFooters footers = new ParquetFooters(request.counters());
    List<List<Object>> rows = new ArrayList<>();
    for (FileSplit split : FileReaders.splits(store, file, request.options(), splitBytes,
        footers)) {
      try (FileBatchReader reader = FileReaders.open(store, split, request, footers)) {
        rows.addAll(rows(reader));
      }
    }
    return rows;
  }

  static List<List<Object>> readAll(ObjectStore store, ObjectInfo file,
      List<ColumnDefinition> columns, FormatOptions options) {
    return readAll(store, file, FileReadRequest.allColumns(columns, options, new ScanCounters()),
        Long.MAX_VALUE);
  }

  static List<List<Object>> rows(FileBatchReader reader) {
    List<List<Object>> rows = new ArrayList<>();
    while (reader.hasNext()) {
      RowBatch batch = reader.next();
      for (int r = 0; r < batch.rowCount(); r++) {
        rows.add(Arrays.asList(batch.row(r)));
      }
    }
    return rows;
  }
}
