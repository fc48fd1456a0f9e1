package io.basalt.planner.rel.vector;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterImpl;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Where rows leave Basalt's engine for Calcite's Enumerable world (the statement's result, or an
 * operator the engine does not support). Its generated code hands the stashed
 * {@link ExecutablePlan} the Enumerables of the fallback subtrees below, then reads the
 * engine's gathered batches as rows.
 */
final class BasaltToEnumerableConverter extends ConverterImpl implements EnumerableRel {
  /** Volcano compares row counts only: crossing engines must cost less than the gain. */
  private static final double COST_PER_ROW = 0.01;

  private final EngineSettings settings;

  BasaltToEnumerableConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      EngineSettings settings) {
    super(cluster, null, traits, input);
    this.settings = settings;
  }

  static RelTraitSet traits(RelNode input) {
    return input.getTraitSet().replace(EnumerableConvention.INSTANCE);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new BasaltToEnumerableConverter(getCluster(), traitSet, sole(inputs), settings);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = mq.getRowCount(getInput());
    return planner.getCostFactory().makeCost(rows * COST_PER_ROW, rows * COST_PER_ROW, 0);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer prefer) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        prefer.preferArray());
    BlockBuilder builder = new BlockBuilder();
    List<EnumerableToBasaltConverter> fallbacks = new ArrayList<>();
    collectFallbacks(getInput(), fallbacks);
    List<Expression> rows = new ArrayList<>();
    for (int i = 0; i < fallbacks.size(); i++) {
      Result child = ((EnumerableRel) fallbacks.get(i).getInput()).implement(implementor,
          Prefer.ARRAY);
      Expression enumerable = builder.append("fallback" + i, child.block);
      rows.add(child.physType.convertTo(enumerable, JavaRowFormat.ARRAY));
    }
    ExecutablePlan plan = new ExecutablePlan((BasaltRel) getInput(), fallbacks, settings);
    Expression stashed = implementor.stash(plan, ExecutablePlan.class);
    String method = physType.getFormat() == JavaRowFormat.SCALAR ? "executeValues" : "execute";
    builder.add(Expressions.return_(null, Expressions.call(stashed, method,
        implementor.getRootExpression(), Expressions.newArrayInit(Enumerable.class, rows))));
    return implementor.result(physType, builder.toBlock());
  }

  /** The fallback converters under {@code rel}, not looking inside the subtrees they run. */
  private static void collectFallbacks(RelNode rel, List<EnumerableToBasaltConverter> found) {
    if (rel instanceof EnumerableToBasaltConverter converter) {
      found.add(converter);
      return;
    }
    for (RelNode input : rel.getInputs()) {
      collectFallbacks(input, found);
    }
  }
}
