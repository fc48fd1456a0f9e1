package io.basalt.planner.rel;

import io.basalt.planner.rel.pushdown.SourceScanToRemoteRule;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/** Every planner rule Basalt adds to Calcite's, registered in one place. */
public final class SourceRules {
  /** The rules for table-source scans, in no particular order (Volcano picks by cost). */
  public static final List<RelOptRule> ALL = List.of(
      FilterIntoSourceScanRule.INSTANCE,
      ProjectIntoSourceScanRule.INSTANCE,
      LimitIntoSourceScanRule.INSTANCE,
      SourceScanToRemoteRule.INSTANCE,
      SourceScanToEnumerableRule.INSTANCE);

  private SourceRules() {}
}
