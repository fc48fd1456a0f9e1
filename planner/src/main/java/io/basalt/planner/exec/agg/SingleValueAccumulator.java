package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import io.basalt.storage.StorageException;
import java.util.Arrays;

/**
 * SINGLE_VALUE, the aggregate behind a scalar subquery: the value of a group's only row (NULL
 * with no row), and SQLSTATE 21000 when a group has more than one row.
 */
final class SingleValueAccumulator extends Accumulator {
  private final ColumnKind kind;
  private final int scale;
  private long[] rows = new long[0];
  private long[] longs = new long[0];
  private double[] doubles = new double[0];
  private Object[] objects = new Object[0];
  private boolean[] nulls = new boolean[0];

  SingleValueAccumulator(int[] args, int filterArg, ColumnKind kind, int scale) {
    super(args, filterArg);
    this.kind = kind;
    this.scale = scale;
  }

  @Override
  Accumulator copy() {
    return new SingleValueAccumulator(args, filterArg, kind, scale);
  }

  @Override
  void ensureCapacity(int groups) {
    if (rows.length < groups) {
      int capacity = grownCapacity(rows.length, groups);
      rows = Arrays.copyOf(rows, capacity);
      nulls = Arrays.copyOf(nulls, capacity);
      switch (kind) {
        case LONG -> longs = Arrays.copyOf(longs, capacity);
        case DOUBLE -> doubles = Arrays.copyOf(doubles, capacity);
        case DECIMAL, STRING -> objects = Arrays.copyOf(objects, capacity);
      }
    }
  }

  @Override
  long bytesPerGroup() {
    return 17;
  }

  @Override
  void add(Batch batch, int[] groupIds, int count) {
    // Every admitted row counts, NULL or not: a subquery returning two NULLs is still an error.
    boolean[] skip = skipped(batch, count, false);
    Column column = batch.column(args[0]);
    for (int i = 0; i < count; i++) {
      if (skip != null && skip[i]) {
        continue;
      }
      int g = groupIds[i];
      if (++rows[g] > 1) {
        throw tooManyRows();
      }
      if (column.isNull(i)) {
        nulls[g] = true;
        continue;
      }
      switch (kind) {
        case LONG -> longs[g] = column.longs[i];
        case DOUBLE -> doubles[g] = column.doubles[i];
        case STRING -> objects[g] = column.objects[i];
        case DECIMAL -> objects[g] = column.decimal(i).setScale(scale);
      }
    }
  }

  static StorageException tooManyRows() {
    return new StorageException("21000",
        "more than one row returned by a subquery used as an expression");
  }

  @Override
  void merge(Accumulator partial, int[] from, int[] to, int count) {
    SingleValueAccumulator other = (SingleValueAccumulator) partial;
    for (int i = 0; i < count; i++) {
      int f = from[i];
      if (other.rows[f] == 0) {
        continue;
      }
      int t = to[i];
      rows[t] += other.rows[f];
      if (rows[t] > 1) {
        throw tooManyRows();
      }
      nulls[t] = other.nulls[f];
      switch (kind) {
        case LONG -> longs[t] = other.longs[f];
        case DOUBLE -> doubles[t] = other.doubles[f];
        case DECIMAL, STRING -> objects[t] = other.objects[f];
      }
    }
  }

  @Override
  Column result(int[] groups, int count) {
    boolean[] out = null;
    for (int i = 0; i < count; i++) {
      int g = groups[i];
      if (rows[g] == 0 || nulls[g]) {
        if (out == null) {
          out = new boolean[count];
        }
        out[i] = true;
      }
    }
    switch (kind) {
      case LONG -> {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
          values[i] = longs[groups[i]];
        }
        return Column.ofLongs(count, values, out);
      }
      case DOUBLE -> {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
          values[i] = doubles[groups[i]];
        }
        return Column.ofDoubles(count, values, out);
      }
      case STRING, DECIMAL -> {
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
          boolean isNull = out != null && out[i];
          values[i] = isNull ? null : objects[groups[i]];
        }
        return kind == ColumnKind.STRING ? Column.ofStrings(count, values, out)
            : Column.ofBigDecimals(count, scale, values, out);
      }
    }
    throw new AssertionError(kind);
  }
}
