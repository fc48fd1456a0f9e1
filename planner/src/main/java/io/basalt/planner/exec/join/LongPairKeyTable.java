package io.basalt.planner.exec.join;

/** The hash table for two keys in the long form (e.g. partsupp's part and supplier keys). */
final class LongPairKeyTable extends OpenAddressingTable {
  private final long[] buildFirst;
  private final long[] buildSecond;
  /** slotRow[slot] is 1 + the first build row of the slot's key, or 0 for an empty slot. */
  private int[] slotRow;
  private long[] slotFirst;
  private long[] slotSecond;

  LongPairKeyTable(KeyVector first, KeyVector second, int rows) {
    super(new int[rows]);
    this.buildFirst = first.longs;
    this.buildSecond = second.longs;
  }

  @Override
  void allocate(int capacity) {
    slotRow = new int[capacity];
    slotFirst = new long[capacity];
    slotSecond = new long[capacity];
  }

  static long hash(long first, long second) {
    return Long.rotateLeft(first * MULTIPLIER, 29) ^ second;
  }

  @Override
  void insert(int row) {
    long first = buildFirst[row];
    long second = buildSecond[row];
    int slot = slotOf(hash(first, second));
    while (true) {
      int head = slotRow[slot];
      if (head == 0) {
        slotFirst[slot] = first;
        slotSecond[slot] = second;
        next[row] = -1;
        slotRow[slot] = row + 1;
        added();
        return;
      }
      if (slotFirst[slot] == first && slotSecond[slot] == second) {
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
    long[] oldFirst = slotFirst;
    long[] oldSecond = slotSecond;
    resize(capacity);
    for (int old = 0; old < oldRows.length; old++) {
      if (oldRows[old] != 0) {
        int slot = slotOf(hash(oldFirst[old], oldSecond[old]));
        while (slotRow[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slotRow[slot] = oldRows[old];
        slotFirst[slot] = oldFirst[old];
        slotSecond[slot] = oldSecond[old];
      }
    }
  }

  @Override
  void probe(KeyVector[] probeKeys, int size, int[] heads) {
    long[] firsts = probeKeys[0].longs;
    long[] seconds = probeKeys[1].longs;
    boolean[] absentFirst = probeKeys[0].absent;
    boolean[] absentSecond = probeKeys[1].absent;
    for (int i = 0; i < size; i++) {
      if ((absentFirst != null && absentFirst[i]) || (absentSecond != null && absentSecond[i])) {
        heads[i] = -1;
        continue;
      }
      long first = firsts[i];
      long second = seconds[i];
      int slot = slotOf(hash(first, second));
      int head;
      while ((head = slotRow[slot]) != 0
          && (slotFirst[slot] != first || slotSecond[slot] != second)) {
        slot = (slot + 1) & mask;
      }
      heads[i] = head - 1;
    }
  }

  @Override
  boolean longKey(int index) {
    return true;
  }

  @Override
  long estimatedBytes() {
    return 20L * slotRow.length + 4L * next.length + 64;
  }
}
