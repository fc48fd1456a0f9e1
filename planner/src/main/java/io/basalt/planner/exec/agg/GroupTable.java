package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.MemoryTracker;
import java.util.List;

/**
 * One hash aggregation table: a {@link KeyTable} giving each row its group id and one
 * {@link Accumulator} per aggregate call, with the table's bytes reserved against the query's
 * memory limit as it grows.
 */
final class GroupTable {
  private final int[] groupFields;
  private final KeyTable keys;
  private final Accumulator[] accumulators;
  private final MemoryTracker memory;
  private int capacity;
  private long reserved;
  private int[] groupIds = new int[0];
  /** After {@link #partitionByBucket}: the groups of bucket b are order[start[b] .. start[b+1]). */
  private int[] bucketStart;
  private int[] bucketOrder;

  GroupTable(int[] groupFields, KeyTable keys, List<Accumulator> prototypes, MemoryTracker memory) {
    this.groupFields = groupFields;
    this.keys = keys;
    this.memory = memory;
    this.accumulators = new Accumulator[prototypes.size()];
    for (int i = 0; i < accumulators.length; i++) {
      accumulators[i] = prototypes.get(i).copy();
    }
    growTo(keys.size());
    account();
  }

  int size() {
    return keys.size();
  }

  /** Aggregates one input batch into this table. */
  void add(Batch batch) {
    int count = batch.size();
    if (count == 0) {
      return;
    }
    Column[] keyColumns = new Column[groupFields.length];
    for (int k = 0; k < groupFields.length; k++) {
      keyColumns[k] = batch.column(groupFields[k]);
    }
    int[] ids = scratch(count);
    keys.groupIds(keyColumns, count, ids);
    growTo(keys.size());
    for (Accumulator accumulator : accumulators) {
      accumulator.add(batch, ids, count);
    }
    account();
  }

  /** Merges the given groups of a partial table (built from the same calls) into this one. */
  void merge(GroupTable partial, int[] groups, int count) {
    if (count == 0) {
      return;
    }
    Column[] keyColumns = new Column[groupFields.length];
    for (int k = 0; k < groupFields.length; k++) {
      keyColumns[k] = partial.keys.keyColumn(k, groups, count);
    }
    int[] ids = scratch(count);
    keys.groupIds(keyColumns, count, ids);
    growTo(keys.size());
    for (int a = 0; a < accumulators.length; a++) {
      accumulators[a].merge(partial.accumulators[a], groups, ids, count);
    }
    account();
  }

  /** Sorts the group ids by the bucket of their key's hash, for the exchange to the final phase. */
  void partitionByBucket(int buckets) {
    int size = keys.size();
    int[] bucketOf = new int[size];
    int[] start = new int[buckets + 1];
    for (int g = 0; g < size; g++) {
      bucketOf[g] = KeyTable.bucket(keys.hash(g), buckets);
      start[bucketOf[g] + 1]++;
    }
    for (int b = 0; b < buckets; b++) {
      start[b + 1] += start[b];
    }
    int[] next = start.clone();
    int[] order = new int[size];
    for (int g = 0; g < size; g++) {
      order[next[bucketOf[g]]++] = g;
    }
    bucketStart = start;
    bucketOrder = order;
    reserve(8L * size);
  }

  /** Sizes this (still empty) table for about {@code groups} groups. */
  void expect(int groups) {
    keys.expect(groups);
    account();
  }

  /** How many groups bucket {@code bucket} holds after {@link #partitionByBucket}. */
  int bucketSize(int bucket) {
    return bucketStart[bucket + 1] - bucketStart[bucket];
  }

  /** Merges bucket {@code bucket} of a partial table prepared by {@link #partitionByBucket}. */
  void mergeBucket(GroupTable partial, int bucket) {
    int from = partial.bucketStart[bucket];
    int count = partial.bucketStart[bucket + 1] - from;
    int[] groups = new int[count];
    System.arraycopy(partial.bucketOrder, from, groups, 0, count);
    merge(partial, groups, count);
  }

  /** The output rows of groups {@code from .. from+count): key fields, then one per call. */
  Batch output(int from, int count) {
    int[] groups = new int[count];
    for (int i = 0; i < count; i++) {
      groups[i] = from + i;
    }
    Column[] columns = new Column[groupFields.length + accumulators.length];
    for (int k = 0; k < groupFields.length; k++) {
      columns[k] = keys.keyColumn(k, groups, count);
    }
    for (int a = 0; a < accumulators.length; a++) {
      columns[groupFields.length + a] = accumulators[a].result(groups, count);
    }
    return new Batch(count, columns);
  }

  /** Gives back every byte this table reserved. */
  void release() {
    memory.release(reserved);
    reserved = 0;
  }

  private int[] scratch(int count) {
    if (groupIds.length < count) {
      groupIds = new int[count];
    }
    return groupIds;
  }

  private void growTo(int groups) {
    if (groups > capacity) {
      capacity = Accumulator.grownCapacity(capacity, groups);
      for (Accumulator accumulator : accumulators) {
        accumulator.ensureCapacity(capacity);
      }
    }
  }

  private void account() {
    long bytes = keys.bytes() + 4L * groupIds.length;
    for (Accumulator accumulator : accumulators) {
      bytes += accumulator.bytesPerGroup() * capacity + accumulator.extraBytes();
    }
    if (bytes > reserved) {
      reserve(bytes - reserved);
    }
  }

  private void reserve(long bytes) {
    memory.reserve(bytes);
    reserved += bytes;
  }
}
