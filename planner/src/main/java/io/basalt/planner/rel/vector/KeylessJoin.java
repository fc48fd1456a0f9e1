package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.ProjectNode;
import io.basalt.planner.exec.expr.ExpressionCompiler;
import io.basalt.planner.exec.expr.VectorExpression;
import io.basalt.planner.exec.join.HashJoinNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A join whose condition has no equality (a comparison with a scalar sub-query's single row, as
 * in TPC-H Q11 and Q22): run as a hash join on a constant key that every row shares, so that
 * each left row meets every right row and the condition decides. Meant for a small right side;
 * Calcite's nested loop would otherwise re-run the engine's right input once per left row.
 */
final class KeylessJoin {
  private static final VectorExpression ZERO =
      (batch, context) -> Column.ofLongs(batch.size(), new long[batch.size()], null);

  private KeylessJoin() {}

  static @Nullable PlanNode node(Join join, PlanNode left, PlanNode right) {
    RelDataTypeFactory types = join.getCluster().getTypeFactory();
    RelDataType leftType = withKey(types, join.getLeft().getRowType());
    RelDataType rightType = withKey(types, join.getRight().getRowType());
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int rightCount = join.getRight().getRowType().getFieldCount();
    // The condition over (left, key, right, key): right fields move one place up.
    RexNode condition = join.getCondition().accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return ref.getIndex() < leftCount ? ref
            : new RexInputRef(ref.getIndex() + 1, ref.getType());
      }
    });
    RelDataTypeFactory.Builder pair = types.builder();
    pair.addAll(leftType.getFieldList());
    pair.addAll(rightType.getFieldList());
    RelDataType pairType = pair.uniquify().build();
    VectorExpression residual = ExpressionCompiler.compile(condition, pairType);
    if (residual == null) {
      return null;
    }
    boolean projectsRight = join.getJoinType().projectsRight();
    RelDataType outputType = projectsRight ? pairType : leftType;
    PlanNode joined = HashJoinNode.create(withKey(left, leftCount), withKey(right, rightCount),
        leftType, rightType, new int[] {leftCount}, new int[] {rightCount}, join.getJoinType(),
        residual, RelOptUtil.InputFinder.bits(condition), outputType);
    if (joined == null) {
      return null;
    }
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < leftCount; i++) {
      kept.add(i);
    }
    if (projectsRight) {
      for (int i = 0; i < rightCount; i++) {
        kept.add(leftCount + 1 + i);
      }
    }
    int[] passThrough = kept.stream().mapToInt(Integer::intValue).toArray();
    return new ProjectNode(joined, nulls(passThrough.length), passThrough);
  }

  private static RelDataType withKey(RelDataTypeFactory types, RelDataType row) {
    RelDataTypeFactory.Builder builder = types.builder();
    builder.addAll(row.getFieldList());
    builder.add("$join_key", types.createSqlType(SqlTypeName.BIGINT));
    return builder.uniquify().build();
  }

  private static PlanNode withKey(PlanNode input, int fieldCount) {
    int[] passThrough = new int[fieldCount + 1];
    for (int i = 0; i < fieldCount; i++) {
      passThrough[i] = i;
    }
    passThrough[fieldCount] = -1;
    List<VectorExpression> expressions = nulls(fieldCount + 1);
    expressions.set(fieldCount, ZERO);
    return new ProjectNode(input, expressions, passThrough);
  }

  private static List<VectorExpression> nulls(int count) {
    List<VectorExpression> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(null);
    }
    return list;
  }
}
