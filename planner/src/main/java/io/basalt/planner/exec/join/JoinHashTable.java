package io.basalt.planner.exec.join;

import io.basalt.planner.exec.QueryContext;

/**
 * A hash table over the build rows' keys: finds each probe row's first build row with an equal
 * key, and {@link #next} chains the other rows with that key, in build order. Rows with an
 * absent key are never found. Read-only once built, so probe partitions share it without
 * locking.
 */
abstract class JoinHashTable {
  /** Fibonacci hashing multiplier: spreads sequential keys over the high bits. */
  static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

  /** next[row] is the next build row with the same key as row, or -1. */
  final int[] next;

  JoinHashTable(int[] next) {
    this.next = next;
  }

  /**
   * The table for these build keys: a fast path for one or two long keys, else generic; a big
   * build side on one long key is built in parallel.
   */
  static JoinHashTable build(KeyVector[] keys, int rows, QueryContext context) {
    boolean allLongs = true;
    for (KeyVector key : keys) {
      allLongs &= key.longs != null;
    }
    if (allLongs && keys.length == 1 && rows >= PartitionedLongTable.MIN_ROWS
        && context.parallelism() > 1) {
      return PartitionedLongTable.build(keys[0], rows, context);
    }
    OpenAddressingTable table;
    if (allLongs && keys.length == 1) {
      table = new LongKeyTable(keys[0], new int[rows]);
    } else if (allLongs && keys.length == 2) {
      table = new LongPairKeyTable(keys[0], keys[1], rows);
    } else {
      table = new GenericKeyTable(keys, rows);
    }
    table.resize(OpenAddressingTable.initialCapacity(rows));
    table.insertAll(keys, rows);
    return table;
  }

  /**
   * For each probe row in [0, size): the first build row with an equal key, or -1 (also when
   * the probe key is absent). {@code probeKeys} must be in this table's forms.
   */
  abstract void probe(KeyVector[] probeKeys, int size, int[] heads);

  /** Whether key {@code index} is compared in the long form (else as objects). */
  abstract boolean longKey(int index);

  /** Bytes of the slot arrays and chains. */
  abstract long estimatedBytes();
}
