package io.basalt.planner.rel;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Derives from an OR in an inner join's condition the filters it implies on each input, so that
 * they can be pushed down to the scans. In TPC-H Q7,
 * {@code (n1 = 'FRANCE' AND n2 = 'GERMANY') OR (n1 = 'GERMANY' AND n2 = 'FRANCE')} implies
 * {@code n1 IN ('FRANCE', 'GERMANY')} on one side and the same for {@code n2} on the other: each
 * nation scan then keeps 2 rows instead of 25, and every join above shrinks with it. The OR
 * itself stays in the join condition. A side gets a filter only if every branch of the OR has a
 * conjunct on that side alone.
 */
public final class OrPredicateDerivation extends RelShuttleImpl {
  private OrPredicateDerivation() {}

  /** The plan with the derived filters added under its inner joins. */
  public static RelNode derive(RelNode root) {
    return root.accept(new OrPredicateDerivation());
  }

  @Override
  public RelNode visit(LogicalJoin original) {
    RelNode visited = super.visit(original);
    if (!(visited instanceof LogicalJoin join) || join.getJoinType() != JoinRelType.INNER) {
      return visited;
    }
    RexBuilder rexBuilder = join.getCluster().getRexBuilder();
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int total = leftCount + join.getRight().getRowType().getFieldCount();
    ImmutableBitSet leftFields = ImmutableBitSet.range(0, leftCount);
    ImmutableBitSet rightFields = ImmutableBitSet.range(leftCount, total);
    List<RexNode> onLeft = new ArrayList<>();
    List<RexNode> onRight = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
      List<RexNode> branches = RelOptUtil.disjunctions(conjunct);
      if (branches.size() < 2) {
        continue;
      }
      RexNode left = implied(rexBuilder, branches, leftFields);
      if (left != null) {
        onLeft.add(left);
      }
      RexNode right = implied(rexBuilder, branches, rightFields);
      if (right != null) {
        onRight.add(RexUtil.shift(right, -leftCount));
      }
    }
    if (onLeft.isEmpty() && onRight.isEmpty()) {
      return join;
    }
    RelNode newLeft = onLeft.isEmpty() ? join.getLeft()
        : LogicalFilter.create(join.getLeft(), RexUtil.composeConjunction(rexBuilder, onLeft));
    RelNode newRight = onRight.isEmpty() ? join.getRight()
        : LogicalFilter.create(join.getRight(), RexUtil.composeConjunction(rexBuilder, onRight));
    return join.copy(join.getTraitSet(), join.getCondition(), newLeft, newRight,
        join.getJoinType(), join.isSemiJoinDone());
  }

  /** The OR over the branches of their conjuncts within {@code side}, or null if one has none. */
  private static RexNode implied(RexBuilder rexBuilder, List<RexNode> branches,
      ImmutableBitSet side) {
    List<RexNode> parts = new ArrayList<>();
    for (RexNode branch : branches) {
      List<RexNode> within = new ArrayList<>();
      for (RexNode term : RelOptUtil.conjunctions(branch)) {
        ImmutableBitSet used = RelOptUtil.InputFinder.bits(term);
        if (!used.isEmpty() && side.contains(used)) {
          within.add(term);
        }
      }
      if (within.isEmpty()) {
        return null;
      }
      parts.add(RexUtil.composeConjunction(rexBuilder, within));
    }
    return RexUtil.composeDisjunction(rexBuilder, parts);
  }
}
