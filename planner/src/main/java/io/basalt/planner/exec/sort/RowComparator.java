package io.basalt.planner.exec.sort;

import io.basalt.planner.exec.Batch;
import java.util.List;

/**
 * Compares rows of a left batch with rows of a right batch (or of one batch with itself) by all
 * ORDER BY keys in turn.
 */
final class RowComparator {
  private final KeyComparator[] keys;

  RowComparator(Batch left, Batch right, List<SortKey> sortKeys) {
    keys = new KeyComparator[sortKeys.size()];
    for (int i = 0; i < keys.length; i++) {
      SortKey key = sortKeys.get(i);
      keys[i] = KeyComparator.of(left.column(key.field()), right.column(key.field()), key);
    }
  }

  int compare(int left, int right) {
    for (KeyComparator key : keys) {
      int c = key.compare(left, right);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
