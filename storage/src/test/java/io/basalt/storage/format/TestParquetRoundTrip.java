package io.basalt.storage.format;

import static io.basalt.storage.format.FormatFixtures.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.ValueRange;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectUri;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;

class TestParquetRoundTrip {
  private static final int ROWS = 25_000;
  private static final List<ColumnDefinition> COLUMNS = List.of(
      new ColumnDefinition("id", ColumnType.of(TypeName.BIGINT), false, null),
      column("small", ColumnType.of(TypeName.SMALLINT)),
      column("int", ColumnType.of(TypeName.INTEGER)),
      column("price", ColumnType.decimal(7, 2)),
      column("amount", ColumnType.decimal(15, 2)),
      column("wide", ColumnType.decimal(30, 5)),
      column("ratio", ColumnType.of(TypeName.REAL)),
      column("score", ColumnType.of(TypeName.DOUBLE)),
      column("flag", ColumnType.of(TypeName.BOOLEAN)),
      column("code", ColumnType.character(4)),
      column("name", ColumnType.varchar(40)),
      column("day", ColumnType.of(TypeName.DATE)),
      column("at", ColumnType.of(TypeName.TIMESTAMP)),
      column("at_tz", ColumnType.of(TypeName.TIMESTAMPTZ)));

  @TempDir
  Path directory;
  private FolderObjectStore store;
  private ObjectInfo file;
  private final List<List<Object>> expected = new ArrayList<>();

  @BeforeEach
  void write() {
    store = FormatFixtures.store(directory);
    ObjectUri uri = ObjectUri.parse("s3://b/t/part-0.parquet");
    ParquetWriteOptions options = ParquetWriteOptions.defaults().withRowGroupRows(10_000);
    try (ParquetFileWriter writer = ParquetFileWriter.create(store, uri, COLUMNS, options)) {
      ArrayRowBatch.Builder batch = ArrayRowBatch.builder(
          COLUMNS.stream().map(ColumnDefinition::type).toList(), 1000);
      for (int i = 0; i < ROWS; i++) {
        Object[] row = row(i);
        expected.add(Arrays.asList(row));
        if (i < ROWS / 2) {
          writer.write(row);
        } else {
          batch.append(row);
          if (batch.rowCount() == 3000) {
            writer.write(batch.build());
          }
        }
      }
      writer.write(batch.build());
      assertThat(writer.rowsWritten()).isEqualTo(ROWS);
    }
    file = FormatFixtures.info(store, uri);
  }

  private static Object[] row(int i) {
    boolean nulls = i % 7 == 3;
    return new Object[] {
        (long) i,
        nulls ? null : (short) (i % 30000 - 15000),
        nulls ? null : i * 31 - 400_000,
        nulls ? null : BigDecimal.valueOf(i % 100_000 - 50_000, 2),
        nulls ? null : BigDecimal.valueOf(i * 1_000_003L - 7, 2),
        nulls ? null : new BigDecimal("123456789012345678901234." + String.format("%05d", i))
            .negate(),
        nulls ? null : (float) (i / 8.0),
        nulls ? null : i * 0.25 - 3,
        nulls ? null : i % 3 == 0,
        nulls ? null : "c" + (i % 10),
        nulls ? null : "name-" + (i % 500) + (i % 11 == 0 ? "-\u00e9\u4e2d" : ""),
        nulls ? null : 19_000 + i % 2000,
        nulls ? null : 1_700_000_000_000L + i * 1_001L,
        nulls ? null : -86_400_000L + i * 17L};
  }

  private FileReadRequest request(ScanCounters counters, int... columns) {
    return new FileReadRequest(COLUMNS, columns, List.of(), FormatOptions.parquet(), () -> false,
        counters, 4096);
  }

  @Test
  void everyTypeRoundTripsWithNullsAcrossRowGroupsAndSplits() {
    int[] all = new int[COLUMNS.size()];
    Arrays.setAll(all, i -> i);
    ScanCounters counters = new ScanCounters();
    List<FileSplit> splits = FileReaders.splits(store, file, FormatOptions.parquet(), 1,
        new ParquetFooters());
    assertThat(splits).hasSize(3);
    assertThat(FormatFixtures.readAll(store, file, request(counters, all), 1)).isEqualTo(expected);
    ScanCounts counts = counters.snapshot();
    assertThat(counts.rowsRead()).isEqualTo(ROWS);
    assertThat(counts.rowGroupsRead()).isEqualTo(3);
    assertThat(counts.splits()).isEqualTo(3);
    assertThat(counts.filesRead()).isEqualTo(1);
    assertThat(counts.bytesRead()).isGreaterThan(0);
  }

  @Test
  void projectionReadsOnlyItsColumnChunks() {
    ScanCounters all = new ScanCounters();
    int[] every = new int[COLUMNS.size()];
    Arrays.setAll(every, i -> i);
    FormatFixtures.readAll(store, file, request(all, every), Long.MAX_VALUE);
    ScanCounters two = new ScanCounters();
    List<List<Object>> rows = FormatFixtures.readAll(store, file, request(two, 10, 0),
        Long.MAX_VALUE);
    assertThat(rows).hasSize(ROWS);
    assertThat(rows.get(5)).containsExactly("name-5", 5L);
    assertThat(rows.get(3)).containsExactly(null, 3L);
    assertThat(two.snapshot().bytesRead()).isLessThan(all.snapshot().bytesRead() / 4);
  }

  @Test
  void rowGroupsOfASortedColumnAreSkippedByTheirStatistics() {
    ScanCounters counters = new ScanCounters();
    FileReadRequest request = request(counters, 0).withPredicates(List.of(new ColumnPredicate(0,
        List.of(new ValueRange(12_000L, true, 14_000L, false)), false)));
    List<List<Object>> rows = FormatFixtures.readAll(store, file, request, Long.MAX_VALUE);
    assertThat(rows).hasSize(2_000); // only the matching rows of the second row group
    assertThat(rows.get(0)).containsExactly(12_000L);
    assertThat(rows.get(1_999)).containsExactly(13_999L);
    assertThat(counters.snapshot().rowGroupsRead()).isEqualTo(1);
    assertThat(counters.snapshot().rowGroupsSkipped()).isEqualTo(2);
  }

  @Test
  void predicatesOnStringsDecimalsAndNullsSkipRowGroups() {
    ScanCounters counters = new ScanCounters();
    FileReadRequest request = request(counters, 0).withPredicates(List.of(
        new ColumnPredicate(10, List.of(ValueRange.point("zzz")), false)));
    assertThat(FormatFixtures.readAll(store, file, request, Long.MAX_VALUE)).isEmpty();
    assertThat(counters.snapshot().rowGroupsSkipped()).isEqualTo(3);

    counters = new ScanCounters();
    request = request(counters, 0).withPredicates(List.of(new ColumnPredicate(4,
        List.of(new ValueRange(new BigDecimal("100000000"), true, null, false)), false)));
    // Rows 10,000 on, but for their NULLs (every seventh).
    assertThat(FormatFixtures.readAll(store, file, request, Long.MAX_VALUE)).hasSize(12_858);
    assertThat(counters.snapshot().rowGroupsSkipped()).isEqualTo(1);

    counters = new ScanCounters();
    request = request(counters, 0).withPredicates(List.of(new ColumnPredicate(2, List.of(),
        true)));
    assertThat(FormatFixtures.readAll(store, file, request, Long.MAX_VALUE)).hasSize(3_571);
    assertThat(counters.snapshot().rowGroupsSkipped()).isZero();
  }

  @Test
  void predicatesFilterRowsExactlyAndTheOtherColumnsOfBatchesWithoutAMatchAreSkipped() {
    int[] all = new int[COLUMNS.size()];
    Arrays.setAll(all, i -> i);
    ScanCounters counters = new ScanCounters();
    // Two narrow id ranges, in the first and last row groups, and names that are not NULL: most
    // 1,000-row batches have no match, so their other thirteen columns are skipped, not decoded.
    FileReadRequest request = new FileReadRequest(COLUMNS, all, List.of(
        new ColumnPredicate(0, List.of(new ValueRange(5_000L, true, 5_100L, true),
            new ValueRange(24_990L, false, null, false)), false),
        new ColumnPredicate(10, List.of(ValueRange.all()), false)),
        FormatOptions.parquet(), () -> false, counters, 1_000);
    List<List<Object>> expectedRows = new ArrayList<>();
    for (List<Object> row : expected) {
      long id = (Long) row.get(0);
      if ((id >= 5_000 && id <= 5_100 || id > 24_990) && row.get(10) != null) {
        expectedRows.add(row);
      }
    }
    assertThat(expectedRows).hasSize(86 + 8);
    assertThat(FormatFixtures.readAll(store, file, request, Long.MAX_VALUE))
        .isEqualTo(expectedRows);
    assertThat(counters.snapshot().rowGroupsSkipped()).isEqualTo(1);
    assertThat(counters.snapshot().rowsRead()).isEqualTo(15_000);
  }

  @Test
  void deletedPositionsAreLeftOutAndPositionsAreReturnedAcrossSkippedRowGroups() {
    // Ids equal positions. The predicate skips the first row group (0..9,999), so the positions
    // of the second must still count from 10,000.
    RoaringBitmap deleted = RoaringBitmap.bitmapOf(3, 10_001, 10_002, 20_500);
    ScanCounters counters = new ScanCounters();
    FileReadRequest request = new FileReadRequest(COLUMNS, new int[] {0, 9}, List.of(
        new ColumnPredicate(0, List.of(new ValueRange(10_000L, true, 10_004L, true),
            new ValueRange(20_499L, true, 20_501L, true)), false)),
        FormatOptions.parquet(), () -> false, counters, 1_000)
        .withPositions(new RowPositions(deleted, true));
    List<List<Object>> rows = FormatFixtures.readAll(store, file, request, Long.MAX_VALUE);
    assertThat(rows).extracting(row -> row.get(0)).containsExactly(10_000L, 10_003L, 10_004L,
        20_499L, 20_501L);
    assertThat(rows).allSatisfy(row -> assertThat(row.get(2)).isEqualTo(row.get(0)));
    assertThat(counters.snapshot().rowGroupsSkipped()).isEqualTo(1);

    // Without a predicate, deletes alone filter, and a column-less read still counts rows.
    request = request(new ScanCounters(), 0).withPositions(new RowPositions(deleted, false));
    assertThat(FormatFixtures.readAll(store, file, request, Long.MAX_VALUE)).hasSize(ROWS - 4)
        .noneSatisfy(row -> assertThat(row.get(0)).isIn(3L, 10_001L, 10_002L, 20_500L));
  }

  @Test
  void dictionariesSkipRowGroupsWhoseStatisticsCannot() {
    ScanCounters counters = new ScanCounters();
    FileReadRequest request = request(counters, 9).withPredicates(List.of(new ColumnPredicate(9,
        List.of(ValueRange.point("c5x"), ValueRange.point("c55")), false)));
    assertThat(FormatFixtures.readAll(store, file, request, Long.MAX_VALUE)).isEmpty();
    assertThat(counters.snapshot().rowGroupsSkipped()).isEqualTo(3);

    counters = new ScanCounters();
    request = request(counters, 9).withPredicates(List.of(new ColumnPredicate(9,
        List.of(ValueRange.point("c5x"), ValueRange.point("c5")), false)));
    assertThat(FormatFixtures.readAll(store, file, request, Long.MAX_VALUE)).hasSize(2_143)
        .allSatisfy(row -> assertThat(row).containsExactly("c5"));
    assertThat(counters.snapshot().rowGroupsRead()).isEqualTo(3);
  }

  @Test
  void aTableColumnTheFileLacksReadsAsNullAndNamesMatchIgnoringCase() {
    List<ColumnDefinition> table = List.of(column("ID", ColumnType.of(TypeName.BIGINT)),
        column("missing", ColumnType.varchar(5)), column("Day", ColumnType.of(TypeName.DATE)));
    ScanCounters counters = new ScanCounters();
    List<List<Object>> rows = FormatFixtures.readAll(store, file,
        FileReadRequest.allColumns(table, FormatOptions.parquet(), counters), Long.MAX_VALUE);
    assertThat(rows).hasSize(ROWS);
    assertThat(rows.get(1)).containsExactly(1L, null, 19_001);
    // No row can match a range on a column that is all NULL: every row group is skipped.
    FileReadRequest request = FileReadRequest.allColumns(table, FormatOptions.parquet(), counters)
        .withPredicates(List.of(new ColumnPredicate(1, List.of(ValueRange.all()), false)));
    assertThat(FormatFixtures.readAll(store, file, request, Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void countStarReadsNoColumnChunks() {
    ScanCounters counters = new ScanCounters();
    FileReadRequest request = request(counters);
    long rows = 0;
    for (FileSplit split : FileReaders.splits(store, file, FormatOptions.parquet(), 1)) {
      try (FileBatchReader reader = FileReaders.open(store, split, request)) {
        while (reader.hasNext()) {
          rows += reader.next().rowCount();
        }
      }
    }
    assertThat(rows).isEqualTo(ROWS);
  }

  @Test
  void aRowThatCannotBeWrittenLeavesNothingBehind() {
    ObjectUri uri = ObjectUri.parse("s3://b/t/strict.parquet");
    List<ColumnDefinition> columns = List.of(COLUMNS.get(0), COLUMNS.get(3));
    try (ParquetFileWriter writer = ParquetFileWriter.create(store, uri, columns,
        ParquetWriteOptions.defaults())) {
      writer.write(new Object[] {1L, new BigDecimal("1.50")});
      assertThatThrownBy(() -> writer.write(new Object[] {null, BigDecimal.ONE}))
          .isInstanceOfSatisfying(StorageException.class,
              e -> assertThat(e.sqlState()).isEqualTo("23502"))
          .hasMessage("Cannot write 's3://b/t/strict.parquet': column 'id' is NOT NULL but a"
              + " row has NULL");
      assertThatThrownBy(() -> writer.write(new Object[] {2L, new BigDecimal("123456.7")}))
          .isInstanceOfSatisfying(StorageException.class,
              e -> assertThat(e.sqlState()).isEqualTo("42804"));
      writer.write(new Object[] {3L, null});
    }
    assertThat(FormatFixtures.readAll(store, FormatFixtures.info(store, uri), columns,
        FormatOptions.parquet())).containsExactly(List.of(1L, new BigDecimal("1.50")),
        Arrays.asList(3L, null));
  }

  @Test
  void aCanceledReadStops() {
    FileReadRequest request = new FileReadRequest(COLUMNS, new int[] {0}, List.of(),
        FormatOptions.parquet(), () -> true, new ScanCounters(), 100);
    try (FileBatchReader reader = FileReaders.open(store, FileSplit.whole(file), request)) {
      assertThatThrownBy(reader::next)
          .isInstanceOfSatisfying(StorageException.class,
              e -> assertThat(e.sqlState()).isEqualTo("57014"));
    }
  }

  @Test
  void abortLeavesNoObject() {
    ObjectUri uri = ObjectUri.parse("s3://b/t/aborted.parquet");
    ParquetFileWriter writer = ParquetFileWriter.create(store, uri, COLUMNS,
        ParquetWriteOptions.defaults());
    writer.write(row(1));
    writer.abort();
    assertThat(store.stat(uri)).isEmpty();
    assertThat(store.list(ObjectUri.parse("s3://b/t/"), null).objects()).hasSize(1);
  }
}
