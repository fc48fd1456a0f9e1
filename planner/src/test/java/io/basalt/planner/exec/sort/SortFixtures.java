package io.basalt.planner.exec.sort;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.BatchesNode;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.MemoryTracker;
import io.basalt.planner.exec.Operator;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.QueryContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelFieldCollation.Direction;
import org.apache.calcite.rel.RelFieldCollation.NullDirection;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Test data for the sort operators: a row type with one field of every column kind, random rows
 * in batches (DECIMAL in both forms), a reference sort over boxed rows, and batch/row
 * conversions.
 */
final class SortFixtures {
  static final int LONG = 0;
  static final int DOUBLE = 1;
  static final int DECIMAL = 2;
  static final int STRING = 3;
  static final int ID = 4;
  static final int SCALE = 2;

  private SortFixtures() {}

  /** (l BIGINT, d DOUBLE, dec DECIMAL(30, 2), s VARCHAR, id INTEGER), all nullable but id. */
  static RelDataType rowType() {
    RelDataTypeFactory types = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);
    return types.builder()
        .add("l", SqlTypeName.BIGINT).nullable(true)
        .add("d", SqlTypeName.DOUBLE).nullable(true)
        .add("dec", SqlTypeName.DECIMAL, 30, SCALE).nullable(true)
        .add("s", SqlTypeName.VARCHAR, 20).nullable(true)
        .add("id", SqlTypeName.INTEGER)
        .build();
  }

  static QueryContext context(int parallelism, ExecutorService executor, long memoryLimit) {
    return new QueryContext(parallelism, executor, new MemoryTracker(memoryLimit),
        new AtomicBoolean(), null);
  }

  /**
   * {@code count} random rows with few distinct key values (so ties and NULLs are common); ids
   * are 0..count-1.
   */
  static List<Object[]> randomRows(int count, long seed) {
    Random random = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    double[] doubles = {-0.0, 0.0, 1.5, -2.25, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 7.0};
    String[] strings = {"", "a", "B", "b", "ab", "zz", "\u00e9", "A"};
    for (int i = 0; i < count; i++) {
      Object[] row = new Object[5];
      row[LONG] = random.nextInt(8) == 0 ? null : (long) (random.nextInt(11) - 5);
      row[DOUBLE] = random.nextInt(8) == 0 ? null : doubles[random.nextInt(doubles.length)];
      row[DECIMAL] = random.nextInt(8) == 0 ? null : decimal(random);
      row[STRING] = random.nextInt(8) == 0 ? null : strings[random.nextInt(strings.length)];
      row[ID] = (long) i;
      rows.add(row);
    }
    return rows;
  }

  private static BigDecimal decimal(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> new BigDecimal("123456789012345678901.25");
      case 1 -> new BigDecimal("-123456789012345678901.25");
      default -> BigDecimal.valueOf(random.nextInt(9) - 4, 1).setScale(SCALE);
    };
  }

  /**
   * The rows as batches of varying sizes; a batch holds its DECIMALs as BigDecimals when a value
   * needs it or, for every third batch, even when none does.
   */
  static List<Batch> batches(List<Object[]> rows, long seed) {
    Random random = new Random(seed);
    List<Batch> batches = new ArrayList<>();
    int start = 0;
    int index = 0;
    while (start < rows.size()) {
      int size = Math.min(rows.size() - start, 1 + random.nextInt(700));
      batches.add(batch(rows.subList(start, start + size), index++ % 3 == 0));
      start += size;
    }
    return batches;
  }

  static Batch batch(List<Object[]> rows, boolean wideDecimals) {
    int n = rows.size();
    long[] longs = new long[n];
    double[] doubles = new double[n];
    long[] unscaled = new long[n];
    Object[] decimals = new Object[n];
    Object[] strings = new Object[n];
    long[] ids = new long[n];
    boolean[][] nulls = new boolean[4][n];
    boolean wide = wideDecimals;
    for (int i = 0; i < n; i++) {
      Object[] row = rows.get(i);
      nulls[LONG][i] = row[LONG] == null;
      longs[i] = row[LONG] == null ? 0 : (Long) row[LONG];
      nulls[DOUBLE][i] = row[DOUBLE] == null;
      doubles[i] = row[DOUBLE] == null ? 0 : (Double) row[DOUBLE];
      nulls[DECIMAL][i] = row[DECIMAL] == null;
      decimals[i] = row[DECIMAL];
      if (row[DECIMAL] != null) {
        BigDecimal value = (BigDecimal) row[DECIMAL];
        if (value.precision() > 18) {
          wide = true;
        } else {
          unscaled[i] = value.unscaledValue().longValueExact();
        }
      }
      nulls[STRING][i] = row[STRING] == null;
      strings[i] = row[STRING];
      ids[i] = (Long) row[ID];
    }
    return new Batch(n, new Column[] {
        Column.ofLongs(n, longs, nulls[LONG]),
        Column.ofDoubles(n, doubles, nulls[DOUBLE]),
        wide ? Column.ofBigDecimals(n, SCALE, decimals, nulls[DECIMAL])
            : Column.ofDecimals(n, SCALE, unscaled, nulls[DECIMAL]),
        Column.ofStrings(n, strings, nulls[STRING]),
        Column.ofLongs(n, ids, null)});
  }

  /** The rows of the batches, boxed (DECIMALs as BigDecimals at the column's scale). */
  static List<Object[]> rows(List<Batch> batches) {
    List<Object[]> rows = new ArrayList<>();
    for (Batch batch : batches) {
      for (int i = 0; i < batch.size(); i++) {
        Object[] row = new Object[batch.columnCount()];
        for (int c = 0; c < row.length; c++) {
          Column column = batch.column(c);
          if (!column.isNull(i)) {
            row[c] = switch (column.kind) {
              case LONG -> column.longs[i];
              case DOUBLE -> column.doubles[i];
              case DECIMAL -> column.decimal(i);
              case STRING -> column.objects[i];
            };
          }
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Every batch of every partition of the node, partition after partition. */
  static List<Batch> run(PlanNode node, QueryContext context) {
    List<Batch> batches = new ArrayList<>();
    for (int p = 0; p < node.partitions(context); p++) {
      try (Operator operator = node.open(context, p)) {
        for (Batch batch = operator.next(); batch != null; batch = operator.next()) {
          batches.add(batch);
        }
      }
    }
    return batches;
  }

  static PlanNode source(List<Object[]> rows, boolean partitioned, long seed) {
    return new BatchesNode(batches(rows, seed), partitioned);
  }

  static RelFieldCollation key(int field, Direction direction, NullDirection nulls) {
    return new RelFieldCollation(field, direction, nulls);
  }

  static RelCollation collation(RelFieldCollation... keys) {
    return RelCollations.of(keys);
  }

  /**
   * The reference order, written from Calcite's Enumerable comparators: values compare as
   * Long/Double/BigDecimal/String do, DESC negates, and NULLs go first only for NULLS FIRST.
   */
  static Comparator<Object[]> reference(RelCollation collation) {
    Comparator<Object[]> result = (a, b) -> 0;
    for (RelFieldCollation key : collation.getFieldCollations()) {
      int field = key.getFieldIndex();
      boolean descending = key.direction == Direction.DESCENDING;
      boolean nullsFirst = key.nullDirection == NullDirection.FIRST;
      Comparator<Object[]> one = (a, b) -> {
        Object x = a[field];
        Object y = b[field];
        if (x == null || y == null) {
          return x == y ? 0 : (x == null) == nullsFirst ? -1 : 1;
        }
        @SuppressWarnings("unchecked")
        int c = ((Comparable<Object>) x).compareTo(y);
        return descending ? -c : c;
      };
      result = result.thenComparing(one);
    }
    return result;
  }

  /** The key fields of each row, for comparing orders where ties may come in any order. */
  static List<List<Object>> keysOf(List<Object[]> rows, RelCollation collation) {
    List<List<Object>> keys = new ArrayList<>();
    for (Object[] row : rows) {
      List<Object> key = new ArrayList<>();
      for (RelFieldCollation field : collation.getFieldCollations()) {
        Object value = row[field.getFieldIndex()];
        // BigDecimals compare by value; strip the scale so equal values print alike.
        key.add(value instanceof BigDecimal d ? d.stripTrailingZeros() : value);
      }
      keys.add(key);
    }
    return keys;
  }

  static List<Long> ids(List<Object[]> rows) {
    List<Long> ids = new ArrayList<>();
    for (Object[] row : rows) {
      ids.add((Long) row[ID]);
    }
    ids.sort(null);
    return ids;
  }

  /** A row's values, DECIMALs with trailing zeros stripped, for comparing rows by value. */
  static List<Object> canonical(Object[] row) {
    List<Object> values = new ArrayList<>();
    for (Object value : row) {
      values.add(value instanceof BigDecimal d ? d.stripTrailingZeros() : value);
    }
    return values;
  }
}
