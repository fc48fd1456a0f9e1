package io.basalt.storage;

import static io.basalt.storage.Fixtures.column;
import static io.basalt.storage.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestVacuum {
  @TempDir
  Path directory;

  private static final List<ColumnDefinition> COLUMNS = List.of(
      column("k", ColumnType.of(TypeName.INTEGER)), column("v", ColumnType.varchar(8)));

  private static List<Object[]> rows(int from, int to) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = to - 1; i >= from; i--) {
      rows.add(new Object[] {i, "v" + i});
    }
    return rows;
  }

  @Test
  void vacuumSortsTheUnsortedRegionAndMergesSegments() {
    try (StorageEngine engine = Fixtures.open(directory, 50)) {
      engine.createTable(Fixtures.sorted("t", COLUMNS, SortKeyKind.COMPOUND, "k"), false);
      for (int batch = 0; batch < 10; batch++) {
        Fixtures.insert(engine, "t", WriteMode.APPEND, rows(batch * 100, batch * 100 + 100));
      }
      TableStats before = engine.snapshot("public", "t").stats();
      assertThat(before.unsortedRows()).isEqualTo(900);
      assertThat(before.blockCount()).isEqualTo(10 * 2 * 1 * 2);
      List<List<Object>> rowsBefore = readAll(engine, "t");

      engine.vacuum("public", "t");

      TableSnapshot after = engine.snapshot("public", "t");
      assertThat(after.stats().unsortedRows()).isZero();
      assertThat(after.stats().rowCount()).isEqualTo(1000);
      // One segment per slice: 500 rows each, 10 blocks of 50, 2 columns.
      assertThat(after.stats().blockCount()).isEqualTo(2 * 10 * 2);
      assertThat(readAll(engine, "t")).containsExactlyInAnyOrderElementsOf(rowsBefore);
      ScanIterator scan = (ScanIterator) after.scan(Fixtures.request(new int[] {0},
          new ColumnPredicate(0, List.of(ValueRange.point(123)), false)));
      assertThat(Fixtures.rows(scan)).containsExactly(List.of(123));
      // One block per slice can hold k = 123; the other 18 are skipped.
      assertThat(scan.statistics().blocksRead()).isEqualTo(2);
      assertThat(scan.statistics().blocksSkipped()).isEqualTo(18);
    }
  }

  @Test
  void vacuumOfAMissingTableFails() {
    try (StorageEngine engine = Fixtures.open(directory, 50)) {
      assertThatThrownBy(() -> engine.vacuum("public", "nope"))
          .isInstanceOf(StorageException.class).hasMessageContaining("does not exist");
    }
  }
}
