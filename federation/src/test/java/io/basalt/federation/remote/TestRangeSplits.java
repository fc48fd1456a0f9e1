package io.basalt.federation.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where range splits cut a column's [min, max]. */
class TestRangeSplits {
  @Test
  void cutsTheRangeIntoEqualParts() {
    assertThat(RangeSplits.cuts(0, 99, 4)).containsExactly(25L, 50L, 75L);
    assertThat(RangeSplits.cuts(7, 13993, 4)).containsExactly(3503L, 7000L, 10497L);
    assertThat(RangeSplits.cuts(-10, 9, 2)).containsExactly(0L);
  }

  @Test
  void neverCutsMoreRangesThanValues() {
    assertThat(RangeSplits.cuts(1, 3, 8)).containsExactly(2L, 3L);
    assertThat(RangeSplits.cuts(5, 6, 4)).containsExactly(6L);
  }

  @Test
  void theWholeLongRangeDoesNotOverflow() {
    assertThat(RangeSplits.cuts(Long.MIN_VALUE, Long.MAX_VALUE, 2)).containsExactly(0L);
    assertThat(RangeSplits.cuts(Long.MIN_VALUE, Long.MAX_VALUE, 4))
        .containsExactly(Long.MIN_VALUE / 2, 0L, Long.MAX_VALUE / 2 + 1);
  }
}
