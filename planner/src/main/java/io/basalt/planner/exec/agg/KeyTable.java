package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Column;

/**
 * Maps group keys to dense group ids (0, 1, 2, ... in order of first appearance) and keeps each
 * group's key and hash, so a partial table can be split by hash and merged into another.
 */
abstract class KeyTable {
  /** How many groups exist. */
  abstract int size();

  /** Finds or creates the group of each of the first {@code count} rows of {@code keys}. */
  abstract void groupIds(Column[] keys, int count, int[] out);

  /** The hash of group {@code group}'s key; equal keys hash alike in every table of a node. */
  abstract long hash(int group);

  /** Key field {@code field} of the given groups, as a column. */
  abstract Column keyColumn(int field, int[] groups, int count);

  /**
   * Sizes an empty table's slots for about {@code groups} groups, sparing the rehashes a merge
   * into it would otherwise go through.
   */
  abstract void expect(int groups);

  /** Approximate heap bytes held. */
  abstract long bytes();

  /** Which of {@code buckets} buckets a key hash belongs to; uses bits the slot index does not. */
  static int bucket(long hash, int buckets) {
    return (int) (((hash >>> 32) * buckets) >>> 32);
  }

  /** A 64-bit finalizer that spreads every input bit over the result. */
  static long mix(long value) {
    long h = value;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  static final long NULL_HASH = mix(0x6a09e667f3bcc908L);

  static int tableCapacity(int groups) {
    int capacity = 16;
    while (capacity < groups * 2) {
      capacity <<= 1;
    }
    return capacity;
  }
}
