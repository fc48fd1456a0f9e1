package io.basalt.planner.exec.agg;

import io.basalt.planner.catalog.BasaltTypeSystem;
import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.BatchesNode;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import io.basalt.planner.exec.Drain;
import io.basalt.planner.exec.MemoryTracker;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.QueryContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Test data for the hash aggregation: random rows over a fixed input row type, turned into
 * batches (DECIMALs in either form), and a row-at-a-time reference aggregation to compare with.
 */
final class AggTestKit {
  static final RelDataTypeFactory TYPES = new SqlTypeFactoryImpl(BasaltTypeSystem.INSTANCE);
  static final int K_LONG = 0;
  static final int K_STRING = 1;
  static final int V_INT = 2;
  static final int V_DECIMAL = 3;
  static final int V_DOUBLE = 4;
  static final int FLAG = 5;
  static final int K_DECIMAL = 6;
  static final int V_BIGINT = 7;

  static final RelDataType INPUT = TYPES.builder()
      .add("k_long", nullable(TYPES.createSqlType(SqlTypeName.BIGINT)))
      .add("k_string", nullable(TYPES.createSqlType(SqlTypeName.VARCHAR, 10)))
      .add("v_int", nullable(TYPES.createSqlType(SqlTypeName.INTEGER)))
      .add("v_decimal", nullable(TYPES.createSqlType(SqlTypeName.DECIMAL, 15, 2)))
      .add("v_double", nullable(TYPES.createSqlType(SqlTypeName.DOUBLE)))
      .add("flag", nullable(TYPES.createSqlType(SqlTypeName.BOOLEAN)))
      .add("k_decimal", nullable(TYPES.createSqlType(SqlTypeName.DECIMAL, 12, 2)))
      .add("v_bigint", nullable(TYPES.createSqlType(SqlTypeName.BIGINT)))
      .build();

  private static final ColumnKind[] KINDS = {ColumnKind.LONG, ColumnKind.STRING, ColumnKind.LONG,
      ColumnKind.DECIMAL, ColumnKind.DOUBLE, ColumnKind.LONG, ColumnKind.DECIMAL, ColumnKind.LONG};
  private static final int[] SCALES = {0, 0, 0, 2, 0, 0, 2, 0};

  private AggTestKit() {}

  static RelDataType nullable(RelDataType type) {
    return TYPES.createTypeWithNullability(type, true);
  }

  static RelDataType type(SqlTypeName name) {
    return TYPES.createSqlType(name);
  }

  /** Random rows over {@link #INPUT}; keys have few distinct values, about 10% of values NULL. */
  static List<Object[]> randomRows(Random random, int count, int distinctLongKeys) {
    List<Object[]> rows = new ArrayList<>();
    String[] strings = {"A", "N", "R", "some longer text"};
    for (int i = 0; i < count; i++) {
      Object[] row = new Object[INPUT.getFieldCount()];
      row[K_LONG] = orNull(random, (long) random.nextInt(distinctLongKeys));
      row[K_STRING] = orNull(random, strings[random.nextInt(strings.length)]);
      row[V_INT] = orNull(random, (long) random.nextInt(2_000_001) - 1_000_000);
      row[V_DECIMAL] = orNull(random, BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, 2));
      row[V_DOUBLE] = orNull(random, (random.nextInt(2001) - 1000) * 0.25);
      row[FLAG] = orNull(random, random.nextBoolean() ? 1L : 0L);
      row[K_DECIMAL] = orNull(random, BigDecimal.valueOf(random.nextInt(7) * 125, 2));
      row[V_BIGINT] = orNull(random, random.nextLong() >> 12);
      rows.add(row);
    }
    return rows;
  }

  private static Object orNull(Random random, Object value) {
    return random.nextInt(10) == 0 ? null : value;
  }

  /** The rows as batches of at most {@code batchSize}; DECIMAL columns alternate forms. */
  static List<Batch> batches(List<Object[]> rows, int batchSize) {
    List<Batch> batches = new ArrayList<>();
    for (int start = 0; start < rows.size(); start += batchSize) {
      List<Object[]> slice = rows.subList(start, Math.min(rows.size(), start + batchSize));
      boolean wide = (start / batchSize) % 2 == 1;
      Column[] columns = new Column[KINDS.length];
      for (int f = 0; f < KINDS.length; f++) {
        columns[f] = column(slice, f, KINDS[f], SCALES[f], wide);
      }
      batches.add(new Batch(slice.size(), columns));
    }
    return batches;
  }

  static Column column(List<Object[]> rows, int field, ColumnKind kind, int scale, boolean wide) {
    int n = rows.size();
    boolean[] nulls = new boolean[n];
    for (int i = 0; i < n; i++) {
      nulls[i] = rows.get(i)[field] == null;
    }
    switch (kind) {
      case LONG -> {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
          values[i] = nulls[i] ? 0 : (Long) rows.get(i)[field];
        }
        return Column.ofLongs(n, values, nulls);
      }
      case DOUBLE -> {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          values[i] = nulls[i] ? 0 : (Double) rows.get(i)[field];
        }
        return Column.ofDoubles(n, values, nulls);
      }
      case STRING -> {
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
          values[i] = rows.get(i)[field];
        }
        return Column.ofStrings(n, values, nulls);
      }
      case DECIMAL -> {
        if (wide) {
          Object[] values = new Object[n];
          for (int i = 0; i < n; i++) {
            values[i] = rows.get(i)[field];
          }
          return Column.ofBigDecimals(n, scale, values, nulls);
        }
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
          values[i] = nulls[i] ? 0 : ((BigDecimal) rows.get(i)[field]).unscaledValue().longValue();
        }
        return Column.ofDecimals(n, scale, values, nulls);
      }
    }
    throw new AssertionError(kind);
  }

  /** A call of {@code function} over {@code args} with result type {@code type}. */
  static AggregateCall call(SqlAggFunction function, List<Integer> args, int filter,
      RelDataType type) {
    return AggregateCall.create(SqlParserPos.ZERO, function, false, false, false, List.of(), args,
        filter, null, RelCollations.EMPTY, type, null);
  }

  /** A DISTINCT call of {@code function} over {@code args} with result type {@code type}. */
  static AggregateCall distinctCall(SqlAggFunction function, List<Integer> args, int filter,
      RelDataType type) {
    return AggregateCall.create(SqlParserPos.ZERO, function, true, false, false, List.of(), args,
        filter, null, RelCollations.EMPTY, type, null);
  }

  /** The output row type: the group fields' input types, then each call's type. */
  static RelDataType outputType(int[] groups, List<AggregateCall> calls) {
    RelDataTypeFactory.Builder builder = TYPES.builder();
    for (int g : groups) {
      builder.add("g" + g, INPUT.getFieldList().get(g).getType());
    }
    for (int c = 0; c < calls.size(); c++) {
      builder.add("c" + c, calls.get(c).getType());
    }
    return builder.build();
  }

  static PlanNode node(List<Batch> batches, int[] groups, List<AggregateCall> calls) {
    PlanNode node = HashAggregateNode.create(new BatchesNode(batches, true), INPUT,
        ImmutableBitSet.of(groups), calls, outputType(groups, calls));
    if (node == null) {
      throw new AssertionError("unsupported: " + calls);
    }
    return node;
  }

  static QueryContext context(ExecutorService executor, int parallelism, long memoryLimit) {
    return new QueryContext(parallelism, executor, new MemoryTracker(memoryLimit),
        new AtomicBoolean(), null);
  }

  static ExecutorService pool() {
    return Executors.newCachedThreadPool();
  }

  /** Runs a node to its end and returns its rows as lists of Java values. */
  static List<List<Object>> run(PlanNode node, QueryContext context) {
    List<List<Object>> rows = new ArrayList<>();
    for (Batch batch : Drain.all(node, context)) {
      for (int r = 0; r < batch.size(); r++) {
        List<Object> row = new ArrayList<>();
        for (int c = 0; c < batch.columnCount(); c++) {
          row.add(value(batch.column(c), r));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  static Object value(Column column, int row) {
    if (column.isNull(row)) {
      return null;
    }
    return switch (column.kind) {
      case LONG -> column.longs[row];
      case DOUBLE -> column.doubles[row];
      case STRING -> column.objects[row];
      case DECIMAL -> column.decimal(row);
    };
  }

  /**
   * Rows as sorted strings, to compare results in any order without a quadratic search; a
   * BigDecimal's string shows its scale, so scales are compared too.
   */
  static List<String> sorted(List<List<Object>> rows) {
    List<String> strings = new ArrayList<>();
    for (List<Object> row : rows) {
      strings.add(row.toString());
    }
    strings.sort(null);
    return strings;
  }

  /** The rows Calcite's Aggregate would return, computed one row at a time. */
  static List<List<Object>> reference(List<Object[]> rows, int[] groups,
      List<AggregateCall> calls) {
    Map<List<Object>, List<Object[]>> byKey = new LinkedHashMap<>();
    if (groups.length == 0) {
      byKey.put(List.of(), new ArrayList<>());
    }
    for (Object[] row : rows) {
      List<Object> key = new ArrayList<>();
      for (int g : groups) {
        key.add(row[g]);
      }
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    List<List<Object>> result = new ArrayList<>();
    byKey.forEach((key, members) -> {
      List<Object> out = new ArrayList<>(key);
      for (AggregateCall call : calls) {
        out.add(referenceValue(call, members));
      }
      result.add(out);
    });
    return result;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object referenceValue(AggregateCall call, List<Object[]> members) {
    Collection<List<Object>> tuples = call.isDistinct() ? new LinkedHashSet<>() : new ArrayList<>();
    for (Object[] row : members) {
      if (call.filterArg >= 0 && !Long.valueOf(1).equals(row[call.filterArg])) {
        continue;
      }
      List<Object> tuple = new ArrayList<>();
      boolean anyNull = false;
      for (int arg : call.getArgList()) {
        anyNull |= row[arg] == null;
        tuple.add(row[arg]);
      }
      if (!anyNull) {
        tuples.add(tuple);
      }
    }
    long counted = tuples.size();
    List<Object> values = new ArrayList<>();
    for (List<Object> tuple : tuples) {
      if (!tuple.isEmpty()) {
        values.add(tuple.get(0));
      }
    }
    SqlKind kind = call.getAggregation().getKind();
    int scale = Math.max(call.getType().getScale(), 0);
    switch (kind) {
      case COUNT:
        return counted;
      case SUM0:
      case SUM:
      case AVG:
        if (values.isEmpty()) {
          SqlTypeName typeName = call.getType().getSqlTypeName();
          return kind != SqlKind.SUM0 ? null
              : typeName == SqlTypeName.DECIMAL ? BigDecimal.ZERO.setScale(scale)
              : typeName == SqlTypeName.DOUBLE ? (Object) 0.0 : (Object) 0L;
        }
        Object sum = values.get(0);
        for (Object v : values.subList(1, values.size())) {
          sum = sum instanceof Long l ? (Object) Math.addExact(l, (Long) v)
              : sum instanceof Double d ? (Object) (d + (Double) v)
              : ((BigDecimal) sum).add((BigDecimal) v);
        }
        if (kind != SqlKind.AVG) {
          return sum;
        }
        long n = values.size();
        return sum instanceof Long l ? (Object) (l / n)
            : sum instanceof Double d ? (Object) (d / n)
            : ((BigDecimal) sum).divide(BigDecimal.valueOf(n), MathContext.DECIMAL64)
                .setScale(scale, RoundingMode.DOWN);
      case MIN:
      case MAX:
      case ANY_VALUE:
        Comparable best = null;
        for (Object v : values) {
          Comparable c = (Comparable) v;
          int comparison = best == null ? 0 : c.compareTo(best);
          if (best == null || (kind == SqlKind.MIN ? comparison < 0 : comparison > 0)) {
            best = c;
          }
        }
        return best;
      default:
        throw new AssertionError(kind);
    }
  }
}
