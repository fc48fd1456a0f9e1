package io.basalt.planner.exec.join;

/**
 * A {@link JoinHashTable} with linear probing over primitive arrays: each slot holds one
 * distinct key and the first build row with it. The table starts small and grows 4 times when
 * its load passes 0.6, since build sides often have far fewer distinct keys than rows.
 */
abstract class OpenAddressingTable extends JoinHashTable {
  int mask;
  int shift;
  int capacity;
  /** Occupied slots (distinct keys); past {@link #growAt} the table grows. */
  int distinct;
  int growAt;

  OpenAddressingTable(int[] next) {
    super(next);
  }

  /** The first capacity for {@code rows} build rows: half a slot per row (4 lineitems/order). */
  static int initialCapacity(int rows) {
    return Integer.highestOneBit(Math.max(16, rows / 2) - 1) << 1;
  }

  /** Sets the geometry for {@code capacity} slots (a power of two) and allocates them. */
  final void resize(int capacity) {
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.shift = 64 - Integer.numberOfTrailingZeros(capacity);
    this.growAt = (int) (capacity * 0.6);
    allocate(capacity);
  }

  /** Counts a new distinct key and grows the table when it gets too full. */
  final void added() {
    if (++distinct > growAt) {
      grow(capacity * 4);
    }
  }

  final int slotOf(long hash) {
    return (int) ((hash * MULTIPLIER) >>> shift);
  }

  /**
   * Inserts every row with a present key, in reverse row order so that prepending to a key's
   * chain leaves the chain in ascending row order.
   */
  final void insertAll(KeyVector[] keys, int rows) {
    for (int row = rows - 1; row >= 0; row--) {
      boolean absent = false;
      for (KeyVector key : keys) {
        absent |= key.isAbsent(row);
      }
      if (absent) {
        next[row] = -1;
      } else {
        insert(row);
      }
    }
  }

  /** Allocates empty slot arrays of {@code capacity} slots. */
  abstract void allocate(int capacity);

  /** Rehashes every occupied slot into a table of {@code capacity} slots. */
  abstract void grow(int capacity);

  /** Inserts build row {@code row}, whose key is present. */
  abstract void insert(int row);
}
