package io.basalt.storage.block;

import io.basalt.storage.ColumnType;
import java.util.Arrays;

/** A {@link ColumnBuffer} of doubles. */
public final class DoubleColumnBuffer extends ColumnBuffer {
  private double[] values = new double[16];

  DoubleColumnBuffer(ColumnType type) {
    super(type);
  }

  @Override
  protected void growValues(int capacity) {
    values = Arrays.copyOf(values, capacity);
  }

  public void add(double value) {
    grow();
    values[size++] = value;
  }

  @Override
  public void addFrom(ColumnBlock block, int row) {
    if (block.isNull(row)) {
      addNull();
    } else {
      add(block.doubles()[row]);
    }
  }

  public double get(int row) {
    return values[row];
  }

  @Override
  protected int compareValues(int a, int b) {
    return Double.compare(values[a], values[b]);
  }
}
