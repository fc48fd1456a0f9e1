package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Column;
import java.util.Arrays;

/**
 * The key table for one LONG key field: a directly indexed window of keys around the first one
 * seen, and open addressing over a long[] of keys for the rest.
 */
final class LongKeyTable extends KeyTable {
  private static final int WINDOW = 1 << 14;

  private long[] slotKeys = new long[16];
  /** Group id + 1 per slot; 0 marks an empty slot. */
  private int[] slotGroups = new int[16];
  private int mask = 15;
  private long[] keys = new long[16];
  private long[] hashes = new long[16];
  private int size;
  private int nullGroup = -1;
  /** Groups in the slots, as opposed to the direct window or the NULL group. */
  private int hashedGroups;
  /**
   * Group id + 1 per key in [base, base + WINDOW), a window centred on the first key seen: small
   * ranges (dates, flags, small codes) skip hashing and probing altogether.
   */
  private int[] direct;
  private long base;

  @Override
  int size() {
    return size;
  }

  @Override
  void groupIds(Column[] keyColumns, int count, int[] out) {
    Column column = keyColumns[0];
    long[] values = column.longs;
    boolean[] nulls = column.nulls;
    for (int i = 0; i < count; i++) {
      if (nulls != null && nulls[i]) {
        if (nullGroup < 0) {
          nullGroup = newGroup(0, NULL_HASH);
        }
        out[i] = nullGroup;
        continue;
      }
      long key = values[i];
      if (direct == null) {
        direct = new int[WINDOW];
        base = key - WINDOW / 2;
      }
      // Subtracting base maps keys to offsets one to one even when it wraps around.
      long offset = key - base;
      if (offset >= 0 && offset < WINDOW) {
        int g = direct[(int) offset];
        if (g == 0) {
          g = newGroup(key, mix(key)) + 1;
          direct[(int) offset] = g;
        }
        out[i] = g - 1;
      } else {
        out[i] = probe(key);
      }
    }
  }

  private int probe(long key) {
    long hash = mix(key);
    int slot = (int) hash & mask;
    while (true) {
      int g = slotGroups[slot];
      if (g == 0) {
        int group = newGroup(key, hash);
        slotKeys[slot] = key;
        slotGroups[slot] = group + 1;
        if (++hashedGroups * 2 > slotGroups.length) {
          rehash();
        }
        return group;
      }
      if (slotKeys[slot] == key) {
        return g - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int newGroup(long key, long hash) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    keys[size] = key;
    hashes[size] = hash;
    return size++;
  }

  private void rehash() {
    int capacity = slotGroups.length * 2;
    long[] newKeys = new long[capacity];
    int[] newGroups = new int[capacity];
    int newMask = capacity - 1;
    for (int slot = 0; slot < slotGroups.length; slot++) {
      int g = slotGroups[slot];
      if (g != 0) {
        int target = (int) hashes[g - 1] & newMask;
        while (newGroups[target] != 0) {
          target = (target + 1) & newMask;
        }
        newKeys[target] = slotKeys[slot];
        newGroups[target] = g;
      }
    }
    slotKeys = newKeys;
    slotGroups = newGroups;
    mask = newMask;
  }

  @Override
  long hash(int group) {
    return hashes[group];
  }

  @Override
  Column keyColumn(int field, int[] groups, int count) {
    long[] values = new long[count];
    boolean[] nulls = null;
    for (int i = 0; i < count; i++) {
      int g = groups[i];
      if (g == nullGroup) {
        if (nulls == null) {
          nulls = new boolean[count];
        }
        nulls[i] = true;
      } else {
        values[i] = keys[g];
      }
    }
    return Column.ofLongs(count, values, nulls);
  }

  @Override
  void expect(int groups) {
    int capacity = tableCapacity(groups);
    if (size == 0 && capacity > slotGroups.length) {
      slotKeys = new long[capacity];
      slotGroups = new int[capacity];
      mask = capacity - 1;
    }
  }

  @Override
  long bytes() {
    return 12L * slotGroups.length + 16L * keys.length + (direct == null ? 0 : 4L * WINDOW);
  }
}
