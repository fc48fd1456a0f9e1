package io.basalt.planner.exec.join;

import io.basalt.planner.exec.ColumnKind;
import io.basalt.planner.exec.ColumnKinds;
import io.basalt.planner.exec.Operator;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.QueryContext;
import io.basalt.planner.exec.expr.VectorExpression;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An equi-join by hashing: the right input (the build side) is drained once per execution into
 * a hash table that every partition of the left input (the probe side) reads, like a broadcast
 * exchange. Output rows are the left fields then the right fields (only the left fields for SEMI
 * and ANTI), the outer sides filled with NULLs. SEMI and ANTI joins drain both inputs and hash
 * the one with fewer rows (the EXISTS side is often the big one).
 */
public final class HashJoinNode implements PlanNode {
  final PlanNode left;
  final PlanNode right;
  final int[] leftKeys;
  final int[] rightKeys;
  final JoinRelType joinType;
  final @Nullable VectorExpression residual;
  /** Fields (left ++ right) the residual reads; null when unknown (then it gets every field). */
  final @Nullable ImmutableBitSet residualInputs;
  final ColumnKind[] leftKinds;
  final int[] leftScales;
  final ColumnKind[] rightKinds;
  final int[] rightScales;
  /** Per execution (query context) state; weak so a failed query that never closes can't leak. */
  private final Map<QueryContext, SharedBuild> executions =
      Collections.synchronizedMap(new WeakHashMap<>());

  private HashJoinNode(PlanNode left, PlanNode right, int[] leftKeys, int[] rightKeys,
      JoinRelType joinType, @Nullable VectorExpression residual,
      @Nullable ImmutableBitSet residualInputs, RelDataType leftRowType,
      RelDataType rightRowType) {
    this.left = left;
    this.right = right;
    this.leftKeys = leftKeys.clone();
    this.rightKeys = rightKeys.clone();
    this.joinType = joinType;
    this.residual = residual;
    this.residualInputs = residualInputs;
    this.leftKinds = kinds(leftRowType);
    this.leftScales = scales(leftRowType);
    this.rightKinds = kinds(rightRowType);
    this.rightScales = scales(rightRowType);
  }

  /**
   * A hash join, or null when the engine cannot run it (then Enumerable does). probe = Calcite's
   * left input, build = its right input. {@code residual} is the non-equi part of the
   * condition over (left fields ++ right fields), a BOOLEAN expression, or null when the
   * condition is only the key equalities.
   */
  public static @Nullable PlanNode create(PlanNode left, PlanNode right,
      RelDataType leftRowType, RelDataType rightRowType, int[] leftKeys, int[] rightKeys,
      JoinRelType joinType, @Nullable VectorExpression residual, RelDataType outputRowType) {
    return create(left, right, leftRowType, rightRowType, leftKeys, rightKeys, joinType,
        residual, null, outputRowType);
  }

  /**
   * As {@link #create(PlanNode, PlanNode, RelDataType, RelDataType, int[], int[], JoinRelType,
   * VectorExpression, RelDataType)}, told which fields of (left ++ right) the residual reads
   * (e.g. {@code RelOptUtil.InputFinder.bits(condition)}): the join then gathers only those
   * fields for the candidate pairs, and the rest only for the pairs that pass. Fields outside
   * {@code residualInputs} are NULL placeholders in the batch the residual sees.
   */
  public static @Nullable PlanNode create(PlanNode left, PlanNode right,
      RelDataType leftRowType, RelDataType rightRowType, int[] leftKeys, int[] rightKeys,
      JoinRelType joinType, @Nullable VectorExpression residual,
      @Nullable ImmutableBitSet residualInputs, RelDataType outputRowType) {
    switch (joinType) {
      case INNER, LEFT, RIGHT, FULL, SEMI, ANTI -> { }
      default -> {
        return null;
      }
    }
    if (leftKeys.length == 0 || leftKeys.length != rightKeys.length
        || !ColumnKinds.supportsRow(leftRowType) || !ColumnKinds.supportsRow(rightRowType)
        || !ColumnKinds.supportsRow(outputRowType)) {
      return null;
    }
    List<RelDataTypeField> leftFields = leftRowType.getFieldList();
    List<RelDataTypeField> rightFields = rightRowType.getFieldList();
    boolean leftOnly = joinType == JoinRelType.SEMI || joinType == JoinRelType.ANTI;
    if (outputRowType.getFieldCount()
        != leftFields.size() + (leftOnly ? 0 : rightFields.size())) {
      return null;
    }
    for (int k = 0; k < leftKeys.length; k++) {
      if (leftKeys[k] < 0 || leftKeys[k] >= leftFields.size()
          || rightKeys[k] < 0 || rightKeys[k] >= rightFields.size()) {
        return null;
      }
      RelDataType leftType = leftFields.get(leftKeys[k]).getType();
      RelDataType rightType = rightFields.get(rightKeys[k]).getType();
      ColumnKind kind = ColumnKinds.of(leftType);
      if (kind != ColumnKinds.of(rightType)
          || (kind == ColumnKind.DECIMAL && leftType.getScale() != rightType.getScale())) {
        return null;
      }
    }
    return new HashJoinNode(left, right, leftKeys, rightKeys, joinType, residual,
        residual == null ? null : residualInputs, leftRowType, rightRowType);
  }

  private static ColumnKind[] kinds(RelDataType rowType) {
    List<RelDataTypeField> fields = rowType.getFieldList();
    ColumnKind[] kinds = new ColumnKind[fields.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = ColumnKinds.of(fields.get(i).getType());
    }
    return kinds;
  }

  private static int[] scales(RelDataType rowType) {
    List<RelDataTypeField> fields = rowType.getFieldList();
    int[] scales = new int[fields.size()];
    for (int i = 0; i < scales.length; i++) {
      RelDataType type = fields.get(i).getType();
      scales[i] = ColumnKinds.of(type) == ColumnKind.DECIMAL ? type.getScale() : 0;
    }
    return scales;
  }

  /** Whether right field {@code field} is read by the output or the residual. */
  boolean needsBuildField(int field) {
    return !leftOnlyOutput() || residual != null
        && (residualInputs == null || residualInputs.get(leftKinds.length + field));
  }

  /** SEMI and ANTI joins output the left fields only. */
  boolean leftOnlyOutput() {
    return joinType == JoinRelType.SEMI || joinType == JoinRelType.ANTI;
  }

  /** RIGHT and FULL joins emit the build rows no probe row matched. */
  boolean tracksBuildMatches() {
    return joinType == JoinRelType.RIGHT || joinType == JoinRelType.FULL;
  }

  @Override
  public int partitions(QueryContext context) {
    return left.partitions(context);
  }

  @Override
  public Operator open(QueryContext context, int partition) {
    SharedBuild shared = executions.computeIfAbsent(context,
        c -> new SharedBuild(partitions(c)));
    Operator probe = null;
    if (!leftOnlyOutput()) {
      // SEMI and ANTI joins drain the left input up front instead (see SharedBuild).
      try {
        probe = left.open(context, partition);
      } catch (RuntimeException | Error e) {
        closed(context, shared);
        throw e;
      }
    }
    return new HashJoinOperator(this, context, partition, shared, probe);
  }

  /** Called once per partition on close: the last one ends the execution's shared state. */
  void closed(QueryContext context, SharedBuild shared) {
    if (shared.close(context)) {
      executions.remove(context);
    }
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(left, right);
  }
}
