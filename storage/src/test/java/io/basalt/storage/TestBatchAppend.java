package io.basalt.storage;

import static io.basalt.storage.Fixtures.column;
import static io.basalt.storage.Fixtures.notNull;
import static io.basalt.storage.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestBatchAppend {
  @TempDir
  Path directory;
  private StorageEngine engine;

  /** A column of a hand-built batch: only the arrays of its physical form are set. */
  private record Vector(ColumnType type, boolean[] nullFlags, long[] longValues,
      double[] doubleValues, Object[] objectValues) implements ColumnVector {
    @Override
    public int size() {
      throw new UnsupportedOperationException("the writer reads the arrays");
    }

    @Override
    public boolean isNull(int row) {
      throw new UnsupportedOperationException("the writer reads the arrays");
    }

    @Override
    public long getLong(int row) {
      throw new UnsupportedOperationException("the writer reads the arrays");
    }

    @Override
    public double getDouble(int row) {
      throw new UnsupportedOperationException("the writer reads the arrays");
    }

    @Override
    public Object get(int row) {
      throw new UnsupportedOperationException("the writer reads the arrays");
    }
  }

  /** A batch of hand-built columns. */
  private record Batch(int rowCount, List<ColumnVector> columns) implements RowBatch {
    @Override
    public ColumnVector column(int index) {
      return columns.get(index);
    }

    @Override
    public int columnCount() {
      return columns.size();
    }
  }

  @BeforeEach
  void createTable() {
    engine = Fixtures.open(directory, 100);
    engine.createTable(Fixtures.table("t", List.of(
        notNull("id", ColumnType.of(TypeName.INTEGER)),
        column("name", ColumnType.varchar(5)),
        column("price", ColumnType.decimal(5, 2)),
        column("score", ColumnType.of(TypeName.DOUBLE)))), false);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void appendsColumnsToTheirSlices() {
    Batch batch = new Batch(3, List.of(
        new Vector(ColumnType.of(TypeName.INTEGER), null, new long[] {1, 2, 3}, null, null),
        new Vector(ColumnType.varchar(5), new boolean[] {false, true, false}, null, null,
            new Object[] {"a", null, "c"}),
        new Vector(ColumnType.decimal(5, 2), new boolean[] {false, false, true},
            new long[] {150, -7, 0}, null, null),
        new Vector(ColumnType.of(TypeName.DOUBLE), null, null, new double[] {0.5, 1, 2}, null)));
    try (TableWriter writer = engine.newWriter("public", "t", WriteMode.APPEND)) {
      writer.append(new int[] {1, 0, 1}, batch);
      assertThat(writer.rowCount()).isEqualTo(3);
      writer.commit();
    }
    assertThat(readAll(engine, "t")).containsExactlyInAnyOrder(
        List.of(1, "a", new BigDecimal("1.50"), 0.5),
        Arrays.asList(2, null, new BigDecimal("-0.07"), 1.0),
        Arrays.asList(3, "c", null, 2.0));
  }

  @Test
  void nullInNotNullColumnRejectsTheWholeBatch() {
    Batch batch = new Batch(2, List.of(
        new Vector(ColumnType.of(TypeName.INTEGER), new boolean[] {false, true},
            new long[] {1, 0}, null, null),
        new Vector(ColumnType.varchar(5), null, null, null, new Object[] {"a", "b"}),
        new Vector(ColumnType.decimal(5, 2), null, new long[] {1, 2}, null, null),
        new Vector(ColumnType.of(TypeName.DOUBLE), null, null, new double[] {0, 0}, null)));
    try (TableWriter writer = engine.newWriter("public", "t", WriteMode.APPEND)) {
      assertThatThrownBy(() -> writer.append(new int[] {0, 1}, batch))
          .isInstanceOf(StorageException.class)
          .hasMessage("null value in column \"id\" of relation \"public.t\" violates not-null"
              + " constraint")
          .satisfies(e -> assertThat(((StorageException) e).sqlState()).isEqualTo("23502"));
      writer.commit();
    }
    assertThat(readAll(engine, "t")).isEmpty();
  }
}
