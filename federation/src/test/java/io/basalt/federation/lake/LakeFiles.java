package io.basalt.federation.lake;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import io.basalt.storage.format.ParquetFileWriter;
import io.basalt.storage.format.ParquetWriteOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes the files the lake tests crawl and read: Parquet, text, gzip. */
final class LakeFiles {
  private LakeFiles() {}

  static ColumnDefinition column(String name, ColumnType type) {
    return new ColumnDefinition(name, type, true, null);
  }

  /** Alternating column definitions and nothing else: {@code "id", BIGINT, "name", VARCHAR}. */
  static List<ColumnDefinition> columns(Object... namesAndTypes) {
    List<ColumnDefinition> columns = new ArrayList<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      columns.add(column((String) namesAndTypes[i], (ColumnType) namesAndTypes[i + 1]));
    }
    return columns;
  }

  static void parquet(ObjectStore store, String uri, List<ColumnDefinition> columns,
      Object[]... rows) {
    try (ParquetFileWriter writer = ParquetFileWriter.create(store, ObjectUri.parse(uri), columns,
        ParquetWriteOptions.defaults())) {
      for (Object[] row : rows) {
        writer.write(row);
      }
    }
  }

  static void text(ObjectStore store, String uri, String text) {
    store.write(ObjectUri.parse(uri), text.getBytes(StandardCharsets.UTF_8));
  }

  static void gzip(ObjectStore store, String uri, String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    store.write(ObjectUri.parse(uri), bytes.toByteArray());
  }
}
