package io.basalt.planner.rel;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/** Every planner rule Basalt adds to Calcite's, registered in one place. */
public final class NativeRules {
  /** The rules for native tables, in no particular order (Volcano picks by cost). */
  public static final List<RelOptRule> ALL = List.of(
      FilterIntoNativeScanRule.INSTANCE,
      ProjectIntoNativeScanRule.INSTANCE,
      NativeScanToEnumerableRule.INSTANCE);

  private NativeRules() {}
}
