package io.basalt.planner.exec;

import java.util.Arrays;

/**
 * A group of rows passed between operators: one {@link Column} per field of the producing
 * operator's row type, all of {@link #size} rows. Immutable by convention, like its columns.
 */
public final class Batch {
  private final int size;
  private final Column[] columns;

  public Batch(int size, Column[] columns) {
    this.size = size;
    this.columns = columns;
    for (Column column : columns) {
      if (column.size != size) {
        throw new IllegalArgumentException("column of " + column.size + " rows in a batch of "
            + size);
      }
    }
  }

  public int size() {
    return size;
  }

  public int columnCount() {
    return columns.length;
  }

  public Column column(int index) {
    return columns[index];
  }

  /** The rows at {@code positions[0..count)} of every column. */
  public Batch select(int[] positions, int count) {
    Column[] selected = new Column[columns.length];
    for (int i = 0; i < columns.length; i++) {
      selected[i] = columns[i].select(positions, count);
    }
    return new Batch(count, selected);
  }

  /** A batch of the given columns of this one, in that order. */
  public Batch project(int[] fields) {
    Column[] projected = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      projected[i] = columns[fields[i]];
    }
    return new Batch(size, projected);
  }

  /** Approximate heap bytes held, for memory accounting. */
  public long estimatedBytes() {
    long bytes = 16;
    for (Column column : columns) {
      bytes += column.estimatedBytes();
    }
    return bytes;
  }

  @Override
  public String toString() {
    return "Batch[" + size + " rows, " + columns.length + " columns]" + Arrays.toString(
        Arrays.stream(columns).map(c -> c.kind).toArray());
  }
}
