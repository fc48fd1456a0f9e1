package io.basalt.storage.format;

import static io.basalt.storage.format.FormatFixtures.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.TypeName;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page-decoding fast path of {@link ParquetPageReader} against parquet-java's value-at-a-time
 * reader (forced with {@link ParquetPageReader#forceFallback}) on the same files: every supported
 * type with NULLs, pages spanning batches, a dictionary that falls back to PLAIN mid-chunk, an
 * all-NULL column, required columns, v2 pages and an INT96 column that only the fallback reads.
 */
class TestParquetFastPath {
  private static final int ROWS = 30_000;
  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message m {"
      + " optional int32 i32; optional int64 i64; optional int32 u32 (INTEGER(32,false));"
      + " optional int32 day (DATE); optional int64 ts_ms (TIMESTAMP(MILLIS,true));"
      + " optional int64 ts_us (TIMESTAMP(MICROS,false));"
      + " optional int64 ts_ns (TIMESTAMP(NANOS,true));"
      + " optional int32 d32 (DECIMAL(9,2)); optional int64 d64 (DECIMAL(18,4));"
      + " optional fixed_len_byte_array(8) dfix (DECIMAL(15,3));"
      + " optional binary dbin (DECIMAL(30,5));"
      + " optional binary flag (STRING); optional binary comment (STRING);"
      + " optional boolean b; optional float f; optional double d;"
      + " required int64 id; required binary rname (STRING); optional int32 nothing;"
      + " optional int96 legacy; }");

  private static final List<ColumnDefinition> TABLE = List.of(
      column("i32", ColumnType.of(TypeName.INTEGER)),
      column("i64", ColumnType.of(TypeName.BIGINT)),
      column("u32", ColumnType.of(TypeName.BIGINT)),
      column("day", ColumnType.of(TypeName.DATE)),
      column("ts_ms", ColumnType.of(TypeName.TIMESTAMPTZ)),
      column("ts_us", ColumnType.of(TypeName.TIMESTAMP)),
      column("ts_ns", ColumnType.of(TypeName.TIMESTAMP)),
      column("d32", ColumnType.decimal(12, 3)),
      column("d64", ColumnType.decimal(18, 2)),
      column("dfix", ColumnType.decimal(15, 3)),
      column("dbin", ColumnType.decimal(30, 5)),
      column("flag", ColumnType.character(1)),
      column("comment", ColumnType.varchar(80)),
      column("b", ColumnType.of(TypeName.BOOLEAN)),
      column("f", ColumnType.of(TypeName.REAL)),
      column("d", ColumnType.of(TypeName.DOUBLE)),
      new ColumnDefinition("id", ColumnType.of(TypeName.BIGINT), false, null),
      column("rname", ColumnType.varchar(20)),
      column("nothing", ColumnType.of(TypeName.INTEGER)),
      column("legacy", ColumnType.of(TypeName.TIMESTAMP)),
      column("absent", ColumnType.varchar(5)));

  /** The same file types converted differently: wide decimals, integers and floats to doubles. */
  private static final List<ColumnDefinition> WIDENED = List.of(
      column("i32", ColumnType.of(TypeName.DOUBLE)),
      column("i64", ColumnType.decimal(25, 2)),
      column("d32", ColumnType.decimal(30, 1)),
      column("dfix", ColumnType.decimal(20, 4)),
      column("d", ColumnType.of(TypeName.REAL)),
      column("f", ColumnType.of(TypeName.DOUBLE)),
      column("day", ColumnType.of(TypeName.TIMESTAMP)),
      column("flag", ColumnType.varchar(3)));

  @TempDir
  Path directory;
  private FolderObjectStore store;

  @BeforeEach
  void setUp() {
    store = FormatFixtures.store(directory);
  }

  private ObjectInfo write(String name, WriterVersion version, boolean dictionary,
      CompressionCodecName codec) throws IOException {
    Path target = directory.resolve("b").resolve(name);
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(target))
        .withType(SCHEMA).withWriterVersion(version).withDictionaryEncoding(dictionary)
        .withDictionaryPageSize(4096).withPageRowCountLimit(1000).withPageSize(16 * 1024)
        .withRowGroupSize(512L * 1024).withCompressionCodec(codec).build()) {
      for (int i = 0; i < ROWS; i++) {
        writer.write(row(groups, i));
      }
    }
    return FormatFixtures.info(store, ObjectUri.parse("s3://b/" + name));
  }

  private static Group row(SimpleGroupFactory groups, int i) {
    Group g = groups.newGroup();
    boolean sparse = i % 11 == 5;
    boolean block = i / 1500 % 4 == 1; // long runs of NULLs
    if (!sparse) {
      g.append("i32", i * 7 - 100_000);
    }
    if (!block) {
      g.append("i64", i * 1_000_003L - (1L << 40));
    }
    if (i % 3 != 0) {
      g.append("u32", i == 7 ? -1 : i);
    }
    if (!sparse && !block) {
      g.append("day", i % 20_000 - 5_000);
    }
    if (i % 2 == 0) {
      g.append("ts_ms", 1_600_000_000_000L + i * 37L);
    }
    if (!sparse) {
      g.append("ts_us", -i * 1_234_567L);
      g.append("ts_ns", 1_700_000_000_000_000_000L - i * 987_654_321L);
    }
    if (i % 5 != 1) {
      g.append("d32", i * 13 - 20_000);
      g.append("d64", i * 12_345L - 99_999);
      g.append("dfix", Binary.fromConstantByteArray(fixed(BigInteger.valueOf(i * 1001L
          - 500_000), 8)));
      g.append("dbin", Binary.fromConstantByteArray(new BigInteger("-123456789012345678901")
          .add(BigInteger.valueOf(i).pow(3)).toByteArray()));
    }
    if (!block) {
      g.append("flag", new String[] {"A", "N", "R"}[i % 3]);
    }
    if (!sparse) {
      // a few values, then distinct ones: the dictionary outgrows its page and PLAIN follows
      g.append("comment", i % 10_000 < 2_000 ? "common ü " + i % 7
          : "comment " + i + " of a few distinct words, ü " + (i * 31 % 977));
    }
    if (i % 4 != 3) {
      g.append("b", i % 3 == 0);
    }
    if (i % 6 != 2) {
      g.append("f", i * 0.37f - 1000);
      g.append("d", i / 3.0 - 77);
    }
    g.append("id", (long) i);
    g.append("rname", "r" + i % 50);
    if (i % 2 == 1) {
      g.append("legacy", Binary.fromConstantByteArray(ByteBuffer.allocate(12)
          .order(ByteOrder.LITTLE_ENDIAN).putLong(i * 1_000_000L).putInt(2_459_000 + i % 100)
          .array()));
    }
    return g;
  }

  private static byte[] fixed(BigInteger value, int length) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[length];
    Arrays.fill(out, value.signum() < 0 ? (byte) -1 : 0);
    System.arraycopy(raw, 0, out, length - raw.length, raw.length);
    return out;
  }

  private List<List<Object>> read(ObjectInfo file, List<ColumnDefinition> table, int batchRows,
      ScanCounters counters) {
    int[] all = new int[table.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    FileReadRequest request = new FileReadRequest(table, all, List.of(), FormatOptions.parquet(),
        () -> false, counters, batchRows);
    return FormatFixtures.readAll(store, file, request, Long.MAX_VALUE);
  }

  private static <T> T fallback(Supplier<T> action) {
    ParquetPageReader.forceFallback = true;
    try {
      return action.get();
    } finally {
      ParquetPageReader.forceFallback = false;
    }
  }

  /** Reads the file both ways at several batch sizes; returns the fast path's rows. */
  private List<List<Object>> assertSameBothWays(ObjectInfo file, List<ColumnDefinition> table) {
    ScanCounters slowCounters = new ScanCounters();
    List<List<Object>> expected = fallback(() -> read(file, table, 8192, slowCounters));
    assertThat(expected).hasSize(ROWS);
    List<List<Object>> fast = null;
    for (int batchRows : new int[] {8192, 777, 1000, 1}) {
      ScanCounters counters = new ScanCounters();
      long pages = ParquetPageReader.FAST_PAGES.sum();
      fast = read(file, table, batchRows, counters);
      assertThat(ParquetPageReader.FAST_PAGES.sum()).isGreaterThan(pages);
      assertThat(fast).hasSize(ROWS);
      for (int r = 0; r < ROWS; r++) {
        int row = r;
        assertThat(fast.get(r)).as(() -> "row " + row + " read " + batchRows + " at a time")
            .isEqualTo(expected.get(r));
      }
      assertThat(counters.snapshot()).isEqualTo(slowCounters.snapshot());
    }
    return fast;
  }

  private static void assertKnownValues(List<List<Object>> rows) {
    List<Object> r7 = rows.get(7);
    assertThat(r7.subList(0, 4)).containsExactly(-99_951, 7L * 1_000_003L - (1L << 40),
        4_294_967_295L, 7 - 5000);
    assertThat(r7.get(5)).isEqualTo(Math.floorDiv(-7 * 1_234_567L, 1000L));
    assertThat(r7.get(7)).isEqualTo(new BigDecimal("-199.090"));
    assertThat(r7.get(8)).isEqualTo(new BigDecimal("-1.36")); // -1.3584 rounded
    assertThat(r7.get(10)).isEqualTo(new BigDecimal("-1234567890123456.78558"));
    assertThat(r7.subList(11, 14)).containsExactly("N", "common ü 0", null);
    assertThat(rows.get(2008).get(12)).isEqualTo("comment 2008 of a few distinct words, ü 697");
    assertThat(r7.subList(16, 21)).containsExactly(7L, "r7", null, 7 * 1_000_000L / 1_000_000
        + (2_459_007 - 2_440_588) * 86_400_000L, null);
    List<Object> r5 = rows.get(5);
    assertThat(r5.get(0)).isNull();
    assertThat(r5.get(12)).isNull();
    assertThat(r5.get(16)).isEqualTo(5L);
    assertThat(rows.get(1600).get(1)).isNull(); // in a run of NULLs
    assertThat(rows.get(1600).get(11)).isNull();
    assertThat(rows).allSatisfy(row -> assertThat(row.get(18)).isNull());
  }

  @Test
  void dictionaryPagesFallingBackToPlainMidChunk() throws IOException {
    ObjectInfo file = write("dict.parquet", WriterVersion.PARQUET_1_0, true,
        CompressionCodecName.UNCOMPRESSED);
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(
        directory.resolve("b").resolve("dict.parquet")))) {
      assertThat(reader.getFooter().getBlocks()).anySatisfy(block -> {
        ColumnChunkMetaData comment = block.getColumns().stream()
            .filter(c -> c.getPath().toDotString().equals("comment")).findFirst().orElseThrow();
        assertThat(comment.getEncodings()).contains(Encoding.PLAIN_DICTIONARY, Encoding.PLAIN);
      });
      assertThat(reader.getFooter().getBlocks()).hasSizeGreaterThan(1);
    }
    assertKnownValues(assertSameBothWays(file, TABLE));
    assertSameBothWays(file, WIDENED);
  }

  @Test
  void plainPagesSnappy() throws IOException {
    ObjectInfo file = write("plain.parquet", WriterVersion.PARQUET_1_0, false,
        CompressionCodecName.SNAPPY);
    assertKnownValues(assertSameBothWays(file, TABLE));
    assertSameBothWays(file, WIDENED);
  }

  @Test
  void v2PagesFallBackForDeltaEncodings() throws IOException {
    ObjectInfo file = write("v2.parquet", WriterVersion.PARQUET_2_0, true,
        CompressionCodecName.SNAPPY);
    long fallbacks = ParquetPageReader.FALLBACKS.sum();
    assertKnownValues(assertSameBothWays(file, TABLE));
    assertThat(ParquetPageReader.FALLBACKS.sum()).isGreaterThan(fallbacks);
  }

  @Test
  void outOfRangeValuesFailAlikeBothWays() throws IOException {
    ObjectInfo file = write("range.parquet", WriterVersion.PARQUET_1_0, true,
        CompressionCodecName.UNCOMPRESSED);
    List<ColumnDefinition> narrow = List.of(column("i32", ColumnType.of(TypeName.SMALLINT)));
    String message = "Cannot read 's3://b/range.parquet' row group 0: value -100000 is out of"
        + " range for SMALLINT in column 'i32'";
    assertThatThrownBy(() -> read(file, narrow, 100, new ScanCounters())).hasMessage(message);
    assertThatThrownBy(() -> fallback(() -> read(file, narrow, 100, new ScanCounters())))
        .hasMessage(message);
  }

  @Test
  void projectionsAndRepeatedColumns() throws IOException {
    ObjectInfo file = write("proj.parquet", WriterVersion.PARQUET_1_0, true,
        CompressionCodecName.SNAPPY);
    FileReadRequest request = new FileReadRequest(TABLE, new int[] {12, 4, 12, 17}, List.of(),
        FormatOptions.parquet(), () -> false, new ScanCounters(), 2500);
    List<List<Object>> fast = FormatFixtures.readAll(store, file, request, Long.MAX_VALUE);
    List<List<Object>> slow = fallback(() -> FormatFixtures.readAll(store, file, request,
        Long.MAX_VALUE));
    assertThat(fast).isEqualTo(slow).hasSize(ROWS);
    List<Object> expected = new ArrayList<>(Arrays.asList("common ü 2", 1_600_000_000_074L,
        "common ü 2", "r2"));
    assertThat(fast.get(2)).isEqualTo(expected);
  }

  @Test
  void corruptPagesWithoutChecksumsAreReportedWithTheFileAndRowGroup() throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType(
        "message m { required binary s (STRING); }");
    Path target = directory.resolve("b").resolve("bad.parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(target))
        .withType(schema).withDictionaryEncoding(false).withPageWriteChecksumEnabled(false)
        .build()) {
      for (int i = 0; i < 100; i++) {
        writer.write(groups.newGroup().append("s", "value-" + (1000 + i)));
      }
    }
    byte[] bytes = java.nio.file.Files.readAllBytes(target);
    byte[] first = "value-1000".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int at = indexOf(bytes, first);
    assertThat(at).isGreaterThan(4);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at - 4, 0x7fff_0000);
    ObjectInfo file = FormatFixtures.put(store, "s3://b/bad.parquet", bytes);
    List<ColumnDefinition> table = List.of(column("s", ColumnType.varchar(20)));
    assertThatThrownBy(() -> read(file, table, 100, new ScanCounters()))
        .isInstanceOfSatisfying(io.basalt.storage.StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22P04"))
        .hasMessageStartingWith("Cannot read 's3://b/bad.parquet': corrupt Parquet data in row"
            + " group 0, column 's' (")
        .hasMessageContaining("invalid value length");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
