package io.basalt.storage.snapshot;

import io.basalt.storage.ColumnVector;
import io.basalt.storage.RowBatch;

/** A {@link RowBatch} of the rows of one block that passed a scan's predicates. */
record NativeRowBatch(int rowCount, ColumnVector[] columns) implements RowBatch {
  @Override
  public ColumnVector column(int index) {
    return columns[index];
  }

  @Override
  public int columnCount() {
    return columns.length;
  }
}
