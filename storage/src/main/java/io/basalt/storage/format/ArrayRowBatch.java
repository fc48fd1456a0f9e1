package io.basalt.storage.format;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.ColumnType;
import io.basalt.storage.ColumnVector;
import io.basalt.storage.RowBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RowBatch} of column vectors, usually {@link ArrayColumnVector}s; {@link #builder}
 * makes one from rows in the storage representation of {@link ColumnType}.
 */
public final class ArrayRowBatch implements RowBatch {
  private final int rowCount;
  private final ColumnVector[] columns;

  public ArrayRowBatch(int rowCount, List<? extends ColumnVector> columns) {
    this.rowCount = rowCount;
    this.columns = columns.toArray(new ColumnVector[0]);
    for (ColumnVector column : this.columns) {
      if (column.size() < rowCount) {
        throw new IllegalArgumentException("a column has " + column.size() + " of " + rowCount
            + " rows");
      }
    }
  }

  /** A batch builder for rows of these types, sized for about {@code expectedRows} rows. */
  public static Builder builder(List<ColumnType> types, int expectedRows) {
    return new Builder(types, expectedRows);
  }

  @Override
  public int rowCount() {
    return rowCount;
  }

  @Override
  public ColumnVector column(int index) {
    return columns[index];
  }

  @Override
  public int columnCount() {
    return columns.length;
  }

  /** Collects rows column by column; {@link #build} hands the arrays to the batch. */
  public static final class Builder {
    private final List<ColumnBuilder> columns = new ArrayList<>();
    private int rows;

    private Builder(List<ColumnType> types, int expectedRows) {
      requireNonNull(types, "types is null");
      for (ColumnType type : types) {
        columns.add(new ColumnBuilder(type, Math.max(1, expectedRows)));
      }
    }

    /**
     * Appends one row, its values in the storage representation (null for NULL); 42804 when a
     * value does not fit its column's type, and then nothing of the row is kept.
     */
    public Builder append(Object... row) {
      if (row.length != columns.size()) {
        throw new IllegalArgumentException("a row of " + row.length + " values for "
            + columns.size() + " columns");
      }
      for (int c = 0; c < row.length; c++) {
        try {
          columns.get(c).appendValue(row[c]);
        } catch (RuntimeException e) {
          for (int done = 0; done < c; done++) {
            columns.get(done).dropLast();
          }
          throw e;
        }
      }
      rows++;
      return this;
    }

    public int rowCount() {
      return rows;
    }

    /** The batch of the rows appended so far; the builder starts over empty. */
    public ArrayRowBatch build() {
      List<ArrayColumnVector> vectors = new ArrayList<>(columns.size());
      for (ColumnBuilder column : columns) {
        vectors.add(column.build());
      }
      int count = rows;
      rows = 0;
      return new ArrayRowBatch(count, vectors);
    }
  }
}
