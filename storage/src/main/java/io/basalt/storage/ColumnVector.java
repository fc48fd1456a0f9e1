package io.basalt.storage;

/**
 * The values of one column for the rows of a {@link RowBatch}. Typed getters avoid boxing:
 * {@link #getLong} serves SMALLINT, INTEGER, BIGINT, DATE, TIMESTAMP(TZ), BOOLEAN (0/1) and
 * DECIMAL up to precision 18 (the unscaled value); {@link #getDouble} serves REAL and DOUBLE.
 * {@link #get} returns the boxed value in the storage representation (see {@link ColumnType}).
 */
public interface ColumnVector {
  ColumnType type();

  int size();

  boolean isNull(int row);

  long getLong(int row);

  double getDouble(int row);

  Object get(int row);
}
