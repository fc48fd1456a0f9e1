package io.basalt.storage.block;

import io.basalt.storage.ColumnType;
import java.util.Arrays;

/** A {@link ColumnBuffer} of longs. */
public final class LongColumnBuffer extends ColumnBuffer {
  private long[] values = new long[16];

  LongColumnBuffer(ColumnType type) {
    super(type);
  }

  @Override
  protected void growValues(int capacity) {
    values = Arrays.copyOf(values, capacity);
  }

  public void add(long value) {
    grow();
    values[size++] = value;
  }

  @Override
  public void addFrom(ColumnBlock block, int row) {
    if (block.isNull(row)) {
      addNull();
    } else {
      add(block.longs()[row]);
    }
  }

  public long get(int row) {
    return values[row];
  }

  @Override
  protected int compareValues(int a, int b) {
    return Long.compare(values[a], values[b]);
  }
}
