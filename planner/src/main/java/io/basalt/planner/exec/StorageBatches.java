package io.basalt.planner.exec;

import io.basalt.storage.ColumnVector;
import io.basalt.storage.RowBatch;
import io.basalt.storage.TypeName;

/**
 * Turns the store's and the file readers' batches into engine batches without copying the value
 * arrays: a {@link ColumnVector}'s long, double and object arrays become the engine column's.
 */
public final class StorageBatches {
  private StorageBatches() {}

  /** Column {@code c} of the result is column {@code c} of {@code rows}, of type {@code types[c]}. */
  public static Batch toBatch(RowBatch rows, TypeName[] types) {
    Column[] out = new Column[types.length];
    for (int c = 0; c < out.length; c++) {
      out[c] = column(rows.column(c), types[c], rows.rowCount());
    }
    return new Batch(rows.rowCount(), out);
  }

  private static Column column(ColumnVector vector, TypeName type, int rows) {
    boolean[] nulls = vector.nullFlags();
    return switch (type) {
      case SMALLINT, INTEGER, BIGINT, DATE, TIMESTAMP, TIMESTAMPTZ, BOOLEAN ->
          Column.ofLongs(rows, vector.longValues(), nulls);
      case REAL, DOUBLE -> Column.ofDoubles(rows, vector.doubleValues(), nulls);
      case CHAR, VARCHAR -> Column.ofStrings(rows, vector.objectValues(), nulls);
      case DECIMAL -> vector.longValues() != null
          ? Column.ofDecimals(rows, vector.type().scale(), vector.longValues(), nulls)
          : Column.ofBigDecimals(rows, vector.type().scale(), vector.objectValues(), nulls);
    };
  }
}
