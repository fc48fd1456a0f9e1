package io.basalt.storage;

/** A batch of rows returned by a scan, one {@link ColumnVector} per requested column. */
public interface RowBatch {
  int rowCount();

  ColumnVector column(int index);
}
