package io.basalt.planner.rel;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Turns the logical source scan into its Enumerable implementation. */
public final class SourceScanToEnumerableRule extends ConverterRule {
  /** The rule instance. */
  public static final SourceScanToEnumerableRule INSTANCE = new SourceScanToEnumerableRule(
      Config.INSTANCE.withConversion(SourceTableScan.class, Convention.NONE,
          EnumerableConvention.INSTANCE, "SourceScanToEnumerableRule"));

  private SourceScanToEnumerableRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    SourceTableScan scan = (SourceTableScan) rel;
    return new EnumerableSourceScan(scan, EnumerableSourceScan.enumerableTraits(scan));
  }
}
