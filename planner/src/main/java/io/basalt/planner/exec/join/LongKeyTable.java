package io.basalt.planner.exec.join;

/**
 * The hash table for one key in the long form (the common case: a join on an id column). A
 * slot's key and row sit side by side in one array, so a lookup touches one cache line.
 */
final class LongKeyTable extends OpenAddressingTable {
  private final long[] buildKeys;
  /** slots[2s] is slot s's key; slots[2s+1] is 1 + its first build row, or 0 when empty. */
  private long[] slots;

  /** A table chaining its rows in {@code next} (shared by the parts of a partitioned table). */
  LongKeyTable(KeyVector key, int[] next) {
    super(next);
    this.buildKeys = key.longs;
  }

  @Override
  void allocate(int capacity) {
    slots = new long[2 * capacity];
  }

  @Override
  void insert(int row) {
    long key = buildKeys[row];
    int slot = slotOf(key);
    while (true) {
      long head = slots[2 * slot + 1];
      if (head == 0) {
        slots[2 * slot] = key;
        slots[2 * slot + 1] = row + 1;
        next[row] = -1;
        added();
        return;
      }
      if (slots[2 * slot] == key) {
        next[row] = (int) head - 1;
        slots[2 * slot + 1] = row + 1;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  @Override
  void grow(int newCapacity) {
    long[] old = slots;
    resize(newCapacity);
    for (int i = 0; i < old.length; i += 2) {
      if (old[i + 1] != 0) {
        int slot = slotOf(old[i]);
        while (slots[2 * slot + 1] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[2 * slot] = old[i];
        slots[2 * slot + 1] = old[i + 1];
      }
    }
  }

  @Override
  void probe(KeyVector[] probeKeys, int size, int[] heads) {
    long[] keys = probeKeys[0].longs;
    boolean[] absent = probeKeys[0].absent;
    long[] table = slots;
    int mask = this.mask;
    for (int i = 0; i < size; i++) {
      if (absent != null && absent[i]) {
        heads[i] = -1;
        continue;
      }
      long key = keys[i];
      int slot = slotOf(key);
      long head;
      while ((head = table[2 * slot + 1]) != 0 && table[2 * slot] != key) {
        slot = (slot + 1) & mask;
      }
      heads[i] = (int) head - 1;
    }
  }

  /** The first build row with {@code key}, or -1. */
  int find(long key) {
    long[] table = slots;
    int slot = slotOf(key);
    long head;
    while ((head = table[2 * slot + 1]) != 0 && table[2 * slot] != key) {
      slot = (slot + 1) & mask;
    }
    return (int) head - 1;
  }

  @Override
  boolean longKey(int index) {
    return true;
  }

  @Override
  long estimatedBytes() {
    return 8L * slots.length + 4L * next.length + 64;
  }

  /** Bytes of the slots alone, for a part of a partitioned table. */
  long slotBytes() {
    return 8L * slots.length;
  }
}
