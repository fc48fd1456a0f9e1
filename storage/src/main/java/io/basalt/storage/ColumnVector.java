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

  /**
   * The rows' null flags, or null when no row is NULL. The arrays these methods return are the
   * vector's own, for a reader that processes whole columns: they must not be modified.
   */
  boolean[] nullFlags();

  /** Every row's {@link #getLong} value, or null when the type is not held as longs. */
  long[] longValues();

  /** Every row's {@link #getDouble} value, or null for types other than REAL and DOUBLE. */
  double[] doubleValues();

  /**
   * Every row's {@link #get} value for CHAR, VARCHAR and DECIMAL wider than 18 digits (Strings,
   * BigDecimals), or null for types held as longs or doubles.
   */
  Object[] objectValues();
}
