package io.basalt.federation.iceberg;

import io.basalt.storage.StorageException;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * What a DELETE, UPDATE or MERGE changes in an Iceberg table, found by reading one snapshot:
 * the positions of the rows it removes, per data file (an updated row is removed and written
 * again). Each target row may be changed once (SQLSTATE 21000 otherwise, as a MERGE whose
 * source matches a target row twice must fail).
 */
final class RowChangeSet {
  private final String table;
  private final Map<String, RoaringBitmap> removed = new TreeMap<>();
  private long count;

  RowChangeSet(String table) {
    this.table = table;
  }

  /** Records that the row at {@code position} of {@code file} is removed. */
  void remove(String file, long position) {
    RoaringBitmap positions = removed.computeIfAbsent(file, f -> new RoaringBitmap());
    int pos = Math.toIntExact(position);
    if (!positions.checkedAdd(pos)) {
      throw new StorageException("21000", "Cannot change Iceberg table '" + table + "': a "
          + "target row (position " + position + " of '" + file + "') matched more than one "
          + "source row");
    }
    count++;
  }

  /** The data files with removed rows, and the rows' positions, by file location. */
  Map<String, RoaringBitmap> removed() {
    return removed;
  }

  /** How many rows were removed. */
  long count() {
    return count;
  }

  boolean isEmpty() {
    return count == 0;
  }
}
