package io.basalt.storage;

import static io.basalt.storage.Fixtures.column;
import static io.basalt.storage.Fixtures.request;
import static io.basalt.storage.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestZoneMapsAndSortKeys {
  @TempDir
  Path directory;

  private static final List<ColumnDefinition> COLUMNS = List.of(
      column("a", ColumnType.of(TypeName.INTEGER)),
      column("b", ColumnType.varchar(10)),
      column("payload", ColumnType.of(TypeName.BIGINT)));

  /** 10,000 rows with a and b in random order, a in 0..99, b in 100 values. */
  private static List<Object[]> shuffledRows() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      rows.add(new Object[] {i % 100, String.format("k%03d", (i / 100) % 100), (long) i});
    }
    Collections.shuffle(rows, new Random(3));
    return rows;
  }

  private static void loadOneSlice(StorageEngine engine, String table, List<Object[]> rows) {
    try (TableWriter writer = engine.newWriter("public", table, WriteMode.APPEND)) {
      for (Object[] row : rows) {
        writer.append(0, row);
      }
      writer.commit();
    }
  }

  private static ScanStatistics drain(ScanIterator scan, List<List<Object>> into) {
    into.addAll(rows(scan));
    return scan.statistics();
  }

  @Test
  void compoundSortKeyOrdersRowsAndLetsZoneMapsSkipBlocks() {
    try (StorageEngine engine = Fixtures.open(directory, 100)) {
      engine.createTable(Fixtures.sorted("c", COLUMNS, SortKeyKind.COMPOUND, "a", "b"), false);
      loadOneSlice(engine, "c", shuffledRows());
      TableSnapshot snapshot = engine.snapshot("public", "c");

      List<List<Object>> all = rows(snapshot.scan(request(new int[] {0, 1})));
      for (int i = 1; i < all.size(); i++) {
        int a0 = (Integer) all.get(i - 1).get(0);
        int a1 = (Integer) all.get(i).get(0);
        assertThat(a0 < a1 || a0 == a1
            && ((String) all.get(i - 1).get(1)).compareTo((String) all.get(i).get(1)) <= 0)
            .as("row %d in order", i).isTrue();
      }

      List<List<Object>> hits = new ArrayList<>();
      ScanStatistics stats = drain((ScanIterator) snapshot.scan(request(new int[] {2},
          new ColumnPredicate(0, List.of(ValueRange.point(42)), false))), hits);
      assertThat(hits).hasSize(100);
      assertThat(stats.blocksRead()).isEqualTo(1);
      assertThat(stats.blocksSkipped()).isEqualTo(99);
      assertThat(stats.rowsReturned()).isEqualTo(100);
    }
  }

  @Test
  void withoutSortKeyNothingIsSkipped() {
    try (StorageEngine engine = Fixtures.open(directory, 100)) {
      engine.createTable(Fixtures.table("n", COLUMNS), false);
      loadOneSlice(engine, "n", shuffledRows());
      List<List<Object>> hits = new ArrayList<>();
      ScanStatistics stats = drain((ScanIterator) engine.snapshot("public", "n").scan(
          request(new int[] {2}, new ColumnPredicate(0, List.of(ValueRange.point(42)), false))),
          hits);
      assertThat(hits).hasSize(100);
      assertThat(stats.blocksSkipped()).isZero();
      assertThat(stats.blocksRead()).isEqualTo(100);
    }
  }

  @Test
  void interleavedSortKeyNarrowsBlocksForEitherColumn() {
    try (StorageEngine engine = Fixtures.open(directory, 100)) {
      engine.createTable(Fixtures.sorted("i", COLUMNS, SortKeyKind.INTERLEAVED, "a", "b"),
          false);
      engine.createTable(Fixtures.sorted("c", COLUMNS, SortKeyKind.COMPOUND, "a", "b"), false);
      loadOneSlice(engine, "i", shuffledRows());
      loadOneSlice(engine, "c", shuffledRows());
      ColumnPredicate onA = new ColumnPredicate(0, List.of(ValueRange.point(42)), false);
      ColumnPredicate onB = new ColumnPredicate(1, List.of(ValueRange.point("k042")), false);

      List<List<Object>> hits = new ArrayList<>();
      ScanStatistics interleavedA = drain((ScanIterator) engine.snapshot("public", "i")
          .scan(request(new int[] {0}, onA)), hits);
      ScanStatistics interleavedB = drain((ScanIterator) engine.snapshot("public", "i")
          .scan(request(new int[] {1}, onB)), hits);
      ScanStatistics compoundB = drain((ScanIterator) engine.snapshot("public", "c")
          .scan(request(new int[] {1}, onB)), hits);
      assertThat(hits).hasSize(300);
      // Z-order: each column alone selects about sqrt(100) = 10 blocks, not 1 or 100.
      assertThat(interleavedA.blocksRead()).isBetween(5L, 20L);
      assertThat(interleavedB.blocksRead()).isBetween(5L, 20L);
      assertThat(compoundB.blocksRead()).isEqualTo(100);
    }
  }

  @Test
  void appendsToALoadedTableFormTheUnsortedRegion() {
    try (StorageEngine engine = Fixtures.open(directory, 100)) {
      engine.createTable(Fixtures.sorted("c", COLUMNS, SortKeyKind.COMPOUND, "a"), false);
      loadOneSlice(engine, "c", shuffledRows().subList(0, 1000));
      assertThat(engine.snapshot("public", "c").stats().unsortedRows()).isZero();
      loadOneSlice(engine, "c", shuffledRows().subList(0, 300));
      TableStats stats = engine.snapshot("public", "c").stats();
      assertThat(stats.rowCount()).isEqualTo(1300);
      assertThat(stats.unsortedRows()).isEqualTo(300);
      try (TableWriter writer = engine.newWriter("public", "c", WriteMode.REPLACE)) {
        writer.append(1, new Object[] {1, "x", 1L});
        writer.commit();
      }
      assertThat(engine.snapshot("public", "c").stats().unsortedRows()).isZero();
    }
  }
}
