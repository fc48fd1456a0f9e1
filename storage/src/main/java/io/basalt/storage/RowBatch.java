package io.basalt.storage;

/** A batch of rows returned by a scan, one {@link ColumnVector} per requested column. */
public interface RowBatch {
  int rowCount();

  ColumnVector column(int index);

  /** One row's values, boxed in the storage representation (null for SQL NULL). */
  default Object[] row(int index) {
    Object[] values = new Object[columnCount()];
    for (int c = 0; c < values.length; c++) {
      values[c] = column(c).get(index);
    }
    return values;
  }

  /** How many columns each row has. */
  int columnCount();
}
