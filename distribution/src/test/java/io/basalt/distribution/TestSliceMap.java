package io.basalt.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.DistStyle;
import io.basalt.storage.SortKeyKind;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TypeName;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestSliceMap {
  private static TableDefinition table(DistStyle style, String distKey) {
    return new TableDefinition(0, "public", "t",
        List.of(new ColumnDefinition("id", ColumnType.of(TypeName.BIGINT), true, null),
            new ColumnDefinition("name", ColumnType.varchar(10), true, null)),
        style, distKey, SortKeyKind.NONE, List.of(), false);
  }

  @Test
  void keyHashesEqualValuesOfDifferentTypesAlike() {
    SliceMap map = SliceMap.of(table(DistStyle.KEY, "id"), 16);
    for (long v = -50; v < 50; v++) {
      int slice = map.sliceOf(new Object[] {v, "x"});
      assertThat(map.sliceOf(new Object[] {(int) v, "x"})).isEqualTo(slice);
      assertThat(map.sliceOf(new Object[] {(short) v, "x"})).isEqualTo(slice);
      assertThat(map.sliceOf(new Object[] {BigDecimal.valueOf(v).setScale(2), "x"}))
          .isEqualTo(slice);
      assertThat(map.sliceOf(new Object[] {(double) v, "x"})).isEqualTo(slice);
    }
    assertThat(map.sliceOfKey(new BigDecimal("1.50"))).isEqualTo(map.sliceOfKey(
        new BigDecimal("1.5")));
  }

  @Test
  void keyPutsNullOnSliceZeroAndSpreadsValues() {
    SliceMap map = SliceMap.of(table(DistStyle.KEY, "id"), 8);
    assertThat(map.sliceOf(new Object[] {null, "x"})).isZero();
    int[] counts = new int[8];
    for (long v = 0; v < 80_000; v++) {
      counts[map.sliceOf(new Object[] {v, null})]++;
    }
    for (int count : counts) {
      assertThat(count).isBetween(9_000, 11_000);
    }
  }

  @Test
  void keyOnStringsIsStableAndSpread() {
    SliceMap map = new SliceMap(table(DistStyle.KEY, "name"), 4);
    assertThat(map.sliceOf(new Object[] {1L, "abc"}))
        .isEqualTo(map.sliceOf(new Object[] {2L, new String("abc")}));
    int[] counts = new int[4];
    for (int i = 0; i < 4000; i++) {
      counts[map.sliceOf(new Object[] {null, "customer#" + i})]++;
    }
    for (int count : counts) {
      assertThat(count).isBetween(800, 1200);
    }
  }

  @Test
  void evenAndAutoAreRoundRobinAndAllIsSliceZero() {
    SliceMap even = SliceMap.of(table(DistStyle.EVEN, null), 3);
    SliceMap auto = SliceMap.of(table(DistStyle.AUTO, null), 3);
    SliceMap all = SliceMap.of(table(DistStyle.ALL, null), 3);
    Object[] row = {1L, "a"};
    assertThat(List.of(even.sliceOf(row), even.sliceOf(row), even.sliceOf(row),
        even.sliceOf(row))).containsExactly(0, 1, 2, 0);
    assertThat(List.of(auto.sliceOf(row), auto.sliceOf(row))).containsExactly(0, 1);
    assertThat(all.sliceOf(row)).isZero();
    assertThat(all.sliceOf(row)).isZero();
  }

  @Test
  void rejectsMissingKeyColumnAndBadSliceCount() {
    assertThatThrownBy(() -> SliceMap.of(table(DistStyle.KEY, "nope"), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"nope\" does not exist");
    assertThatThrownBy(() -> SliceMap.of(table(DistStyle.EVEN, null), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
