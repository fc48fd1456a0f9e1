package io.basalt.planner.exec;

import io.basalt.storage.ColumnType;
import io.basalt.storage.ColumnVector;
import java.math.BigDecimal;
import io.basalt.storage.RowBatch;
import io.basalt.storage.TypeName;

/**
 * Turns the store's and the file readers' batches into engine batches without copying the value
 * arrays: a {@link ColumnVector}'s long, double and object arrays become the engine column's.
 */
public final class StorageBatches {
  private StorageBatches() {}

  /** Column {@code c} of the result is column {@code c} of {@code rows}, of type {@code types[c]}. */
  public static Batch toBatch(RowBatch rows, TypeName[] types) {
    Column[] out = new Column[types.length];
    for (int c = 0; c < out.length; c++) {
      out[c] = column(rows.column(c), types[c], rows.rowCount());
    }
    return new Batch(rows.rowCount(), out);
  }

  /**
   * A column of {@code rows} copies of one value in the storage representation (null for NULL),
   * e.g. a partition key's value for the rows of one file.
   */
  public static Column constant(ColumnType type, Object value, int rows) {
    boolean[] nulls = null;
    if (value == null) {
      nulls = new boolean[rows];
      java.util.Arrays.fill(nulls, true);
    }
    return switch (type.name()) {
      case SMALLINT, INTEGER, BIGINT, DATE, TIMESTAMP, TIMESTAMPTZ, BOOLEAN -> {
        long[] values = new long[rows];
        if (value != null) {
          java.util.Arrays.fill(values, value instanceof Boolean b ? (b ? 1 : 0)
              : ((Number) value).longValue());
        }
        yield Column.ofLongs(rows, values, nulls);
      }
      case REAL, DOUBLE -> {
        double[] values = new double[rows];
        if (value != null) {
          java.util.Arrays.fill(values, ((Number) value).doubleValue());
        }
        yield Column.ofDoubles(rows, values, nulls);
      }
      case CHAR, VARCHAR -> {
        Object[] values = new Object[rows];
        java.util.Arrays.fill(values, value);
        yield Column.ofStrings(rows, values, nulls);
      }
      case DECIMAL -> {
        BigDecimal decimal = value == null ? null
            : ((BigDecimal) value).setScale(type.scale(), java.math.RoundingMode.UNNECESSARY);
        if (type.precision() <= 18) {
          long[] values = new long[rows];
          if (decimal != null) {
            java.util.Arrays.fill(values, decimal.unscaledValue().longValueExact());
          }
          yield Column.ofDecimals(rows, type.scale(), values, nulls);
        }
        Object[] values = new Object[rows];
        java.util.Arrays.fill(values, decimal);
        yield Column.ofBigDecimals(rows, type.scale(), values, nulls);
      }
    };
  }

  private static Column column(ColumnVector vector, TypeName type, int rows) {
    boolean[] nulls = vector.nullFlags();
    return switch (type) {
      case SMALLINT, INTEGER, BIGINT, DATE, TIMESTAMP, TIMESTAMPTZ, BOOLEAN ->
          Column.ofLongs(rows, vector.longValues(), nulls);
      case REAL, DOUBLE -> Column.ofDoubles(rows, vector.doubleValues(), nulls);
      case CHAR, VARCHAR -> Column.ofStrings(rows, vector.objectValues(), nulls);
      case DECIMAL -> vector.longValues() != null
          ? Column.ofDecimals(rows, vector.type().scale(), vector.longValues(), nulls)
          : Column.ofBigDecimals(rows, vector.type().scale(), vector.objectValues(), nulls);
    };
  }
}
