package io.basalt.storage.format;

import static io.basalt.storage.format.FormatFixtures.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ColumnType;
import io.basalt.storage.TypeName;
import io.basalt.storage.ValueRange;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Physical layouts other writers use: INT96 timestamps, unsigned ints, byte-array decimals. */
class TestParquetLegacyTypes {
  private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message m {"
      + " optional int96 ts; required int32 u (INTEGER(32,false));"
      + " optional binary j (JSON); optional int64 micros (TIMESTAMP(MICROS,true));"
      + " optional fixed_len_byte_array(5) fixed (DECIMAL(10,2));"
      + " optional binary var (DECIMAL(25,3)); optional binary raw; }");

  @TempDir
  Path directory;
  private FolderObjectStore store;
  private ObjectInfo file;

  @BeforeEach
  void write() throws IOException {
    store = FormatFixtures.store(directory);
    Path target = directory.resolve("b").resolve("legacy.parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(target))
        .withType(SCHEMA).build()) {
      for (int i = 0; i < 100; i++) {
        Group group = groups.newGroup()
            .append("u", i == 99 ? -1 : i)
            .append("j", "{\"a\":" + i + "}")
            .append("micros", 1_700_000_000_000_000L + i * 1_500L)
            .append("fixed", Binary.fromConstantByteArray(bytes(BigInteger.valueOf(i * 101 - 5000),
                5)))
            .append("var", Binary.fromConstantByteArray(new BigInteger("-1234567890123456789012")
                .add(BigInteger.valueOf(i)).toByteArray()))
            .append("raw", "r" + i);
        if (i % 2 == 0) {
          group.append("ts", Binary.fromConstantByteArray(int96(i)));
        }
        writer.write(group);
      }
    }
    file = FormatFixtures.info(store, ObjectUri.parse("s3://b/legacy.parquet"));
  }

  private static long millis(int i) {
    return LocalDateTime.of(2024, 1, 1, 10, 0).toInstant(ZoneOffset.UTC).toEpochMilli()
        + i * 1000L + 123;
  }

  /** Nanoseconds of the day, then the Julian day, little-endian. */
  private static byte[] int96(int i) {
    long millis = millis(i);
    long day = Math.floorDiv(millis, 86_400_000L);
    long nanos = Math.floorMod(millis, 86_400_000L) * 1_000_000L + 456_789;
    return ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(nanos)
        .putInt((int) (day + 2_440_588)).array();
  }

  private static byte[] bytes(BigInteger value, int length) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[length];
    Arrays.fill(out, value.signum() < 0 ? (byte) -1 : 0);
    System.arraycopy(raw, 0, out, length - raw.length, raw.length);
    return out;
  }

  private static final List<ColumnDefinition> TABLE = List.of(
      column("ts", ColumnType.of(TypeName.TIMESTAMP)),
      column("u", ColumnType.of(TypeName.BIGINT)),
      column("j", ColumnType.varchar(100)),
      column("micros", ColumnType.of(TypeName.TIMESTAMPTZ)),
      column("fixed", ColumnType.decimal(10, 2)),
      column("var", ColumnType.decimal(25, 3)),
      column("raw", ColumnType.varchar(10)));

  @Test
  void readsInt96UnsignedAndByteArrayDecimals() {
    List<List<Object>> rows = FormatFixtures.readAll(store, file, TABLE, FormatOptions.parquet());
    assertThat(rows).hasSize(100);
    assertThat(rows.get(4)).containsExactly(millis(4), 4L, "{\"a\":4}",
        1_700_000_000_006L, new BigDecimal("-45.96"),
        new BigDecimal("-1234567890123456789.008"), "r4");
    assertThat(rows.get(5).get(0)).isNull();
    assertThat(rows.get(99).get(1)).isEqualTo(4_294_967_295L);
  }

  @Test
  void timestampsReadAsMicrosecondsKeepTheFilesPrecision() {
    List<ColumnDefinition> table = List.of(
        column("ts", ColumnType.microseconds(TypeName.TIMESTAMP)),
        column("micros", ColumnType.microseconds(TypeName.TIMESTAMPTZ)));
    List<List<Object>> rows = FormatFixtures.readAll(store, file, table, FormatOptions.parquet());
    // INT96 nanoseconds and INT64 microseconds, rounded down to microseconds only.
    assertThat(rows.get(4)).containsExactly(millis(4) * 1000 + 456, 1_700_000_000_006_000L);
    assertThat(rows.get(5)).containsExactly(null, 1_700_000_000_007_500L);
  }

  @Test
  void byteArrayDecimalStatisticsSkipRowGroups() {
    ScanCounters counters = new ScanCounters();
    FileReadRequest request = new FileReadRequest(TABLE, new int[] {4}, List.of(
        new ColumnPredicate(4, List.of(new ValueRange(new BigDecimal("100"), true, null, false)),
            false)), FormatOptions.parquet(), () -> false, counters, 1000);
    assertThat(FormatFixtures.readAll(store, file, request, Long.MAX_VALUE)).isEmpty();
    assertThat(counters.snapshot().rowGroupsSkipped()).isEqualTo(1);
  }

  @Test
  void unsignedValuesBeyondTheTableTypeAreOutOfRange() {
    List<ColumnDefinition> table = List.of(column("u", ColumnType.of(TypeName.INTEGER)));
    assertThatThrownBy(() -> FormatFixtures.readAll(store, file, table, FormatOptions.parquet()))
        .hasMessage("Cannot read 's3://b/legacy.parquet' row group 0: value 4294967295 is out of"
            + " range for INTEGER in column 'u'");
    assertThat(FileSchemas.infer(store, file, FormatOptions.parquet()))
        .extracting(ColumnDefinition::type)
        .containsExactly(ColumnType.of(TypeName.TIMESTAMP), ColumnType.of(TypeName.BIGINT),
            ColumnType.varchar(65535), ColumnType.of(TypeName.TIMESTAMPTZ),
            ColumnType.decimal(10, 2), ColumnType.decimal(25, 3), ColumnType.varchar(65535));
  }
}
