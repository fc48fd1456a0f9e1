package io.basalt.storage;

import static io.basalt.storage.Fixtures.column;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random predicates on random rows, checked against a plain evaluation of the same rows. */
class TestRandomPredicates {
  @TempDir
  Path directory;

  private static final List<ColumnDefinition> COLUMNS = List.of(
      column("id", ColumnType.of(TypeName.INTEGER)),
      column("n", ColumnType.of(TypeName.BIGINT)),
      column("d", ColumnType.decimal(10, 2)),
      column("s", ColumnType.varchar(8)),
      column("c", ColumnType.character(4)),
      column("f", ColumnType.of(TypeName.DOUBLE)),
      column("w", ColumnType.decimal(25, 3)));

  private static Object randomValue(Random random, int column) {
    if (random.nextInt(8) == 0) {
      return null;
    }
    return switch (column) {
      case 1 -> (long) random.nextInt(200) - 100;
      case 2 -> BigDecimal.valueOf(random.nextInt(20_000) - 10_000, 2);
      case 3 -> "s" + random.nextInt(30);
      case 4 -> "c" + random.nextInt(5) + (random.nextBoolean() ? " " : "");
      case 5 -> random.nextInt(100) / 4.0 - 10;
      case 6 -> BigDecimal.valueOf(random.nextInt(1000), 3).add(new BigDecimal("1e20"));
      default -> throw new IllegalArgumentException();
    };
  }

  /** A bound of a type the planner could plausibly pass for the column. */
  private static Comparable<?> randomBound(Random random, int column) {
    Object value = randomValue(random, column);
    while (value == null) {
      value = randomValue(random, column);
    }
    return switch (column) {
      case 1 -> random.nextBoolean() ? (Comparable<?>) value
          : random.nextBoolean() ? (Comparable<?>) (int) (long) (Long) value
          : new BigDecimal((Long) value).add(new BigDecimal("0.5"));
      case 2 -> random.nextBoolean() ? (Comparable<?>) value
          : ((BigDecimal) value).add(new BigDecimal("0.005"));
      case 4 -> random.nextBoolean() ? (String) value : value + "  ";
      default -> (Comparable<?>) value;
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(int column, Object value, Comparable bound) {
    if (value instanceof String s) {
      String b = (String) bound;
      if (column == 4) {
        s = s.stripTrailing();
        b = b.stripTrailing();
      }
      return s.compareTo(b);
    }
    if (value instanceof Double d) {
      return Double.compare(d, ((Number) bound).doubleValue());
    }
    BigDecimal v = value instanceof BigDecimal x ? x : BigDecimal.valueOf(((Number) value)
        .longValue());
    BigDecimal b = bound instanceof BigDecimal x ? x : BigDecimal.valueOf(((Number) bound)
        .longValue());
    return v.compareTo(b);
  }

  private static boolean matches(Object[] row, ColumnPredicate predicate) {
    Object value = row[predicate.column()];
    if (value == null) {
      return predicate.matchesNull();
    }
    for (ValueRange range : predicate.ranges()) {
      boolean low = range.lower() == null || (range.lowerInclusive()
          ? compare(predicate.column(), value, range.lower()) >= 0
          : compare(predicate.column(), value, range.lower()) > 0);
      boolean high = range.upper() == null || (range.upperInclusive()
          ? compare(predicate.column(), value, range.upper()) <= 0
          : compare(predicate.column(), value, range.upper()) < 0);
      if (low && high) {
        return true;
      }
    }
    return false;
  }

  private static ColumnPredicate randomPredicate(Random random) {
    int column = 1 + random.nextInt(COLUMNS.size() - 1);
    List<ValueRange> ranges = new ArrayList<>();
    int count = random.nextInt(3);
    for (int i = 0; i < count; i++) {
      int shape = random.nextInt(4);
      Comparable<?> a = randomBound(random, column);
      Comparable<?> b = randomBound(random, column);
      ranges.add(switch (shape) {
        case 0 -> ValueRange.point(a);
        case 1 -> new ValueRange(a, random.nextBoolean(), null, false);
        case 2 -> new ValueRange(null, false, a, random.nextBoolean());
        default -> new ValueRange(a, random.nextBoolean(), b, random.nextBoolean());
      });
    }
    return new ColumnPredicate(column, ranges, count == 0 || random.nextInt(4) == 0);
  }

  @Test
  void scansAgreeWithPlainEvaluation() {
    Random random = new Random(20);
    List<Object[]> rows = new ArrayList<>();
    for (int id = 0; id < 3000; id++) {
      Object[] row = new Object[COLUMNS.size()];
      row[0] = id;
      for (int c = 1; c < row.length; c++) {
        row[c] = randomValue(random, c);
      }
      rows.add(row);
    }
    try (StorageEngine engine = Fixtures.open(directory, 64)) {
      engine.createTable(Fixtures.sorted("r", COLUMNS, SortKeyKind.COMPOUND, "n", "s"), false);
      Fixtures.insert(engine, "r", WriteMode.APPEND, rows);
      TableSnapshot snapshot = engine.snapshot("public", "r");
      long skipped = 0;
      for (int round = 0; round < 300; round++) {
        ColumnPredicate[] predicates = new ColumnPredicate[1 + random.nextInt(2)];
        for (int p = 0; p < predicates.length; p++) {
          predicates[p] = randomPredicate(random);
        }
        List<Integer> expected = new ArrayList<>();
        for (Object[] row : rows) {
          boolean pass = true;
          for (ColumnPredicate predicate : predicates) {
            pass &= matches(row, predicate);
          }
          if (pass) {
            expected.add((Integer) row[0]);
          }
        }
        ScanIterator scan = (ScanIterator) snapshot.scan(Fixtures.request(new int[] {0},
            predicates));
        List<Integer> actual = new ArrayList<>();
        for (List<Object> row : Fixtures.rows(scan)) {
          actual.add((Integer) row.get(0));
        }
        assertThat(actual).as("round %d: %s", round, List.of(predicates))
            .containsExactlyInAnyOrderElementsOf(expected);
        skipped += scan.statistics().blocksSkipped();
      }
      assertThat(skipped).as("zone maps skipped some blocks").isPositive();
    }
  }
}
