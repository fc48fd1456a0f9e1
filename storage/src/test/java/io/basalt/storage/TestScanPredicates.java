package io.basalt.storage;

import static io.basalt.storage.Fixtures.column;
import static io.basalt.storage.Fixtures.request;
import static io.basalt.storage.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestScanPredicates {
  @TempDir
  Path directory;
  private StorageEngine engine;
  private TableSnapshot snapshot;

  @BeforeEach
  void load() {
    engine = Fixtures.open(directory, 8);
    engine.createTable(Fixtures.table("p", List.of(
        column("id", ColumnType.of(TypeName.INTEGER)),
        column("code", ColumnType.character(6)),
        column("amount", ColumnType.decimal(12, 2)),
        column("wide", ColumnType.decimal(30, 3)),
        column("ratio", ColumnType.of(TypeName.DOUBLE)),
        column("name", ColumnType.varchar(20)))), false);
    List<Object[]> rows = new ArrayList<>();
    for (int id = 0; id < 100; id++) {
      rows.add(new Object[] {id, id % 10 == 0 ? null : id % 3 == 0 ? "ab  " : "cd",
          id % 7 == 0 ? null : BigDecimal.valueOf(id * 150L, 2),
          BigDecimal.valueOf(id, 3).add(new BigDecimal("1000000000000000000000")),
          id % 5 == 0 ? null : id / 4.0, "n" + (char) ('a' + id % 26)});
    }
    Fixtures.insert(engine, "p", WriteMode.APPEND, rows);
    snapshot = engine.snapshot("public", "p");
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private List<Integer> ids(ColumnPredicate... predicates) {
    List<Integer> ids = new ArrayList<>();
    for (List<Object> row : rows(snapshot.scan(request(new int[] {0}, predicates)))) {
      ids.add((Integer) row.get(0));
    }
    ids.sort(null);
    return ids;
  }

  private static ColumnPredicate range(int column, Comparable<?> low, boolean lowInclusive,
      Comparable<?> high, boolean highInclusive) {
    return new ColumnPredicate(column, List.of(new ValueRange(low, lowInclusive, high,
        highInclusive)), false);
  }

  @Test
  void integerRangesAcceptAnyIntegerLikeBound() {
    assertThat(ids(range(0, 95L, false, null, false))).containsExactly(96, 97, 98, 99);
    assertThat(ids(range(0, (short) 3, true, 5, true))).containsExactly(3, 4, 5);
    assertThat(ids(range(0, new BigDecimal("2.5"), true, new BigDecimal("4.5"), false)))
        .containsExactly(3, 4);
    assertThat(ids(new ColumnPredicate(0, List.of(ValueRange.point(7), ValueRange.point(50L),
        ValueRange.point(1000)), false))).containsExactly(7, 50);
    assertThat(ids(range(0, Long.MAX_VALUE, false, null, false))).isEmpty();
  }

  @Test
  void blocksWhoseZoneMapsPassEntirelyKeepEveryRowButNulls() {
    List<Integer> all = new ArrayList<>();
    List<Integer> withAmount = new ArrayList<>();
    for (int id = 0; id < 100; id++) {
      all.add(id);
      if (id % 7 != 0) {
        withAmount.add(id);
      }
    }
    assertThat(ids(range(0, -1, true, 1000, true))).isEqualTo(all);
    assertThat(ids(range(2, BigDecimal.ZERO, true, null, false))).isEqualTo(withAmount);
    assertThat(ids(range(0, 8, true, 15, true), range(2, new BigDecimal("0.01"), true, null,
        false))).containsExactly(8, 9, 10, 11, 12, 13, 15);
  }

  @Test
  void charComparesWithoutTrailingBlanks() {
    List<Integer> expected = new ArrayList<>();
    for (int id = 0; id < 100; id++) {
      if (id % 10 != 0 && id % 3 == 0) {
        expected.add(id);
      }
    }
    assertThat(ids(new ColumnPredicate(1, List.of(ValueRange.point("ab")), false)))
        .isEqualTo(expected);
    assertThat(ids(new ColumnPredicate(1, List.of(ValueRange.point("ab      ")), false)))
        .isEqualTo(expected);
    assertThat(ids(range(1, "ab", false, null, false))).hasSize(90 - expected.size());
  }

  @Test
  void isNullAndIsNotNull() {
    assertThat(ids(new ColumnPredicate(2, List.of(), true)))
        .containsExactly(0, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98);
    assertThat(ids(new ColumnPredicate(2, List.of(ValueRange.all()), false))).hasSize(85);
    assertThat(ids(new ColumnPredicate(4, List.of(ValueRange.point(2.0)), true)))
        .containsExactly(0, 5, 8, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80,
            85, 90, 95);
  }

  @Test
  void decimalRangesCompareByValue() {
    // amount = id * 1.50
    assertThat(ids(range(2, new BigDecimal("3.0"), true, new BigDecimal("6.00"), true)))
        .containsExactly(2, 3, 4);
    assertThat(ids(range(2, new BigDecimal("2.999"), false, new BigDecimal("6.001"), false)))
        .containsExactly(2, 3, 4);
    assertThat(ids(range(2, 3, false, 6L, false))).containsExactly(3);
    assertThat(ids(range(2, 145.5, false, null, false))).containsExactly(99);
    assertThat(ids(range(3, new BigDecimal("1000000000000000000000.097"), true, null, false)))
        .containsExactly(97, 98, 99);
  }

  @Test
  void doublesAndStringsAndConjunctions() {
    assertThat(ids(range(4, 24.0, false, null, false))).containsExactly(97, 98, 99);
    assertThat(ids(range(5, "nx", true, "nz", true),
        range(0, 50, true, null, false))).containsExactly(50, 51, 75, 76, 77);
  }

  @Test
  void latePredicateColumnsNeedNotBeReturned() {
    List<List<Object>> result = rows(snapshot.scan(request(new int[] {5, 0},
        range(0, 10, true, 12, true))));
    assertThat(result).containsExactlyInAnyOrder(List.of("nk", 10), List.of("nl", 11),
        List.of("nm", 12));
  }

  @Test
  void incompatibleBoundIsAnError() {
    assertThatThrownBy(() -> ids(range(0, "x", true, null, false)))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("Cannot filter column \"id\"");
  }

  @Test
  void cancelStopsTheScanBetweenBlocks() {
    AtomicBoolean canceled = new AtomicBoolean();
    var scan = snapshot.scan(new ScanRequest(new int[] {0}, List.of(), -1, canceled::get));
    assertThat(scan.hasNext()).isTrue();
    scan.next();
    canceled.set(true);
    assertThatThrownBy(scan::hasNext).isInstanceOf(StorageException.class)
        .hasMessage("Query was canceled")
        .satisfies(e -> assertThat(((StorageException) e).sqlState()).isEqualTo("57014"));
  }

  @Test
  void sliceScanReadsOnlyThatSlice() {
    int total = 0;
    for (int slice = 0; slice < 2; slice++) {
      List<List<Object>> rows = rows(snapshot.scan(new ScanRequest(new int[] {0}, List.of(),
          slice, () -> false)));
      assertThat(rows).allSatisfy(row -> assertThat((Integer) row.get(0) % 2).isIn(0, 1));
      total += rows.size();
    }
    assertThat(total).isEqualTo(100);
  }
}
