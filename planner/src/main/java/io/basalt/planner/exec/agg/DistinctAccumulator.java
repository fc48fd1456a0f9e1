package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import java.util.Arrays;

/**
 * A DISTINCT call (COUNT(DISTINCT x), SUM(DISTINCT x), ...): keeps the set of (group, argument
 * values) pairs seen and feeds only new pairs to the plain accumulator of the call, whose
 * arguments are the set's value fields. Partial tables merge by their sets, never by their plain
 * states, so a value seen in two input partitions still counts once.
 */
final class DistinctAccumulator extends Accumulator {
  private final ColumnKind[] setKinds;
  private final int[] setScales;
  private final Accumulator inner;
  private final GenericKeyTable seen;
  private int[] pairIds = new int[0];

  /**
   * {@code inner} reads its arguments from fields 0 .. args.length-1 of a batch of distinct
   * values and has no filter; {@code setKinds}/{@code setScales} describe (group id, args...).
   */
  DistinctAccumulator(int[] args, int filterArg, ColumnKind[] setKinds, int[] setScales,
      Accumulator inner) {
    super(args, filterArg);
    this.setKinds = setKinds;
    this.setScales = setScales;
    this.inner = inner.copy();
    this.seen = new GenericKeyTable(setKinds, setScales);
  }

  @Override
  Accumulator copy() {
    return new DistinctAccumulator(args, filterArg, setKinds, setScales, inner);
  }

  @Override
  void ensureCapacity(int groups) {
    inner.ensureCapacity(groups);
  }

  @Override
  long bytesPerGroup() {
    return inner.bytesPerGroup();
  }

  @Override
  long extraBytes() {
    return seen.bytes() + 4L * pairIds.length;
  }

  @Override
  void add(Batch batch, int[] groupIds, int count) {
    boolean[] skip = skipped(batch, count, true);
    int[] rows = new int[count];
    int admitted = 0;
    for (int i = 0; i < count; i++) {
      if (skip == null || !skip[i]) {
        rows[admitted++] = i;
      }
    }
    long[] groups = new long[admitted];
    for (int i = 0; i < admitted; i++) {
      groups[i] = groupIds[rows[i]];
    }
    Column[] values = new Column[args.length];
    for (int a = 0; a < args.length; a++) {
      values[a] = batch.column(args[a]).select(rows, admitted);
    }
    addPairs(Column.ofLongs(admitted, groups, null), values, admitted);
  }

  /** Inserts (group, values) pairs into the set and aggregates the ones not seen before. */
  private void addPairs(Column groups, Column[] values, int count) {
    Column[] pairs = new Column[values.length + 1];
    pairs[0] = groups;
    System.arraycopy(values, 0, pairs, 1, values.length);
    if (pairIds.length < count) {
      pairIds = new int[count];
    }
    int before = seen.size();
    seen.groupIds(pairs, count, pairIds);
    int[] fresh = new int[count];
    int freshCount = 0;
    int next = before;
    for (int i = 0; i < count; i++) {
      // Pair ids are dense in order of first appearance: a new pair takes the next id.
      if (pairIds[i] == next) {
        fresh[freshCount++] = i;
        next++;
      }
    }
    if (freshCount == 0) {
      return;
    }
    int[] freshGroups = new int[freshCount];
    for (int i = 0; i < freshCount; i++) {
      freshGroups[i] = (int) groups.longs[fresh[i]];
    }
    inner.add(new Batch(count, values).select(fresh, freshCount), freshGroups, freshCount);
  }

  @Override
  void merge(Accumulator partial, int[] from, int[] to, int count) {
    DistinctAccumulator other = (DistinctAccumulator) partial;
    int pairs = other.seen.size();
    if (pairs == 0 || count == 0) {
      return;
    }
    int[] all = new int[pairs];
    for (int p = 0; p < pairs; p++) {
      all[p] = p;
    }
    Column pairGroups = other.seen.keyColumn(0, all, pairs);
    int maxGroup = 0;
    for (int i = 0; i < count; i++) {
      maxGroup = Math.max(maxGroup, from[i]);
    }
    int[] target = new int[maxGroup + 1];
    Arrays.fill(target, -1);
    for (int i = 0; i < count; i++) {
      target[from[i]] = to[i];
    }
    int[] chosen = new int[pairs];
    long[] targetGroups = new long[pairs];
    int n = 0;
    for (int p = 0; p < pairs; p++) {
      int g = (int) pairGroups.longs[p];
      if (g <= maxGroup && target[g] >= 0) {
        chosen[n] = p;
        targetGroups[n++] = target[g];
      }
    }
    Column[] values = new Column[args.length];
    for (int a = 0; a < args.length; a++) {
      values[a] = other.seen.keyColumn(a + 1, chosen, n);
    }
    addPairs(Column.ofLongs(n, targetGroups, null), values, n);
  }

  @Override
  Column result(int[] groups, int count) {
    return inner.result(groups, count);
  }
}
