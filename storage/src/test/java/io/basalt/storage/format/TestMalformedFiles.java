package io.basalt.storage.format;

import static io.basalt.storage.format.FormatFixtures.column;
import static io.basalt.storage.format.FormatFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectUri;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestMalformedFiles {
  private static final List<ColumnDefinition> TABLE = List.of(
      column("id", ColumnType.of(TypeName.BIGINT)), column("name", ColumnType.varchar(20)));

  @TempDir
  Path directory;
  private FolderObjectStore store;
  private byte[] parquet;

  @BeforeEach
  void write() {
    store = FormatFixtures.store(directory);
    ObjectUri uri = ObjectUri.parse("s3://b/good.parquet");
    try (ParquetFileWriter writer = ParquetFileWriter.create(store, uri, TABLE,
        ParquetWriteOptions.defaults().withCodec(ParquetWriteOptions.Codec.UNCOMPRESSED))) {
      for (long i = 0; i < 5000; i++) {
        writer.write(new Object[] {i, "name " + i});
      }
    }
    parquet = store.read(uri, 0, Integer.MAX_VALUE);
  }

  private List<List<Object>> read(ObjectInfo file) {
    return FormatFixtures.readAll(store, file, TABLE, FormatOptions.parquet());
  }

  private void assertMalformed(byte[] bytes, String message) {
    ObjectInfo file = put(store, "s3://b/k/bad.parquet", bytes);
    assertThatThrownBy(() -> read(file))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22P04"))
        .hasMessageStartingWith("Cannot read 's3://b/k/bad.parquet': " + message);
  }

  @Test
  void truncatedAndGarbageFilesAreNotParquet() {
    assertMalformed(Arrays.copyOf(parquet, parquet.length - 10),
        "not a Parquet file (no PAR1 magic at its end)");
    assertMalformed(Arrays.copyOf(parquet, 7), "not a Parquet file (7 bytes is too short)");
    assertMalformed("id,name\n1,a\n2,b\n".getBytes(StandardCharsets.UTF_8),
        "not a Parquet file (no PAR1 magic at its end)");
    byte[] garbage = new byte[100_000];
    new Random(7).nextBytes(garbage);
    assertMalformed(garbage, "not a Parquet file (no PAR1 magic at its end)");
    // A small file is fetched whole with its tail, so its leading magic is checked too.
    ObjectUri small = ObjectUri.parse("s3://b/small.parquet");
    try (ParquetFileWriter writer = ParquetFileWriter.create(store, small, TABLE,
        ParquetWriteOptions.defaults())) {
      writer.write(new Object[] {1L, "one"});
    }
    byte[] start = store.read(small, 0, Integer.MAX_VALUE);
    start[0] = 'X';
    assertMalformed(start, "not a Parquet file (no PAR1 magic at its start)");
  }

  @Test
  void aFooterLengthPastTheFileOrACorruptFooterIsReported() {
    byte[] length = parquet.clone();
    length[length.length - 5] = 0x7f; // footer length about 2 GB
    assertMalformed(length, "not a Parquet file (its footer length");
    byte[] footer = parquet.clone();
    int footerLength = (footer[footer.length - 8] & 0xff) | (footer[footer.length - 7] & 0xff)
        << 8;
    Arrays.fill(footer, footer.length - 8 - footerLength, footer.length - 8 - footerLength / 2,
        (byte) 0xee);
    assertMalformed(footer, "corrupt Parquet footer (");
  }

  @Test
  void corruptPagesFailTheirChecksumsAndAreReported() {
    Random random = new Random(11);
    for (int attempt = 0; attempt < 20; attempt++) {
      byte[] bytes = parquet.clone();
      int at = 4 + random.nextInt(bytes.length / 2);
      for (int i = 0; i < 64; i++) {
        bytes[at + i] = (byte) random.nextInt();
      }
      ObjectInfo file = put(store, "s3://b/k/bad.parquet", bytes);
      assertThatThrownBy(() -> read(file))
          .isInstanceOfSatisfying(StorageException.class,
              e -> assertThat(e.sqlState()).isEqualTo("22P04"))
          .hasMessageStartingWith("Cannot read 's3://b/k/bad.parquet': corrupt Parquet data in"
              + " row group 0");
    }
  }

  @Test
  void aFileThatDoesNotExistIsReportedByTheStore() {
    ObjectInfo missing = new ObjectInfo(ObjectUri.parse("s3://b/none.parquet"), 100, 0);
    assertThatThrownBy(() -> read(missing))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("58P01"));
  }
}
