package io.basalt.planner.rel;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Turns the logical native scan into its Enumerable implementation. */
public final class NativeScanToEnumerableRule extends ConverterRule {
  /** The rule instance. */
  public static final NativeScanToEnumerableRule INSTANCE = new NativeScanToEnumerableRule(
      Config.INSTANCE.withConversion(NativeTableScan.class, Convention.NONE,
          EnumerableConvention.INSTANCE, "NativeScanToEnumerableRule"));

  private NativeScanToEnumerableRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    NativeTableScan scan = (NativeTableScan) rel;
    return new EnumerableNativeScan(scan, EnumerableNativeScan.enumerableTraits(scan),
        scan.storePredicates());
  }
}
