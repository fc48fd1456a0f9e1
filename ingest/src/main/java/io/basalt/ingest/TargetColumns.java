package io.basalt.ingest;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import java.util.List;

/**
 * The table columns a COPY fills, in the order of its column list (all columns in table order
 * when there is none), and the ones it leaves NULL.
 */
final class TargetColumns {
  private TargetColumns() {
  }

  /**
   * The index of each listed column in the table; 42703 for an unknown column, 42701 for one
   * listed twice and 23502 when a NOT NULL column is left out.
   */
  static int[] resolve(TableDefinition table, List<String> columns, String target) {
    List<ColumnDefinition> tableColumns = table.columns();
    if (columns.isEmpty()) {
      int[] all = new int[tableColumns.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] mapped = new int[columns.size()];
    boolean[] listed = new boolean[tableColumns.size()];
    for (int i = 0; i < mapped.length; i++) {
      String name = columns.get(i);
      int index = table.columnIndex(name);
      for (int c = 0; index < 0 && c < tableColumns.size(); c++) {
        if (tableColumns.get(c).name().equalsIgnoreCase(name)) {
          index = c;
        }
      }
      if (index < 0) {
        throw new StorageException("42703",
            "Cannot COPY into " + target + ": column \"" + name + "\" does not exist");
      }
      if (listed[index]) {
        throw new StorageException("42701",
            "Cannot COPY into " + target + ": column \"" + name + "\" is listed twice");
      }
      listed[index] = true;
      mapped[i] = index;
    }
    for (int c = 0; c < listed.length; c++) {
      if (!listed[c] && !tableColumns.get(c).nullable()) {
        throw new StorageException("23502",
            "Cannot COPY into " + target + ": column \"" + tableColumns.get(c).name()
                + "\" is NOT NULL and not in the column list");
      }
    }
    return mapped;
  }

  /** The table columns that {@code targetColumns} does not name, in table order. */
  static int[] unlisted(int columnCount, int[] targetColumns) {
    boolean[] listed = new boolean[columnCount];
    for (int column : targetColumns) {
      listed[column] = true;
    }
    int[] unlisted = new int[columnCount - targetColumns.length];
    int next = 0;
    for (int c = 0; c < columnCount; c++) {
      if (!listed[c]) {
        unlisted[next++] = c;
      }
    }
    return unlisted;
  }
}
