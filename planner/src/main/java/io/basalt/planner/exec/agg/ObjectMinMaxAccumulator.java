package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * MIN and MAX of STRING values (by String.compareTo, as Calcite compares them) and of DECIMAL
 * values; DECIMALs in unscaled-long form are compared as longs, a BigDecimal only when needed.
 */
final class ObjectMinMaxAccumulator extends Accumulator {
  private final boolean min;
  private final ColumnKind kind;
  private final int scale;
  /** The current value per group: a String, or a BigDecimal; null while unseen. */
  private Object[] values = new Object[0];
  /** For DECIMAL groups whose value is held unscaled: the value; {@code narrow} says which. */
  private long[] unscaled = new long[0];
  private boolean[] narrow = new boolean[0];

  ObjectMinMaxAccumulator(int[] args, int filterArg, boolean min, ColumnKind kind, int scale) {
    super(args, filterArg);
    this.min = min;
    this.kind = kind;
    this.scale = scale;
  }

  @Override
  Accumulator copy() {
    return new ObjectMinMaxAccumulator(args, filterArg, min, kind, scale);
  }

  @Override
  void ensureCapacity(int groups) {
    if (values.length < groups) {
      int capacity = grownCapacity(values.length, groups);
      values = Arrays.copyOf(values, capacity);
      unscaled = Arrays.copyOf(unscaled, capacity);
      narrow = Arrays.copyOf(narrow, capacity);
    }
  }

  @Override
  long bytesPerGroup() {
    return 17;
  }

  @Override
  void add(Batch batch, int[] groupIds, int count) {
    boolean[] skip = skipped(batch, count, true);
    Column column = batch.column(args[0]);
    if (kind == ColumnKind.DECIMAL && !column.isWideDecimal() && column.scale == scale) {
      long[] input = column.longs;
      for (int i = 0; i < count; i++) {
        if (skip == null || !skip[i]) {
          offerUnscaled(groupIds[i], input[i]);
        }
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      if (skip == null || !skip[i]) {
        Object value = kind == ColumnKind.DECIMAL ? column.decimal(i).setScale(scale)
            : column.objects[i];
        offerObject(groupIds[i], value);
      }
    }
  }

  private void offerUnscaled(int g, long value) {
    if (narrow[g]) {
      long current = unscaled[g];
      if (min ? value < current : value > current) {
        unscaled[g] = value;
      }
    } else if (values[g] == null) {
      narrow[g] = true;
      unscaled[g] = value;
    } else {
      offerObject(g, BigDecimal.valueOf(value, scale));
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void offerObject(int g, Object value) {
    Object current = narrow[g] ? BigDecimal.valueOf(unscaled[g], scale) : values[g];
    if (current != null) {
      int comparison = ((Comparable) value).compareTo(current);
      if (min ? comparison >= 0 : comparison <= 0) {
        return;
      }
    }
    narrow[g] = false;
    values[g] = value;
  }

  @Override
  void merge(Accumulator partial, int[] from, int[] to, int count) {
    ObjectMinMaxAccumulator other = (ObjectMinMaxAccumulator) partial;
    for (int i = 0; i < count; i++) {
      int f = from[i];
      if (other.narrow[f]) {
        offerUnscaled(to[i], other.unscaled[f]);
      } else if (other.values[f] != null) {
        offerObject(to[i], other.values[f]);
      }
    }
  }

  @Override
  Column result(int[] groups, int count) {
    boolean[] nulls = null;
    boolean allNarrow = true;
    for (int i = 0; i < count; i++) {
      int g = groups[i];
      if (!narrow[g] && values[g] == null) {
        if (nulls == null) {
          nulls = new boolean[count];
        }
        nulls[i] = true;
      } else if (!narrow[g]) {
        allNarrow = false;
      }
    }
    if (kind == ColumnKind.STRING) {
      Object[] out = new Object[count];
      for (int i = 0; i < count; i++) {
        out[i] = values[groups[i]];
      }
      return Column.ofStrings(count, out, nulls);
    }
    if (allNarrow) {
      long[] out = new long[count];
      for (int i = 0; i < count; i++) {
        out[i] = unscaled[groups[i]];
      }
      return Column.ofDecimals(count, scale, out, nulls);
    }
    Object[] out = new Object[count];
    for (int i = 0; i < count; i++) {
      int g = groups[i];
      out[i] = narrow[g] ? BigDecimal.valueOf(unscaled[g], scale) : values[g];
    }
    return Column.ofBigDecimals(count, scale, out, nulls);
  }
}
