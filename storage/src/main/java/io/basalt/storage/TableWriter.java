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

  /** Rows appended so far. */
  long rowCount();

  /** Sorts by the table's sort key, writes, and atomically publishes the rows. */
  void commit();

  @Override
  void close();
}
