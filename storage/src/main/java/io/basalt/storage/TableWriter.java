package io.basalt.storage;

/**
 * Buffers and writes rows for one table; nothing is visible until {@link #commit()}, which makes
 * all of them visible at once, durably. {@link #close()} without commit discards everything.
 * Rows go to the slice the caller names (see the distribution module's SliceMap).
 */
public interface TableWriter extends AutoCloseable {
  /**
   * Adds one row in the storage representation. Throws {@link StorageException} if a value does
   * not fit its column: NOT NULL (23502), VARCHAR/CHAR length (22001), DECIMAL precision (22003),
   * or a Java type that does not match the column type (42804).
   */
  void append(int slice, Object[] row);

  /**
   * Adds {@code rows.rowCount()} rows given column by column, column {@code c} of {@code rows}
   * being the table's column {@code c}; row {@code r} goes to slice {@code slices[r]}. The values
   * must already be in the storage representation and fit their columns (lengths, precisions),
   * as a loader that checks every field does; NOT NULL is still checked (23502). This spares a
   * loader the boxing and re-checking of {@link #append(int, Object[])}, which the default
   * implementation falls back to.
   */
  default void append(int[] slices, RowBatch rows) {
    for (int r = 0; r < rows.rowCount(); r++) {
      append(slices[r], rows.row(r));
    }
  }

  /** Rows appended so far. */
  long rowCount();

  /** Sorts by the table's sort key, writes, and atomically publishes the rows. */
  void commit();

  @Override
  void close();
}
