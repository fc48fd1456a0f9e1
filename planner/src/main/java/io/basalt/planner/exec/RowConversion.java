package io.basalt.planner.exec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Converts between the engine's columns and Calcite's rows (arrays of values in Calcite's
 * internal representation: DATE as Integer days, TIMESTAMP as Long millis, DECIMAL as
 * BigDecimal), where the engine hands rows to Enumerable operators or takes rows from them.
 */
public final class RowConversion {
  private final SqlTypeName[] types;
  private final ColumnKind[] kinds;
  private final int[] scales;

  public RowConversion(RelDataType rowType) {
    List<RelDataTypeField> fields = rowType.getFieldList();
    types = new SqlTypeName[fields.size()];
    kinds = new ColumnKind[fields.size()];
    scales = new int[fields.size()];
    for (int i = 0; i < types.length; i++) {
      RelDataType type = fields.get(i).getType();
      types[i] = type.getSqlTypeName();
      kinds[i] = ColumnKinds.of(type);
      if (kinds[i] == null) {
        throw new IllegalArgumentException("the engine cannot hold " + type);
      }
      scales[i] = kinds[i] == ColumnKind.DECIMAL ? Math.max(0, type.getScale()) : 0;
    }
  }

  public int fieldCount() {
    return types.length;
  }

  /** One field's value in Calcite's internal representation, or null. */
  public Object value(Batch batch, int field, int row) {
    Column column = batch.column(field);
    if (column.isNull(row)) {
      return null;
    }
    return switch (column.kind) {
      case LONG -> boxLong(types[field], column.longs[row]);
      case DOUBLE -> types[field] == SqlTypeName.REAL
          ? (Object) (float) column.doubles[row] : (Object) column.doubles[row];
      case DECIMAL -> column.decimal(row);
      case STRING -> column.objects[row];
    };
  }

  /** One row as an array. */
  public Object[] row(Batch batch, int row) {
    Object[] values = new Object[types.length];
    for (int f = 0; f < values.length; f++) {
      values[f] = value(batch, f, row);
    }
    return values;
  }

  private static Object boxLong(SqlTypeName type, long value) {
    return switch (type) {
      case BOOLEAN -> value != 0;
      case TINYINT -> (byte) value;
      case SMALLINT -> (short) value;
      case INTEGER, DATE, TIME, INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> (int) value;
      default -> value;
    };
  }

  /** Rows (arrays in Calcite's internal representation) as one batch. */
  public Batch batch(List<Object[]> rows) {
    int size = rows.size();
    Column[] columns = new Column[types.length];
    for (int f = 0; f < types.length; f++) {
      columns[f] = column(rows, f, size);
    }
    return new Batch(size, columns);
  }

  private Column column(List<Object[]> rows, int field, int size) {
    boolean[] nulls = null;
    switch (kinds[field]) {
      case LONG -> {
        long[] values = new long[size];
        for (int r = 0; r < size; r++) {
          Object value = rows.get(r)[field];
          if (value == null) {
            nulls = flag(nulls, size, r);
          } else if (value instanceof Boolean b) {
            values[r] = b ? 1 : 0;
          } else {
            values[r] = ((Number) value).longValue();
          }
        }
        return Column.ofLongs(size, values, nulls);
      }
      case DOUBLE -> {
        double[] values = new double[size];
        for (int r = 0; r < size; r++) {
          Object value = rows.get(r)[field];
          if (value == null) {
            nulls = flag(nulls, size, r);
          } else {
            values[r] = ((Number) value).doubleValue();
          }
        }
        return Column.ofDoubles(size, values, nulls);
      }
      case STRING -> {
        Object[] values = new Object[size];
        for (int r = 0; r < size; r++) {
          Object value = rows.get(r)[field];
          if (value == null) {
            nulls = flag(nulls, size, r);
          } else {
            values[r] = value.toString();
          }
        }
        return Column.ofStrings(size, values, nulls);
      }
      case DECIMAL -> {
        int scale = scales[field];
        BigDecimal[] exact = new BigDecimal[size];
        boolean fitsLong = true;
        for (int r = 0; r < size; r++) {
          Object value = rows.get(r)[field];
          if (value == null) {
            nulls = flag(nulls, size, r);
            continue;
          }
          BigDecimal decimal = value instanceof BigDecimal d ? d
              : new BigDecimal(value.toString());
          exact[r] = decimal.setScale(scale, RoundingMode.HALF_UP);
          fitsLong &= exact[r].unscaledValue().bitLength() < 64;
        }
        if (!fitsLong) {
          return Column.ofBigDecimals(size, scale, exact, nulls);
        }
        long[] unscaled = new long[size];
        for (int r = 0; r < size; r++) {
          if (exact[r] != null) {
            unscaled[r] = exact[r].unscaledValue().longValue();
          }
        }
        return Column.ofDecimals(size, scale, unscaled, nulls);
      }
      default -> throw new AssertionError(kinds[field]);
    }
  }

  private static boolean[] flag(boolean[] nulls, int size, int row) {
    boolean[] flags = nulls == null ? new boolean[size] : nulls;
    flags[row] = true;
    return flags;
  }
}
