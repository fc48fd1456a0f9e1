package io.basalt.storage.sortkey;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.ColumnType;
import io.basalt.storage.SortKeyKind;
import io.basalt.storage.TypeName;
import io.basalt.storage.block.ColumnBuffer;
import io.basalt.storage.block.LongColumnBuffer;
import io.basalt.storage.block.ObjectColumnBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TestRowSorter {
  private static ColumnBuffer[] randomColumns(Random random, int rows, boolean wideKeys) {
    LongColumnBuffer first = (LongColumnBuffer) ColumnBuffer.create(ColumnType.of(
        TypeName.BIGINT));
    ObjectColumnBuffer second = (ObjectColumnBuffer) ColumnBuffer.create(ColumnType.character(
        4));
    for (int i = 0; i < rows; i++) {
      if (random.nextInt(10) == 0) {
        first.addNull();
      } else {
        first.add(wideKeys ? random.nextLong() >> random.nextInt(2) * 62 : random.nextInt(20)
            - 10);
      }
      if (random.nextInt(10) == 0) {
        second.addNull();
      } else {
        second.add("k" + random.nextInt(5) + (random.nextBoolean() ? " " : ""));
      }
    }
    return new ColumnBuffer[] {first, second};
  }

  private static void assertCompoundOrder(ColumnBuffer[] columns, int[] order) {
    for (int i = 1; i < order.length; i++) {
      int a = order[i - 1];
      int b = order[i];
      int c = columns[0].compare(a, b);
      if (c == 0) {
        c = columns[1].compare(a, b);
      }
      assertThat(c).as("rows %d and %d", a, b).isLessThanOrEqualTo(0);
    }
  }

  @Test
  void compoundOrdersByEveryKeyWithNullsLast() {
    Random random = new Random(11);
    for (boolean wide : new boolean[] {false, true}) {
      ColumnBuffer[] columns = randomColumns(random, 5000, wide);
      int[] order = RowSorter.order(columns, 5000, SortKeyKind.COMPOUND, new int[] {0, 1});
      assertThat(order).containsExactlyInAnyOrder(identity(5000));
      assertCompoundOrder(columns, order);
      assertThat(columns[0].isNull(order[4999])).isTrue();
    }
  }

  @Test
  void charKeysIgnoreTrailingBlanks() {
    ObjectColumnBuffer column = (ObjectColumnBuffer) ColumnBuffer.create(ColumnType.character(3));
    column.add("b  ");
    column.add("a");
    column.add("b");
    column.add("a ");
    int[] order = RowSorter.order(new ColumnBuffer[] {column}, 4, SortKeyKind.COMPOUND,
        new int[] {0});
    assertThat(order).containsExactly(1, 3, 0, 2);
  }

  @Test
  void interleavedGivesEachColumnEqualWeight() {
    LongColumnBuffer x = (LongColumnBuffer) ColumnBuffer.create(ColumnType.of(TypeName.INTEGER));
    LongColumnBuffer y = (LongColumnBuffer) ColumnBuffer.create(ColumnType.of(TypeName.INTEGER));
    for (int i = 0; i < 16; i++) {
      x.add(i % 4);
      y.add(i / 4);
    }
    int[] order = RowSorter.order(new ColumnBuffer[] {x, y}, 16, SortKeyKind.INTERLEAVED,
        new int[] {0, 1});
    // The first quarter of a z-order over a 4x4 grid is the 2x2 corner at (0,0).
    for (int i = 0; i < 4; i++) {
      assertThat(x.get(order[i])).isLessThan(2);
      assertThat(y.get(order[i])).isLessThan(2);
    }
    assertThat(x.get(order[15])).isEqualTo(3);
    assertThat(y.get(order[15])).isEqualTo(3);
  }

  private static Integer[] identity(int rows) {
    Integer[] identity = new Integer[rows];
    for (int i = 0; i < rows; i++) {
      identity[i] = i;
    }
    return identity;
  }
}
