package io.basalt.planner.rel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns {@code [NOT] EXISTS (SELECT ... FROM x WHERE <condition on x and the outer row>)} in a
 * WHERE clause into a semi (anti) join of the outer rows with {@code x} on that condition.
 *
 * <p>Calcite's own route (sub-query to correlate, then decorrelation) cannot pull up a
 * correlated condition that is not an equality, such as TPC-H Q21's
 * {@code l3.l_suppkey <> l1.l_suppkey}: it joins the sub-query with a copy of every distinct outer
 * row instead, scanning the outer tables again for each sub-query. A semi join evaluates the
 * whole condition per candidate pair (equi-keys hashed, the rest checked on the matches).
 */
public final class ExistsToSemiJoinRule extends RelRule<RuleConfig> {
  /** The rule instance. */
  public static final ExistsToSemiJoinRule INSTANCE = (ExistsToSemiJoinRule)
      RuleConfig.of("ExistsToSemiJoinRule",
          b0 -> b0.operand(LogicalFilter.class)
              .predicate(filter -> RexUtil.SubQueryFinder.find(filter.getCondition()) != null)
              .anyInputs(),
          ExistsToSemiJoinRule::new).toRule();

  private ExistsToSemiJoinRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
    RelNode input = filter.getInput();
    List<RexNode> remaining = new ArrayList<>();
    boolean changed = false;
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      boolean negated = conjunct.getKind() == SqlKind.NOT;
      RexNode test = negated ? ((RexCall) conjunct).getOperands().get(0) : conjunct;
      RelNode joined = test instanceof RexSubQuery subQuery && subQuery.getKind() == SqlKind.EXISTS
          ? semiJoin(filter, input, subQuery, negated, rexBuilder) : null;
      if (joined == null) {
        remaining.add(conjunct);
      } else {
        input = joined;
        changed = true;
      }
    }
    if (!changed) {
      return;
    }
    RexNode rest = RexUtil.composeConjunction(rexBuilder, remaining);
    Set<CorrelationId> stillUsed = RelOptUtil.getVariablesUsed(input);
    call.transformTo(rest.isAlwaysTrue() && stillUsed.isEmpty() ? input
        : LogicalFilter.create(input, rest, com.google.common.collect.ImmutableSet.copyOf(
            filter.getVariablesSet())));
  }

  /**
   * The semi (anti) join of {@code outer} with the sub-query's source, or null when the
   * sub-query is not a filter over a source free of correlation.
   */
  private static @Nullable RelNode semiJoin(Filter filter, RelNode outer, RexSubQuery subQuery,
      boolean negated, RexBuilder rexBuilder) {
    RelNode rel = unwrap(subQuery.rel);
    while (rel instanceof Project project) {
      rel = unwrap(project.getInput());
    }
    if (!(rel instanceof Filter inner)) {
      return null;
    }
    RelNode source = unwrap(inner.getInput());
    if (!RelOptUtil.getVariablesUsed(source).isEmpty()) {
      return null;
    }
    Set<CorrelationId> defined = filter.getVariablesSet();
    int outerCount = outer.getRowType().getFieldCount();
    if (outerCount != filter.getInput().getRowType().getFieldCount()) {
      return null;
    }
    boolean[] valid = {true};
    RexNode condition = inner.getCondition().accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(ref.getIndex() + outerCount, ref.getType());
      }

      @Override
      public RexNode visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexCorrelVariable variable) {
          if (!defined.contains(variable.id)) {
            valid[0] = false;
            return access;
          }
          int index = access.getField().getIndex();
          return new RexInputRef(index, outer.getRowType().getFieldList().get(index).getType());
        }
        return super.visitFieldAccess(access);
      }

      @Override
      public RexNode visitCorrelVariable(RexCorrelVariable variable) {
        valid[0] = false;
        return variable;
      }

      @Override
      public RexNode visitSubQuery(RexSubQuery nested) {
        valid[0] = false;
        return nested;
      }
    });
    if (!valid[0]) {
      return null;
    }
    return LogicalJoin.create(outer, source, List.of(), condition, Set.of(),
        negated ? JoinRelType.ANTI : JoinRelType.SEMI);
  }

  private static RelNode unwrap(RelNode rel) {
    return rel instanceof HepRelVertex vertex ? vertex.getCurrentRel() : rel;
  }
}
