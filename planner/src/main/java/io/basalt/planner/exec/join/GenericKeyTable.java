package io.basalt.planner.exec.join;

import java.util.Arrays;

/**
 * The hash table for any other key list (STRING keys, wide DECIMALs, three or more keys): a slot
 * keeps its key's full hash to skip most mismatches, and keys are compared column by column
 * against the slot's first build row.
 */
final class GenericKeyTable extends OpenAddressingTable {
  private final KeyVector[] buildKeys;
  private final long[] buildHashes;
  /** slotRow[slot] is 1 + the first build row of the slot's key, or 0 for an empty slot. */
  private int[] slotRow;
  private long[] slotHash;

  GenericKeyTable(KeyVector[] keys, int rows) {
    super(new int[rows]);
    this.buildKeys = keys;
    this.buildHashes = new long[rows];
    hashAll(keys, rows, buildHashes);
  }

  @Override
  void allocate(int capacity) {
    slotRow = new int[capacity];
    slotHash = new long[capacity];
  }

  /** Hashes every row's key list, a key column at a time. */
  static void hashAll(KeyVector[] keys, int size, long[] hashes) {
    Arrays.fill(hashes, 0, size, 0L);
    for (KeyVector key : keys) {
      if (key.longs != null) {
        long[] values = key.longs;
        for (int i = 0; i < size; i++) {
          hashes[i] = Long.rotateLeft(hashes[i] * MULTIPLIER, 29) ^ values[i];
        }
      } else {
        Object[] values = key.objects;
        for (int i = 0; i < size; i++) {
          Object value = values[i];
          int code = value == null ? 0 : value.hashCode();
          hashes[i] = Long.rotateLeft(hashes[i] * MULTIPLIER, 29) ^ code;
        }
      }
    }
  }

  @Override
  void insert(int row) {
    long hash = buildHashes[row];
    int slot = slotOf(hash);
    while (true) {
      int head = slotRow[slot];
      if (head == 0) {
        slotHash[slot] = hash;
        next[row] = -1;
        slotRow[slot] = row + 1;
        added();
        return;
      }
      if (slotHash[slot] == hash && equal(buildKeys, row, head - 1)) {
        next[row] = head - 1;
        slotRow[slot] = row + 1;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  @Override
  void grow(int capacity) {
    int[] oldRows = slotRow;
    long[] oldHashes = slotHash;
    resize(capacity);
    for (int old = 0; old < oldRows.length; old++) {
      if (oldRows[old] != 0) {
        int slot = slotOf(oldHashes[old]);
        while (slotRow[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slotRow[slot] = oldRows[old];
        slotHash[slot] = oldHashes[old];
      }
    }
  }

  @Override
  void probe(KeyVector[] probeKeys, int size, int[] heads) {
    long[] hashes = new long[size];
    hashAll(probeKeys, size, hashes);
    for (int i = 0; i < size; i++) {
      boolean absent = false;
      for (KeyVector key : probeKeys) {
        absent |= key.isAbsent(i);
      }
      if (absent) {
        heads[i] = -1;
        continue;
      }
      long hash = hashes[i];
      int slot = slotOf(hash);
      int head;
      while ((head = slotRow[slot]) != 0
          && (slotHash[slot] != hash || !equal(probeKeys, i, head - 1))) {
        slot = (slot + 1) & mask;
      }
      heads[i] = head - 1;
    }
  }

  /** Whether the keys of row {@code row} of {@code keys} equal those of build row {@code build}. */
  private boolean equal(KeyVector[] keys, int row, int build) {
    for (int k = 0; k < keys.length; k++) {
      KeyVector key = keys[k];
      KeyVector other = buildKeys[k];
      if (key.longs != null) {
        if (key.longs[row] != other.longs[build]) {
          return false;
        }
      } else if (!key.objects[row].equals(other.objects[build])) {
        return false;
      }
    }
    return true;
  }

  @Override
  boolean longKey(int index) {
    return buildKeys[index].longs != null;
  }

  @Override
  long estimatedBytes() {
    return 12L * slotRow.length + 12L * next.length + 64;
  }
}
