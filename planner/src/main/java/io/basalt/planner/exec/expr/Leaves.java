package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import io.basalt.planner.exec.QueryContext;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.calcite.runtime.SqlFunctions;

/** Expressions without operands: input columns, constants and dynamic parameters. */
final class Leaves {
  private Leaves() {}

  /** Reads one field of the input batch. */
  record InputRef(int index) implements VectorExpression {
    @Override
    public Column evaluate(Batch input, QueryContext context) {
      return input.column(index);
    }
  }

  /** A constant in Calcite's internal representation (null for SQL NULL). */
  static final class Constant implements VectorExpression {
    final ColumnKind kind;
    final int scale;
    final Object value;
    // Immutable columns can be shared between batches (and threads) of the same size.
    private volatile Column cached;

    Constant(ColumnKind kind, int scale, Object value) {
      this.kind = kind;
      this.scale = scale;
      this.value = value;
    }

    @Override
    public Column evaluate(Batch input, QueryContext context) {
      Column column = cached;
      if (column == null || column.size != input.size()) {
        column = broadcast(kind, scale, value, input.size());
        cached = column;
      }
      return column;
    }
  }

  /** A dynamic parameter, read from the DataContext once per batch. */
  record DynamicParam(int index, ColumnKind kind, int scale) implements VectorExpression {
    @Override
    public Column evaluate(Batch input, QueryContext context) {
      Object raw = context.dataContext().get("?" + index);
      return broadcast(kind, scale, internal(raw), input.size());
    }
  }

  /** Converts a JDBC-side parameter value to Calcite's internal representation. */
  static Object internal(Object raw) {
    if (raw instanceof java.sql.Timestamp timestamp) {
      return SqlFunctions.toLong(timestamp);
    }
    if (raw instanceof java.sql.Date date) {
      return SqlFunctions.toInt(date);
    }
    if (raw instanceof java.sql.Time time) {
      return SqlFunctions.toInt(time);
    }
    if (raw instanceof Character character) {
      return character.toString();
    }
    return raw;
  }

  /** A column of {@code size} copies of one internal value. */
  static Column broadcast(ColumnKind kind, int scale, Object value, int size) {
    if (value == null) {
      return Column.allNull(kind, scale, size);
    }
    switch (kind) {
      case LONG: {
        long[] longs = new long[size];
        Arrays.fill(longs, value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).longValue());
        return Column.ofLongs(size, longs, null);
      }
      case DOUBLE: {
        double[] doubles = new double[size];
        Arrays.fill(doubles, ((Number) value).doubleValue());
        return Column.ofDoubles(size, doubles, null);
      }
      case DECIMAL: {
        BigDecimal decimal = Columns.toScale(value instanceof BigDecimal d ? d
            : new BigDecimal(value.toString()), scale);
        BigDecimal[] values = new BigDecimal[size];
        Arrays.fill(values, decimal);
        return Columns.decimals(size, scale, values, null);
      }
      case STRING: {
        Object[] strings = new Object[size];
        Arrays.fill(strings, value.toString());
        return Column.ofStrings(size, strings, null);
      }
      default:
        throw new IllegalStateException("kind " + kind);
    }
  }
}
