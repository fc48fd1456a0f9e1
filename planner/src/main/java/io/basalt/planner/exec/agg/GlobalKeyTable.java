package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Column;
import java.util.Arrays;

/** The key table of an aggregation without GROUP BY: one group that exists even with no rows. */
final class GlobalKeyTable extends KeyTable {
  @Override
  int size() {
    return 1;
  }

  @Override
  void groupIds(Column[] keys, int count, int[] out) {
    Arrays.fill(out, 0, count, 0);
  }

  @Override
  long hash(int group) {
    return 0;
  }

  @Override
  Column keyColumn(int field, int[] groups, int count) {
    throw new IllegalStateException("a global aggregation has no key fields");
  }

  @Override
  void expect(int groups) {}

  @Override
  long bytes() {
    return 0;
  }
}
