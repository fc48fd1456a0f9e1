package io.basalt.storage.block;

import io.basalt.storage.ColumnType;
import java.util.Arrays;

/**
 * A growable, mutable column of rows waiting to be written: the values in their physical form and
 * a null flag per row. Subclasses hold the primitive array of their physical type.
 */
public abstract class ColumnBuffer {
  private final ColumnType type;
  protected boolean[] nulls = new boolean[16];
  protected int size;
  private boolean hasNulls;

  protected ColumnBuffer(ColumnType type) {
    this.type = type;
  }

  public static ColumnBuffer create(ColumnType type) {
    return switch (PhysicalType.of(type)) {
      case LONG -> new LongColumnBuffer(type);
      case DOUBLE -> new DoubleColumnBuffer(type);
      case STRING, BIG_DECIMAL -> new ObjectColumnBuffer(type);
    };
  }

  public ColumnType type() {
    return type;
  }

  public int size() {
    return size;
  }

  public boolean isNull(int row) {
    return nulls[row];
  }

  protected void grow() {
    if (size == nulls.length) {
      int capacity = nulls.length * 2;
      nulls = Arrays.copyOf(nulls, capacity);
      growValues(capacity);
    }
  }

  protected abstract void growValues(int capacity);

  public void addNull() {
    grow();
    nulls[size++] = true;
    hasNulls = true;
  }

  /** Whether any row is NULL, so that writers can skip the per-row checks when none is. */
  public boolean hasNulls() {
    return hasNulls;
  }

  /** Appends the value (or NULL) of one row of a decoded block of the same column type. */
  public abstract void addFrom(ColumnBlock block, int row);

  /** Orders two rows, NULL after every value. */
  public final int compare(int a, int b) {
    boolean nullA = nulls[a];
    boolean nullB = nulls[b];
    if (nullA || nullB) {
      return nullA == nullB ? 0 : nullA ? 1 : -1;
    }
    return compareValues(a, b);
  }

  protected abstract int compareValues(int a, int b);
}
