package io.basalt.storage.format;

import org.roaringbitmap.RoaringBitmap;

/**
 * What a Parquet read does with rows' positions in their file (0 for the file's first row):
 * {@code deleted} rows are left out as if a predicate rejected them (an Iceberg table's position
 * deletes), and when {@code returned} each batch gets one more column after the requested ones,
 * a BIGINT holding each row's position (what a DELETE needs to name the rows it deletes).
 * Positions count every row of the file, also those of row groups the reader skips.
 */
public record RowPositions(RoaringBitmap deleted, boolean returned) {
  /** No deleted rows, no position column. */
  public static final RowPositions NONE = new RowPositions(null, false);

  /** Whether rows are deleted or positions returned. */
  public boolean isNone() {
    return (deleted == null || deleted.isEmpty()) && !returned;
  }
}
