package io.basalt.storage.block;

import io.basalt.storage.ColumnType;
import java.math.BigDecimal;
import java.util.Arrays;

/** A {@link ColumnBuffer} of strings or wide decimals. */
public final class ObjectColumnBuffer extends ColumnBuffer {
  private final boolean blankInsensitive;
  private Object[] values = new Object[16];

  ObjectColumnBuffer(ColumnType type) {
    super(type);
    this.blankInsensitive = PhysicalType.ignoresTrailingBlanks(type);
  }

  @Override
  protected void growValues(int capacity) {
    values = Arrays.copyOf(values, capacity);
  }

  public void add(Object value) {
    grow();
    values[size++] = value;
  }

  @Override
  public void addFrom(ColumnBlock block, int row) {
    if (block.isNull(row)) {
      addNull();
    } else if (block.type() == PhysicalType.STRING) {
      add(block.strings().get(row));
    } else {
      add(block.decimals()[row]);
    }
  }

  public Object get(int row) {
    return values[row];
  }

  @Override
  protected int compareValues(int a, int b) {
    Object x = values[a];
    Object y = values[b];
    if (x instanceof String s) {
      String t = (String) y;
      return blankInsensitive
          ? PhysicalType.stripBlanks(s).compareTo(PhysicalType.stripBlanks(t))
          : s.compareTo(t);
    }
    return ((BigDecimal) x).compareTo((BigDecimal) y);
  }
}
