package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The key table for any key fields: hashes whole batches column by column, then probes an open
 * addressing table of group ids and compares the stored keys field by field. DOUBLE keys are
 * held as their bits (so -0.0 and 0.0 are different groups and NaN is one group, as Java's
 * Double.equals has it) and DECIMAL keys as unscaled longs unless they need more than 18 digits.
 */
final class GenericKeyTable extends KeyTable {
  /** At most this many distinct String instances per field for the few-instances path. */
  private static final int FEW_INSTANCES = 16;
  private static final int MAX_COMBINATIONS = 4096;

  private final ColumnKind[] kinds;
  private final boolean allStrings;
  private final int[] scales;
  private final long[][] longs;
  private final Object[][] objects;
  private final boolean[][] nulls;
  private long[] hashes = new long[16];
  private int[] slotGroups = new int[16];
  private int mask = 15;
  private int size;
  private long objectBytes;

  // Per-batch views of the key fields, normalized to the stored representation.
  private final long[][] rowLongs;
  private final Object[][] rowObjects;
  private final boolean[][] rowNulls;
  private long[] rowHashes = new long[0];

  GenericKeyTable(ColumnKind[] kinds, int[] scales) {
    this.kinds = kinds.clone();
    this.allStrings = Arrays.stream(kinds).allMatch(kind -> kind == ColumnKind.STRING);
    this.scales = scales.clone();
    int fields = kinds.length;
    longs = new long[fields][];
    objects = new Object[fields][];
    nulls = new boolean[fields][];
    for (int f = 0; f < fields; f++) {
      nulls[f] = new boolean[16];
      if (kinds[f] != ColumnKind.STRING) {
        longs[f] = new long[16];
      }
      if (kinds[f] == ColumnKind.STRING || kinds[f] == ColumnKind.DECIMAL) {
        objects[f] = new Object[16];
      }
    }
    rowLongs = new long[fields][];
    rowObjects = new Object[fields][];
    rowNulls = new boolean[fields][];
  }

  @Override
  int size() {
    return size;
  }

  @Override
  void groupIds(Column[] keys, int count, int[] out) {
    if (rowHashes.length < count) {
      rowHashes = new long[count];
    }
    long[] h = rowHashes;
    for (int f = 0; f < kinds.length; f++) {
      normalize(f, keys[f], count);
    }
    if (allStrings && fewStringInstances(count, out)) {
      Arrays.fill(rowObjects, null);
      return;
    }
    Arrays.fill(h, 0, count, 0L);
    for (int f = 0; f < kinds.length; f++) {
      hashField(f, count, h);
    }
    for (int i = 0; i < count; i++) {
      h[i] = mix(h[i]);
    }
    for (int i = 0; i < count; i++) {
      out[i] = find(i, h[i]);
    }
    Arrays.fill(rowObjects, null);
  }

  /** The group of row {@code i} (whose key hashes to {@code hash}), created if new. */
  private int find(int i, long hash) {
    int slot = (int) hash & mask;
    while (true) {
      int g = slotGroups[slot];
      if (g == 0) {
        int group = newGroup(i, hash);
        slotGroups[slot] = group + 1;
        if (size * 2 > slotGroups.length) {
          rehash();
        }
        return group;
      }
      if (hashes[g - 1] == hash && matches(g - 1, i)) {
        return g - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Low-cardinality string keys (TPC-H Q1's return flag and line status): the rows of a
   * dictionary-encoded block share a few String instances, so each row's key is found by
   * comparing references with the batch's distinct instances, and only one row per distinct
   * combination goes through hashing and the table. False (nothing written) when a field has
   * more than {@value #FEW_INSTANCES} instances in the batch or any NULL.
   */
  private boolean fewStringInstances(int count, int[] out) {
    int fields = kinds.length;
    int[][] codes = new int[fields][];
    int[] distinctCounts = new int[fields];
    int combinations = 1;
    for (int f = 0; f < fields; f++) {
      if (rowNulls[f] != null) {
        return false;
      }
      Object[] values = rowObjects[f];
      Object[] seen = new Object[FEW_INSTANCES];
      int distinct = 0;
      int[] fieldCodes = new int[count];
      for (int i = 0; i < count; i++) {
        Object value = values[i];
        int code = 0;
        while (code < distinct && seen[code] != value) {
          code++;
        }
        if (code == distinct) {
          if (distinct == FEW_INSTANCES) {
            return false;
          }
          seen[distinct++] = value;
        }
        fieldCodes[i] = code;
      }
      codes[f] = fieldCodes;
      distinctCounts[f] = distinct;
      combinations *= Math.max(1, distinct);
      if (combinations > MAX_COMBINATIONS) {
        return false;
      }
    }
    int[] groupOf = new int[combinations];
    Arrays.fill(groupOf, -1);
    for (int i = 0; i < count; i++) {
      int combination = 0;
      for (int f = 0; f < fields; f++) {
        combination = combination * distinctCounts[f] + codes[f][i];
      }
      int group = groupOf[combination];
      if (group < 0) {
        // The first row of this combination goes through the table, hashed as groupIds does.
        long hash = 0;
        for (int f = 0; f < fields; f++) {
          hash = hash * 31 + rowObjects[f][i].hashCode();
        }
        group = find(i, mix(hash));
        groupOf[combination] = group;
      }
      out[i] = group;
    }
    return true;
  }

  private void normalize(int f, Column column, int count) {
    rowNulls[f] = column.nulls;
    rowObjects[f] = null;
    switch (kinds[f]) {
      case LONG -> rowLongs[f] = column.longs;
      case DOUBLE -> {
        long[] bits = new long[count];
        double[] values = column.doubles;
        for (int i = 0; i < count; i++) {
          bits[i] = Double.doubleToLongBits(values[i]);
        }
        rowLongs[f] = bits;
      }
      case STRING -> rowObjects[f] = column.objects;
      case DECIMAL -> {
        if (!column.isWideDecimal() && column.scale == scales[f]) {
          rowLongs[f] = column.longs;
          return;
        }
        long[] narrow = new long[count];
        Object[] wide = new Object[count];
        for (int i = 0; i < count; i++) {
          if (!column.isNull(i)) {
            BigDecimal value = column.decimal(i).setScale(scales[f]);
            if (value.unscaledValue().bitLength() < 64) {
              narrow[i] = value.unscaledValue().longValue();
            } else {
              wide[i] = value;
            }
          }
        }
        rowLongs[f] = narrow;
        rowObjects[f] = wide;
      }
    }
  }

  private void hashField(int f, int count, long[] h) {
    boolean[] rowNull = rowNulls[f];
    long[] values = rowLongs[f];
    Object[] objs = rowObjects[f];
    if (kinds[f] == ColumnKind.STRING) {
      for (int i = 0; i < count; i++) {
        long fieldHash = rowNull != null && rowNull[i] ? NULL_HASH : objs[i].hashCode();
        h[i] = h[i] * 31 + fieldHash;
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      long fieldHash;
      if (rowNull != null && rowNull[i]) {
        fieldHash = NULL_HASH;
      } else if (objs != null && objs[i] != null) {
        fieldHash = objs[i].hashCode();
      } else {
        fieldHash = mix(values[i]);
      }
      h[i] = h[i] * 31 + fieldHash;
    }
  }

  private boolean matches(int group, int row) {
    for (int f = 0; f < kinds.length; f++) {
      boolean rowNull = rowNulls[f] != null && rowNulls[f][row];
      if (rowNull != nulls[f][group]) {
        return false;
      }
      if (rowNull) {
        continue;
      }
      Object rowObject = rowObjects[f] == null ? null : rowObjects[f][row];
      Object stored = objects[f] == null ? null : objects[f][group];
      if (rowObject != null || stored != null) {
        if (rowObject == null || !rowObject.equals(stored)) {
          return false;
        }
      } else if (rowLongs[f][row] != longs[f][group]) {
        return false;
      }
    }
    return true;
  }

  private int newGroup(int row, long hash) {
    if (size == hashes.length) {
      int capacity = size * 2;
      hashes = Arrays.copyOf(hashes, capacity);
      for (int f = 0; f < kinds.length; f++) {
        nulls[f] = Arrays.copyOf(nulls[f], capacity);
        if (longs[f] != null) {
          longs[f] = Arrays.copyOf(longs[f], capacity);
        }
        if (objects[f] != null) {
          objects[f] = Arrays.copyOf(objects[f], capacity);
        }
      }
    }
    hashes[size] = hash;
    for (int f = 0; f < kinds.length; f++) {
      if (rowNulls[f] != null && rowNulls[f][row]) {
        nulls[f][size] = true;
        continue;
      }
      Object rowObject = rowObjects[f] == null ? null : rowObjects[f][row];
      if (rowObject != null) {
        objects[f][size] = rowObject;
        // Strings and wide decimals are shared with the input; count a typical object's size.
        objectBytes += 48;
      } else {
        longs[f][size] = rowLongs[f][row];
      }
    }
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
    boolean[] stored = nulls[field];
    boolean[] outNulls = null;
    for (int i = 0; i < count; i++) {
      if (stored[groups[i]]) {
        if (outNulls == null) {
          outNulls = new boolean[count];
        }
        outNulls[i] = true;
      }
    }
    return switch (kinds[field]) {
      case LONG -> Column.ofLongs(count, gatherLongs(longs[field], groups, count), outNulls);
      case DOUBLE -> {
        long[] bits = longs[field];
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
          values[i] = Double.longBitsToDouble(bits[groups[i]]);
        }
        yield Column.ofDoubles(count, values, outNulls);
      }
      case STRING -> {
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
          values[i] = objects[field][groups[i]];
        }
        yield Column.ofStrings(count, values, outNulls);
      }
      case DECIMAL -> decimalKeyColumn(field, groups, count, outNulls);
    };
  }

  private Column decimalKeyColumn(int field, int[] groups, int count, boolean[] outNulls) {
    Object[] wide = objects[field];
    boolean anyWide = false;
    for (int i = 0; i < count && !anyWide; i++) {
      anyWide = wide[groups[i]] != null;
    }
    if (!anyWide) {
      return Column.ofDecimals(count, scales[field], gatherLongs(longs[field], groups, count),
          outNulls);
    }
    Object[] values = new Object[count];
    for (int i = 0; i < count; i++) {
      int g = groups[i];
      if (!nulls[field][g]) {
        values[i] = wide[g] != null ? wide[g] : BigDecimal.valueOf(longs[field][g], scales[field]);
      }
    }
    return Column.ofBigDecimals(count, scales[field], values, outNulls);
  }

  private static long[] gatherLongs(long[] source, int[] groups, int count) {
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = source[groups[i]];
    }
    return values;
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
    long perGroup = 8;
    for (int f = 0; f < kinds.length; f++) {
      perGroup += 1 + (longs[f] != null ? 8 : 0) + (objects[f] != null ? 8 : 0);
    }
    return perGroup * hashes.length + 4L * slotGroups.length + objectBytes + 8L * rowHashes.length;
  }
}
