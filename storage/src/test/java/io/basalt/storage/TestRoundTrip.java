package io.basalt.storage;

import static io.basalt.storage.Fixtures.column;
import static io.basalt.storage.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRoundTrip {
  @TempDir
  Path directory;

  private static final List<ColumnDefinition> ALL_TYPES = List.of(
      column("id", ColumnType.of(TypeName.INTEGER)),
      column("s", ColumnType.of(TypeName.SMALLINT)),
      column("b", ColumnType.of(TypeName.BIGINT)),
      column("d", ColumnType.decimal(15, 2)),
      column("w", ColumnType.decimal(38, 10)),
      column("r", ColumnType.of(TypeName.REAL)),
      column("f", ColumnType.of(TypeName.DOUBLE)),
      column("t", ColumnType.of(TypeName.BOOLEAN)),
      column("c", ColumnType.character(5)),
      column("v", ColumnType.varchar(40)),
      column("dt", ColumnType.of(TypeName.DATE)),
      column("ts", ColumnType.of(TypeName.TIMESTAMP)),
      column("tz", ColumnType.of(TypeName.TIMESTAMPTZ)));

  private static Object[] edgeRow(int id, int variant) {
    return switch (variant) {
      case 0 -> new Object[] {id, Short.MIN_VALUE, Long.MIN_VALUE,
          new BigDecimal("-9999999999999.99"), new BigDecimal("-9999999999999999999999999999"
          + ".9999999999"), -Float.MAX_VALUE, -Double.MAX_VALUE, false, "", "",
          Integer.MIN_VALUE, Long.MIN_VALUE, -1L};
      case 1 -> new Object[] {id, Short.MAX_VALUE, Long.MAX_VALUE,
          new BigDecimal("9999999999999.99"), new BigDecimal("9999999999999999999999999999"
          + ".9999999999"), Float.MIN_VALUE, Double.NaN, true, "abcde", "ünïcödé ✓ text",
          Integer.MAX_VALUE, Long.MAX_VALUE, 0L};
      case 2 -> new Object[] {id, null, null, null, null, null, null, null, null, null, null,
          null, null};
      default -> new Object[] {id, (short) id, (long) id * 1_000_003L,
          BigDecimal.valueOf(id * 37L, 2), new BigDecimal(id).scaleByPowerOfTen(-10)
          .setScale(10), (float) id / 3, id * 0.25, id % 2 == 0, "c" + id % 7,
          "value " + id, 19_000 + id % 400, 1_700_000_000_000L + id, (long) -id};
    };
  }

  @Test
  void everyTypeSurvivesWriteCloseOpenRead() {
    List<Object[]> written = new ArrayList<>();
    for (int id = 0; id < 2500; id++) {
      written.add(edgeRow(id, id < 3 ? id : id % 11 == 0 ? 2 : 3));
    }
    try (StorageEngine engine = Fixtures.open(directory, 256)) {
      engine.createTable(Fixtures.table("all_types", ALL_TYPES), false);
      Fixtures.insert(engine, "all_types", WriteMode.APPEND, written);
    }
    try (StorageEngine engine = Fixtures.open(directory, 256)) {
      List<List<Object>> read = new ArrayList<>(readAll(engine, "all_types"));
      read.sort(Comparator.comparing(row -> (Integer) row.get(0)));
      assertThat(read).hasSize(written.size());
      for (int i = 0; i < written.size(); i++) {
        assertThat(read.get(i)).as("row %d", i).isEqualTo(Arrays.asList(written.get(i)));
      }
      TableStats stats = engine.snapshot("public", "all_types").stats();
      assertThat(stats.rowCount()).isEqualTo(2500);
      assertThat(stats.sizeBytes()).isPositive();
      // 2 slices of 1250 rows, 5 blocks of 256 each, 13 columns.
      assertThat(stats.blockCount()).isEqualTo(2 * 5 * 13);
    }
  }

  @Test
  void typedGettersAvoidBoxing() {
    try (StorageEngine engine = Fixtures.open(directory, 1000)) {
      engine.createTable(Fixtures.table("t", ALL_TYPES), false);
      Fixtures.insert(engine, "t", WriteMode.APPEND, List.of(edgeRow(7, 3), edgeRow(8, 2)));
      TableSnapshot snapshot = engine.snapshot("public", "t");
      var scan = snapshot.scan(Fixtures.request(new int[] {3, 6, 7, 10}));
      long total = 0;
      while (scan.hasNext()) {
        RowBatch batch = scan.next();
        for (int r = 0; r < batch.rowCount(); r++) {
          if (!batch.column(0).isNull(r)) {
            assertThat(batch.column(0).getLong(r)).isEqualTo(7 * 37L);
            assertThat(batch.column(0).getDouble(r)).isEqualTo(2.59);
            assertThat(batch.column(1).getDouble(r)).isEqualTo(1.75);
            assertThat(batch.column(2).getLong(r)).isZero();
            assertThat(batch.column(3).getLong(r)).isEqualTo(19_007);
            total++;
          } else {
            assertThat(batch.column(1).isNull(r)).isTrue();
          }
        }
      }
      assertThat(total).isEqualTo(1);
    }
  }

  @Test
  void manyRowsOfRandomLongsInManyBlocks() {
    Random random = new Random(9);
    List<Object[]> written = new ArrayList<>();
    long sum = 0;
    for (int i = 0; i < 100_000; i++) {
      long v = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(1000);
      written.add(new Object[] {v});
      sum += v;
    }
    try (StorageEngine engine = Fixtures.open(directory, 4096)) {
      engine.createTable(Fixtures.table("longs",
          List.of(column("v", ColumnType.of(TypeName.BIGINT)))), false);
      Fixtures.insert(engine, "longs", WriteMode.APPEND, written);
      long readSum = 0;
      long count = 0;
      var scan = engine.snapshot("public", "longs").scan(Fixtures.request(new int[] {0}));
      while (scan.hasNext()) {
        RowBatch batch = scan.next();
        for (int r = 0; r < batch.rowCount(); r++) {
          readSum += batch.column(0).getLong(r);
          count++;
        }
      }
      assertThat(count).isEqualTo(100_000);
      assertThat(readSum).isEqualTo(sum);
    }
  }

  @Test
  void allNullBlocksAreSkippedForValuesAndReadForIsNull() {
    try (StorageEngine engine = Fixtures.open(directory, 100)) {
      engine.createTable(Fixtures.table("sparse", List.of(
          column("id", ColumnType.of(TypeName.INTEGER)),
          column("maybe", ColumnType.varchar(10)))), false);
      List<Object[]> rows = new ArrayList<>();
      for (int id = 0; id < 1000; id++) {
        rows.add(new Object[] {id, id == 999 ? "last" : null});
      }
      try (TableWriter writer = engine.newWriter("public", "sparse", WriteMode.APPEND)) {
        for (Object[] row : rows) {
          writer.append(0, row);
        }
        writer.commit();
      }
      TableSnapshot snapshot = engine.snapshot("public", "sparse");
      ScanIterator byValue = (ScanIterator) snapshot.scan(Fixtures.request(new int[] {0},
          new ColumnPredicate(1, List.of(ValueRange.all()), false)));
      assertThat(Fixtures.rows(byValue)).containsExactly(List.of(999));
      assertThat(byValue.statistics().blocksRead()).isEqualTo(1);
      assertThat(byValue.statistics().blocksSkipped()).isEqualTo(9);
      ScanIterator byNull = (ScanIterator) snapshot.scan(Fixtures.request(new int[] {0},
          new ColumnPredicate(1, List.of(), true)));
      assertThat(Fixtures.rows(byNull)).hasSize(999);
    }
  }
}
