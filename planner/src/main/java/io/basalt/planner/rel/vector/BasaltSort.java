package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.BatchesNode;
import io.basalt.planner.exec.ColumnKinds;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.sort.SortNode;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/** ORDER BY, top-N and LIMIT/OFFSET in the engine. */
final class BasaltSort extends Sort implements BasaltRel {
  BasaltSort(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelCollation collation,
      @Nullable RexNode offset, @Nullable RexNode fetch) {
    super(cluster, traits, input, collation, offset, fetch);
  }

  static boolean supports(Sort sort) {
    return isConstant(sort.offset) && isConstant(sort.fetch)
        && ColumnKinds.supportsRow(sort.getRowType())
        && SortNode.create(new BatchesNode(List.of(), false), sort.getRowType(),
            sort.getCollation(), value(sort.offset, 0), value(sort.fetch, -1)) != null;
  }

  private static boolean isConstant(@Nullable RexNode node) {
    return node == null || node instanceof RexLiteral;
  }

  private static long value(@Nullable RexNode node, long absent) {
    return node == null ? absent : ((RexLiteral) node).getValueAs(Long.class);
  }

  @Override
  public Sort copy(RelTraitSet traitSet, RelNode newInput, RelCollation newCollation,
      @Nullable RexNode offset, @Nullable RexNode fetch) {
    return new BasaltSort(getCluster(), traitSet, newInput, newCollation, offset, fetch);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(COST_FACTOR);
  }

  @Override
  public PlanNode compile(PlanCompiler compiler) {
    return SortNode.create(compiler.compile(getInput()), getRowType(), getCollation(),
        value(offset, 0), value(fetch, -1));
  }
}
