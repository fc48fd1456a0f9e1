package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Column;
import java.util.Arrays;

/**
 * The key table for two LONG key fields (say an order key and a date): open addressing over two
 * long arrays, with a NULL in either field folded into a per-group null mask.
 */
final class LongPairKeyTable extends KeyTable {
  private int[] slotGroups = new int[16];
  private int mask = 15;
  private long[] firsts = new long[16];
  private long[] seconds = new long[16];
  /** Bit 0: the first field is NULL; bit 1: the second is. */
  private byte[] nullMasks = new byte[16];
  private long[] hashes = new long[16];
  private int size;
  private long[] batchHashes = new long[0];
  private byte[] batchMasks = new byte[0];

  @Override
  int size() {
    return size;
  }

  @Override
  void groupIds(Column[] keys, int count, int[] out) {
    long[] a = keys[0].longs;
    long[] b = keys[1].longs;
    if (batchHashes.length < count) {
      batchHashes = new long[count];
      batchMasks = new byte[count];
    }
    long[] h = batchHashes;
    byte[] masks = batchMasks;
    Arrays.fill(masks, 0, count, (byte) 0);
    boolean[] aNulls = keys[0].nulls;
    boolean[] bNulls = keys[1].nulls;
    if (aNulls != null) {
      for (int i = 0; i < count; i++) {
        masks[i] |= aNulls[i] ? (byte) 1 : 0;
      }
    }
    if (bNulls != null) {
      for (int i = 0; i < count; i++) {
        masks[i] |= bNulls[i] ? (byte) 2 : 0;
      }
    }
    for (int i = 0; i < count; i++) {
      long first = (masks[i] & 1) != 0 ? 0 : a[i];
      long second = (masks[i] & 2) != 0 ? 0 : b[i];
      h[i] = mix(mix(first) * 31 + second + masks[i]);
    }
    for (int i = 0; i < count; i++) {
      byte nullMask = masks[i];
      long first = (nullMask & 1) != 0 ? 0 : a[i];
      long second = (nullMask & 2) != 0 ? 0 : b[i];
      int slot = (int) h[i] & mask;
      while (true) {
        int g = slotGroups[slot] - 1;
        if (g < 0) {
          int group = newGroup(first, second, nullMask, h[i]);
          slotGroups[slot] = group + 1;
          out[i] = group;
          if (size * 2 > slotGroups.length) {
            rehash();
          }
          break;
        }
        if (firsts[g] == first && seconds[g] == second && nullMasks[g] == nullMask) {
          out[i] = g;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }

  private int newGroup(long first, long second, byte nullMask, long hash) {
    if (size == firsts.length) {
      int capacity = size * 2;
      firsts = Arrays.copyOf(firsts, capacity);
      seconds = Arrays.copyOf(seconds, capacity);
      nullMasks = Arrays.copyOf(nullMasks, capacity);
      hashes = Arrays.copyOf(hashes, capacity);
    }
    firsts[size] = first;
    seconds[size] = second;
    nullMasks[size] = nullMask;
    hashes[size] = hash;
    return size++;
  }

  private void rehash() {
    int capacity = slotGroups.length * 2;
    int[] newGroups = new int[capacity];
    int newMask = capacity - 1;
    for (int g = 0; g < size; g++) {
      int target = (int) hashes[g] & newMask;
      while (newGroups[target] != 0) {
        target = (target + 1) & newMask;
      }
      newGroups[target] = g + 1;
    }
    slotGroups = newGroups;
    mask = newMask;
  }

  @Override
  long hash(int group) {
    return hashes[group];
  }

  @Override
  Column keyColumn(int field, int[] groups, int count) {
    long[] source = field == 0 ? firsts : seconds;
    int bit = field == 0 ? 1 : 2;
    long[] values = new long[count];
    boolean[] nulls = null;
    for (int i = 0; i < count; i++) {
      int g = groups[i];
      values[i] = source[g];
      if ((nullMasks[g] & bit) != 0) {
        if (nulls == null) {
          nulls = new boolean[count];
        }
        nulls[i] = true;
      }
    }
    return Column.ofLongs(count, values, nulls);
  }

  @Override
  void expect(int groups) {
    int capacity = tableCapacity(groups);
    if (size == 0 && capacity > slotGroups.length) {
      slotGroups = new int[capacity];
      mask = capacity - 1;
    }
  }

  @Override
  long bytes() {
    return 4L * slotGroups.length + 33L * firsts.length + 9L * batchHashes.length;
  }
}
