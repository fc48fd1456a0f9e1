package io.basalt.storage.format;

import static io.basalt.storage.format.FormatFixtures.column;
import static io.basalt.storage.format.FormatFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestTextReader {
  private static final List<ColumnDefinition> TABLE = List.of(
      column("id", ColumnType.of(TypeName.BIGINT)),
      column("name", ColumnType.varchar(30)),
      column("price", ColumnType.decimal(10, 2)),
      column("day", ColumnType.of(TypeName.DATE)),
      column("at", ColumnType.of(TypeName.TIMESTAMP)),
      column("ok", ColumnType.of(TypeName.BOOLEAN)),
      column("ratio", ColumnType.of(TypeName.DOUBLE)));
  private static final String CSV = "id,name,price,day,at,ok,ratio\n"
      + "1,plain,12.5,2024-02-29,2024-02-29 10:11:12,true,0.5\n"
      + "2,\"with, comma\",-0.005,1969-12-31,1969-12-31 23:59:59.999,f,-1e3\r\n"
      + "3,\"say \"\"hi\"\"\nnext line\",  7 ,2000-01-01,2000-01-01T00:00,1,NaN\n"
      + "\n"
      + "4,,,,,,\n"
      + "5,\"\"\n";

  @TempDir
  Path directory;
  private FolderObjectStore store;

  @BeforeEach
  void open() {
    store = FormatFixtures.store(directory);
  }

  private List<List<Object>> read(ObjectInfo file, FormatOptions options) {
    return FormatFixtures.readAll(store, file, TABLE, options);
  }

  private static long millis(int y, int m, int d, int h, int min, int s, int ms) {
    return LocalDateTime.of(y, m, d, h, min, s, ms * 1_000_000).toInstant(ZoneOffset.UTC)
        .toEpochMilli();
  }

  private static final List<List<Object>> EXPECTED = List.of(
      Arrays.asList(1L, "plain", new BigDecimal("12.50"),
          (int) LocalDate.of(2024, 2, 29).toEpochDay(), millis(2024, 2, 29, 10, 11, 12, 0), true,
          0.5),
      Arrays.asList(2L, "with, comma", new BigDecimal("-0.01"), -1, -1L, false, -1000.0),
      Arrays.asList(3L, "say \"hi\"\nnext line", new BigDecimal("7.00"), 10957,
          millis(2000, 1, 1, 0, 0, 0, 0), true, Double.NaN),
      Arrays.asList(4L, null, null, null, null, null, null),
      Arrays.asList(5L, "", null, null, null, null, null));

  @Test
  void readsQuotedCsvWithAHeaderNullsAndEveryFieldType() {
    ObjectInfo file = put(store, "s3://b/t/f.csv", CSV);
    assertThat(read(file, FormatOptions.csv().withSkipHeaderLines(1))).isEqualTo(EXPECTED);
  }

  @Test
  void readsGzipAndZstdByExtensionOrMagic() throws IOException {
    byte[] text = CSV.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
      out.write(text);
    }
    FormatOptions options = FormatOptions.csv().withSkipHeaderLines(1);
    ScanCounters counters = new ScanCounters();
    ObjectInfo gz = put(store, "s3://b/t/f.csv.gz", gzip.toByteArray());
    assertThat(FormatFixtures.readAll(store, gz, FileReadRequest.allColumns(TABLE, options,
        counters), 1)).isEqualTo(EXPECTED);
    assertThat(counters.snapshot().bytesRead()).isEqualTo(gz.size());
    ObjectInfo zst = put(store, "s3://b/t/f.data", Zstd.compress(text));
    assertThat(read(zst, options)).isEqualTo(EXPECTED);
  }

  @Test
  void readsHiveTextWithoutQuotingAndBackslashNForNull() {
    ObjectInfo file = put(store, "s3://b/t/000000_0",
        "1\u0001a \"b\"\u0001\\N\n2\u0001\u00011.5\u00012024-01-01\n3\n");
    List<List<Object>> rows = read(file, FormatOptions.text());
    assertThat(rows).containsExactly(
        Arrays.asList(1L, "a \"b\"", null, null, null, null, null),
        Arrays.asList(2L, "", new BigDecimal("1.50"), 19723, null, null, null),
        Arrays.asList(3L, null, null, null, null, null, null));
  }

  @Test
  void skipsAByteOrderMark() {
    ObjectInfo file = put(store, "s3://b/t/bom.csv", "\uFEFF7,x\n");
    assertThat(read(file, FormatOptions.csv()).get(0)).containsExactly(7L, "x", null, null, null,
        null, null);
  }

  @Test
  void projectsAndRepeatsColumns() {
    ObjectInfo file = put(store, "s3://b/t/f.csv", CSV);
    FileReadRequest request = new FileReadRequest(TABLE, new int[] {5, 0, 0}, List.of(),
        FormatOptions.csv().withSkipHeaderLines(1), () -> false, new ScanCounters(), 2);
    assertThat(FormatFixtures.readAll(store, file, request, 1)).containsExactly(
        Arrays.asList(true, 1L, 1L), Arrays.asList(false, 2L, 2L), Arrays.asList(true, 3L, 3L),
        Arrays.asList(null, 4L, 4L), Arrays.asList(null, 5L, 5L));
  }

  private static void assertFails(ThrowingCallable call, String sqlState, String message) {
    assertThatThrownBy(call).isInstanceOfSatisfying(StorageException.class,
        e -> assertThat(e.sqlState()).isEqualTo(sqlState)).hasMessage(message);
  }

  @Test
  void aRecordWithTooManyFieldsIsAnErrorNamingTheLine() {
    ObjectInfo file = put(store, "s3://b/k/f.csv", "id\n1\n2\n4,\"a\nb\"\n3,x,x,x,x,x,x,x\n");
    assertFails(() -> read(file, FormatOptions.csv().withSkipHeaderLines(1)), "22P04",
        "Cannot read 's3://b/k/f.csv' line 6: the record has 8 fields but the table has 7"
            + " columns");
  }

  @Test
  void anUnparsableValueIsAnErrorNamingTheLineAndColumn() {
    ObjectInfo file = put(store, "s3://b/k/f.csv", "1,a,1.5\n2,b,1.2.3\n");
    assertFails(() -> read(file, FormatOptions.csv()), "22P04",
        "Cannot read 's3://b/k/f.csv' line 2: invalid DECIMAL(10,2) '1.2.3' in column 'price'");
    ObjectInfo dates = put(store, "s3://b/k/d.csv", "1,a,1,2024-02-30\n");
    assertFails(() -> read(dates, FormatOptions.csv()), "22P04",
        "Cannot read 's3://b/k/d.csv' line 1: invalid DATE '2024-02-30' in column 'day'");
    ObjectInfo big = put(store, "s3://b/k/big.csv", "99999999999999999999\n");
    assertFails(() -> read(big, FormatOptions.csv()), "22003",
        "Cannot read 's3://b/k/big.csv' line 1: value 99999999999999999999 is out of range for"
            + " BIGINT in column 'id'");
    ObjectInfo quote = put(store, "s3://b/k/q.csv", "1\n2,\"open\n3\n");
    assertFails(() -> read(quote, FormatOptions.csv()), "22P04",
        "Cannot read 's3://b/k/q.csv' line 4: unterminated quoted field starting on line 2");
  }

  @Test
  void csvWriterOutputReadsBack() {
    ObjectUri uri = ObjectUri.parse("s3://b/out/part.csv.gz");
    FormatOptions options = FormatOptions.csv().withSkipHeaderLines(1);
    List<List<Object>> rows = new ArrayList<>(EXPECTED);
    rows.add(Arrays.asList(6L, " padded ", new BigDecimal("-12345678.90"), -719162,
        millis(1, 1, 1, 0, 0, 0, 1), false, Double.NEGATIVE_INFINITY));
    try (CsvFileWriter writer = CsvFileWriter.create(store, uri, TABLE, options)) {
      for (List<Object> row : rows) {
        writer.write(row.toArray());
      }
    }
    ObjectInfo file = FormatFixtures.info(store, uri);
    assertThat(read(file, options)).isEqualTo(rows);
    ObjectUri plain = ObjectUri.parse("s3://b/out/part.txt");
    try (CsvFileWriter writer = CsvFileWriter.create(store, plain, TABLE, FormatOptions.text())) {
      writer.write(rows.get(0).toArray());
      assertThatThrownBy(() -> writer.write(rows.get(2).toArray())).hasMessageContaining(
          "no quoting");
      assertThatThrownBy(() -> writer.write(new Object[] {1L, "a", 1.5, null, null, null, null}))
          .isInstanceOfSatisfying(StorageException.class,
              e -> assertThat(e.sqlState()).isEqualTo("42804"));
      writer.write(rows.get(3).toArray());
      writer.close();
    }
    assertThat(read(FormatFixtures.info(store, plain), FormatOptions.text()))
        .containsExactly(rows.get(0), rows.get(3));
  }
}
