package io.basalt.federation.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ValueRange;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TestScanPlans {
  private final ScanPlans plans = new ScanPlans();
  private final AtomicInteger planned = new AtomicInteger();

  private ScanPlans.Plan plan(String table, long snapshot, List<ColumnPredicate> predicates) {
    return plans.plan(new ScanPlans.Key(table, snapshot, 0, predicates), () -> {
      planned.incrementAndGet();
      return new ScanPlans.Plan(List.of(), null);
    });
  }

  @Test
  void aScanOfTheSameSnapshotWithTheSamePredicatesIsPlannedOnce() {
    List<ColumnPredicate> point = List.of(
        new ColumnPredicate(0, List.of(ValueRange.point(7L)), false));
    ScanPlans.Plan first = plan("t", 1, point);
    assertThat(plan("t", 1, List.of(
        new ColumnPredicate(0, List.of(ValueRange.point(7L)), false)))).isSameAs(first);
    assertThat(planned).hasValue(1);

    plan("t", 2, point); // a commit: a new snapshot
    plan("t", 1, List.of()); // other predicates
    plan("u", 1, point); // another table
    assertThat(planned).hasValue(4);
  }

  @Test
  void theLeastRecentlyUsedPlansAreDropped() {
    plan("t", 0, List.of());
    for (int snapshot = 1; snapshot <= 300; snapshot++) {
      plan("t", snapshot, List.of());
      plan("t", 0, List.of()); // kept in use
    }
    assertThat(planned).hasValue(301);
    plan("t", 1, List.of());
    assertThat(planned).hasValue(302);
  }
}
