package io.basalt.federation.iceberg;

import io.basalt.storage.StorageException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * What a DELETE, UPDATE or MERGE changes in an Iceberg table, found by reading one snapshot:
 * the positions of the rows it removes, per data file (an updated row is removed and written
 * again). A statement may reach each target row once: a MERGE whose source matches a target row
 * twice fails with SQLSTATE 21000, whether or not a clause changes the row, so MERGE also records
 * the matched rows it keeps.
 */
final class RowChangeSet {
  private final String table;
  private final Map<String, RoaringBitmap> removed = new TreeMap<>();
  private final Map<String, RoaringBitmap> kept = new HashMap<>();
  private long count;

  RowChangeSet(String table) {
    this.table = table;
  }

  /** Records that the row at {@code position} of {@code file} is removed. */
  void remove(String file, long position) {
    int pos = Math.toIntExact(position);
    if (contains(kept, file, pos)
        || !removed.computeIfAbsent(file, f -> new RoaringBitmap()).checkedAdd(pos)) {
      throw matchedTwice(file, position);
    }
    count++;
  }

  /** Records that a MERGE matched the row at {@code position} of {@code file} and kept it. */
  void keep(String file, long position) {
    int pos = Math.toIntExact(position);
    if (contains(removed, file, pos)
        || !kept.computeIfAbsent(file, f -> new RoaringBitmap()).checkedAdd(pos)) {
      throw matchedTwice(file, position);
    }
  }

  private static boolean contains(Map<String, RoaringBitmap> rows, String file, int pos) {
    RoaringBitmap positions = rows.get(file);
    return positions != null && positions.contains(pos);
  }

  private StorageException matchedTwice(String file, long position) {
    return new StorageException("21000", "Cannot change Iceberg table '" + table + "': a "
        + "target row (position " + position + " of '" + file + "') matched more than one "
        + "source row");
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
