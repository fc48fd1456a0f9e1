package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.BatchesNode;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.expr.ExpressionCompiler;
import io.basalt.planner.exec.expr.VectorExpression;
import io.basalt.planner.exec.join.HashJoinNode;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A hash join in the engine: the right input is built once into a hash table shared by every
 * slice (a broadcast exchange), and each slice of the left input probes it. Equi-keys come from
 * the condition; what remains of it is evaluated on the candidate pairs.
 */
final class BasaltHashJoin extends Join implements BasaltRel {
  BasaltHashJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
      RexNode condition, JoinRelType joinType) {
    super(cluster, traits, List.of(), left, right, condition, Set.of(), joinType);
  }

  static boolean supports(Join join) {
    return node(join, new BatchesNode(List.of(), false), new BatchesNode(List.of(), false))
        != null;
  }

  /** The plan node over the given inputs, or null when the engine cannot run this join. */
  private static @Nullable PlanNode node(Join join, PlanNode left, PlanNode right) {
    JoinInfo info = JoinInfo.createWithStrictEquality(join.getLeft(), join.getRight(),
        join.getCondition());
    if (info.leftKeys.isEmpty()) {
      return KeylessJoin.node(join, left, right);
    }
    VectorExpression residual = null;
    ImmutableBitSet residualInputs = null;
    if (!info.isEqui()) {
      RexNode remaining = RexUtil.composeConjunction(join.getCluster().getRexBuilder(),
          info.nonEquiConditions);
      RelDataType pairType = SqlValidatorUtil.createJoinType(join.getCluster().getTypeFactory(),
          join.getLeft().getRowType(), join.getRight().getRowType(), null, List.of());
      residual = ExpressionCompiler.compile(remaining, pairType);
      residualInputs = RelOptUtil.InputFinder.bits(remaining);
      if (residual == null) {
        return null;
      }
    }
    return HashJoinNode.create(left, right, join.getLeft().getRowType(),
        join.getRight().getRowType(), info.leftKeys.toIntArray(), info.rightKeys.toIntArray(),
        join.getJoinType(), residual, residualInputs, join.getRowType());
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    // Not part of the digest: the label looks through inputs whose best plans Volcano is still
    // choosing, and a rel's digest must not change while it is registered.
    RelWriter terms = super.explainTerms(pw);
    return pw.getDetailLevel() == SqlExplainLevel.DIGEST_ATTRIBUTES ? terms
        : terms.item("distribution", DataMovement.label(this));
  }

  @Override
  public Join copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right,
      JoinRelType joinType, boolean semiJoinDone) {
    return new BasaltHashJoin(getCluster(), traitSet, left, right, condition, joinType);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // As Enumerable's hash join: building costs more per row than probing.
    double leftRows = mq.getRowCount(getLeft());
    double rightRows = mq.getRowCount(getRight());
    double rows = mq.getRowCount(this);
    return planner.getCostFactory()
        .makeCost(rows, leftRows + 2 * rightRows, 0).multiplyBy(COST_FACTOR);
  }

  @Override
  public PlanNode compile(PlanCompiler compiler) {
    PlanNode left = compiler.compile(getLeft());
    PlanNode right = compiler.compile(getRight());
    if (joinType == JoinRelType.INNER) {
      JoinInfo info = JoinInfo.createWithStrictEquality(getLeft(), getRight(), getCondition());
      if (!info.leftKeys.isEmpty()) {
        left = SemiJoinReduction.reduce(getLeft(), info.leftKeys, getRight(), info.rightKeys,
            compiler, left);
        right = SemiJoinReduction.reduce(getRight(), info.rightKeys, getLeft(), info.leftKeys,
            compiler, right);
      }
    }
    return node(this, left, right);
  }
}
