package io.basalt.planner.exec.join;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.BatchesNode;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.Drain;
import io.basalt.planner.exec.MemoryTracker;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.QueryContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Rows, batches and types for join tests: every table has the fields
 * (k1 BIGINT, k2 BIGINT, s VARCHAR, dec DECIMAL(12,2), dbl DOUBLE, v BIGINT), all nullable.
 */
final class JoinFixture {
  static final int FIELDS = 6;
  static final RelDataTypeFactory TYPES = new JavaTypeFactoryImpl();
  static final RelDataType ROW = TYPES.builder()
      .add("k1", nullable(TYPES.createSqlType(SqlTypeName.BIGINT)))
      .add("k2", nullable(TYPES.createSqlType(SqlTypeName.BIGINT)))
      .add("s", nullable(TYPES.createSqlType(SqlTypeName.VARCHAR, 20)))
      .add("dec", nullable(TYPES.createSqlType(SqlTypeName.DECIMAL, 12, 2)))
      .add("dbl", nullable(TYPES.createSqlType(SqlTypeName.DOUBLE)))
      .add("v", nullable(TYPES.createSqlType(SqlTypeName.BIGINT)))
      .build();

  private JoinFixture() {}

  private static RelDataType nullable(RelDataType type) {
    return TYPES.createTypeWithNullability(type, true);
  }

  /** The output type of a join of two ROW inputs (left fields only when leftOnly). */
  static RelDataType outputType(boolean leftOnly) {
    RelDataTypeFactory.Builder builder = TYPES.builder();
    builder.addAll(ROW.getFieldList());
    if (!leftOnly) {
      ROW.getFieldList().forEach(f -> builder.add(f.getName() + "0", f.getType()));
    }
    return builder.build();
  }

  /** Random rows over small key domains (so keys repeat on both sides), 15% NULLs per field. */
  static List<Object[]> randomRows(Random random, int count, int domain) {
    List<Object[]> rows = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      Object[] row = new Object[FIELDS];
      row[0] = (long) random.nextInt(domain);
      row[1] = (long) random.nextInt(3);
      row[2] = "s" + random.nextInt(domain);
      row[3] = BigDecimal.valueOf(random.nextInt(domain) * 25L, 2);
      row[4] = random.nextInt(domain) / 2.0;
      row[5] = (long) random.nextInt(5);
      for (int f = 0; f < FIELDS; f++) {
        if (random.nextInt(100) < 15) {
          row[f] = null;
        }
      }
      rows.add(row);
    }
    return rows;
  }

  /** The rows as batches of random sizes; DECIMALs randomly in long or BigDecimal form. */
  static List<Batch> batches(Random random, List<Object[]> rows, int maxBatch) {
    List<Batch> batches = new ArrayList<>();
    int start = 0;
    while (start < rows.size()) {
      int size = Math.min(rows.size() - start, 1 + random.nextInt(maxBatch));
      batches.add(batch(rows.subList(start, start + size), random.nextBoolean()));
      start += size;
    }
    return batches;
  }

  static Batch batch(List<Object[]> rows, boolean wideDecimals) {
    int size = rows.size();
    Column[] columns = new Column[FIELDS];
    for (int f = 0; f < FIELDS; f++) {
      boolean[] nulls = new boolean[size];
      long[] longs = new long[size];
      double[] doubles = new double[size];
      Object[] objects = new Object[size];
      for (int r = 0; r < size; r++) {
        Object value = rows.get(r)[f];
        nulls[r] = value == null;
        if (value instanceof Long l) {
          longs[r] = l;
        } else if (value instanceof Double d) {
          doubles[r] = d;
        } else if (value instanceof BigDecimal d) {
          longs[r] = d.unscaledValue().longValueExact();
          objects[r] = d;
        } else {
          objects[r] = value;
        }
      }
      columns[f] = switch (f) {
        case 0, 1, 5 -> Column.ofLongs(size, longs, nulls);
        case 2 -> Column.ofStrings(size, objects, nulls);
        case 3 -> wideDecimals ? Column.ofBigDecimals(size, 2, objects, nulls)
            : Column.ofDecimals(size, 2, longs, nulls);
        default -> Column.ofDoubles(size, doubles, nulls);
      };
    }
    return new Batch(size, columns);
  }

  static QueryContext context(int parallelism, ExecutorService pool, long memoryLimit) {
    return new QueryContext(parallelism, pool, new MemoryTracker(memoryLimit),
        new AtomicBoolean(), null);
  }

  static PlanNode input(List<Batch> batches) {
    return new BatchesNode(batches, true);
  }

  /** Every output row of every partition of the node, as lists of Java values. */
  static List<List<Object>> run(PlanNode node, QueryContext context) {
    List<List<Object>> rows = new ArrayList<>();
    for (Batch batch : Drain.all(node, context)) {
      rows.addAll(rows(batch));
    }
    return rows;
  }

  static List<List<Object>> rows(Batch batch) {
    List<List<Object>> rows = new ArrayList<>();
    for (int r = 0; r < batch.size(); r++) {
      List<Object> row = new ArrayList<>();
      for (int f = 0; f < batch.columnCount(); f++) {
        Column column = batch.column(f);
        row.add(column.isNull(r) ? null : switch (column.kind) {
          case LONG -> column.longs[r];
          case DOUBLE -> column.doubles[r];
          case DECIMAL -> column.decimal(r);
          case STRING -> column.objects[r];
        });
      }
      rows.add(row);
    }
    return rows;
  }

  static List<Object> concat(Object[] left, Object[] right) {
    List<Object> row = new ArrayList<>(Arrays.asList(left));
    row.addAll(Arrays.asList(right));
    return row;
  }
}
