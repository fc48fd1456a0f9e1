package io.basalt.storage.snapshot;

import io.basalt.storage.ColumnType;
import io.basalt.storage.ColumnVector;
import io.basalt.storage.block.ColumnBlock;
import java.math.BigDecimal;

/** A {@link ColumnVector} over one decoded (and possibly selected) block. */
final class NativeColumnVector implements ColumnVector {
  private static final double[] POWERS_OF_TEN = new double[19];

  static {
    double power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private final ColumnType type;
  private final ColumnBlock block;

  NativeColumnVector(ColumnType type, ColumnBlock block) {
    this.type = type;
    this.block = block;
  }

  @Override
  public ColumnType type() {
    return type;
  }

  @Override
  public int size() {
    return block.rows();
  }

  @Override
  public boolean isNull(int row) {
    return block.isNull(row);
  }

  @Override
  public long getLong(int row) {
    return switch (block.type()) {
      case LONG -> block.longs()[row];
      case DOUBLE -> (long) block.doubles()[row];
      case BIG_DECIMAL -> block.decimals()[row].unscaledValue().longValue();
      case STRING -> throw new UnsupportedOperationException("Cannot read "
          + type.sqlName() + " as a long");
    };
  }

  @Override
  public double getDouble(int row) {
    return switch (block.type()) {
      case DOUBLE -> block.doubles()[row];
      case LONG -> type.scale() == 0 ? block.longs()[row]
          : block.longs()[row] / POWERS_OF_TEN[Math.min(18, type.scale())];
      case BIG_DECIMAL -> block.decimals()[row].doubleValue();
      case STRING -> throw new UnsupportedOperationException("Cannot read "
          + type.sqlName() + " as a double");
    };
  }

  @Override
  public Object get(int row) {
    if (block.isNull(row)) {
      return null;
    }
    return switch (type.name()) {
      case SMALLINT -> (short) block.longs()[row];
      case INTEGER, DATE -> (int) block.longs()[row];
      case BIGINT, TIMESTAMP, TIMESTAMPTZ -> block.longs()[row];
      case BOOLEAN -> block.longs()[row] != 0;
      case DECIMAL -> block.decimals() != null ? block.decimals()[row]
          : BigDecimal.valueOf(block.longs()[row], type.scale());
      case REAL -> (float) block.doubles()[row];
      case DOUBLE -> block.doubles()[row];
      case CHAR, VARCHAR -> block.strings().get(row);
    };
  }

  @Override
  public boolean[] nullFlags() {
    return block.nulls();
  }

  @Override
  public long[] longValues() {
    return block.longs();
  }

  @Override
  public double[] doubleValues() {
    return block.doubles();
  }

  @Override
  public Object[] objectValues() {
    return switch (block.type()) {
      case BIG_DECIMAL -> block.decimals();
      case STRING -> {
        Object[] values = new Object[block.rows()];
        for (int i = 0; i < values.length; i++) {
          if (!block.isNull(i)) {
            values[i] = block.strings().get(i);
          }
        }
        yield values;
      }
      default -> null;
    };
  }
}
