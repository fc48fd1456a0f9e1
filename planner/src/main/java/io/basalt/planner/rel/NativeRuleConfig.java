package io.basalt.planner.rel;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An immutable {@link RelRule.Config} written by hand (Calcite generates its own with the
 * Immutables annotation processor, which Basalt does not use).
 */
record NativeRuleConfig(
    RelBuilderFactory relBuilderFactory,
    @Nullable String description,
    RelRule.OperandTransform operandSupplier,
    Function<NativeRuleConfig, RelOptRule> factory) implements RelRule.Config {

  static NativeRuleConfig of(String description, RelRule.OperandTransform operands,
      Function<NativeRuleConfig, RelOptRule> factory) {
    return new NativeRuleConfig(RelFactories.LOGICAL_BUILDER, description, operands, factory);
  }

  @Override
  public RelOptRule toRule() {
    return factory.apply(this);
  }

  @Override
  public NativeRuleConfig withRelBuilderFactory(RelBuilderFactory newFactory) {
    return new NativeRuleConfig(newFactory, description, operandSupplier, factory);
  }

  @Override
  public NativeRuleConfig withDescription(@Nullable String newDescription) {
    return new NativeRuleConfig(relBuilderFactory, newDescription, operandSupplier, factory);
  }

  @Override
  public NativeRuleConfig withOperandSupplier(RelRule.OperandTransform transform) {
    return new NativeRuleConfig(relBuilderFactory, description, transform, factory);
  }
}
