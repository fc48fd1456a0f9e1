package io.basalt.ingest;

import io.basalt.storage.ColumnType;
import io.basalt.storage.RowBatch;
import java.util.List;

/**
 * A run of parsed rows held column by column, with the slice of each row: the unit that the
 * parsing thread hands to the writer. Rows are filled in place; a row counts only once
 * {@link #commitRow} is called, so a row rejected halfway leaves nothing behind.
 */
final class ParsedBatch implements RowBatch {
  private final ParsedColumn[] columns;
  private final int[] slices;
  private int count;

  ParsedBatch(List<ColumnType> types, int capacity) {
    this.columns = new ParsedColumn[types.size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = new ParsedColumn(types.get(c), capacity);
    }
    this.slices = new int[capacity];
  }

  /** The row that the next values are written to. */
  int nextRow() {
    return count;
  }

  /** Keeps the row being filled, for {@code slice}; returns whether the batch is now full. */
  boolean commitRow(int slice) {
    slices[count++] = slice;
    return count == slices.length;
  }

  /** Empties the batch to be filled again; every row written from now on overwrites all columns. */
  void clear() {
    count = 0;
    for (ParsedColumn column : columns) {
      column.seal(0);
    }
  }

  /** Ends the filling: the committed rows become the batch's content. */
  void seal() {
    for (ParsedColumn column : columns) {
      column.seal(count);
    }
  }

  /** The slice of every row; only the first {@link #rowCount()} entries count. */
  int[] slices() {
    return slices;
  }

  @Override
  public int rowCount() {
    return count;
  }

  @Override
  public ParsedColumn column(int index) {
    return columns[index];
  }

  @Override
  public int columnCount() {
    return columns.length;
  }
}
