package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.PlanNode;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;

/**
 * A relational operator Basalt's vectorized engine runs. The plan is compiled into
 * {@link PlanNode}s afresh for every execution, so that nodes may keep per-execution state.
 */
public interface BasaltRel extends RelNode {
  /** Cost factor that makes the engine's operators preferred over Enumerable's. */
  double COST_FACTOR = 0.1;

  Convention CONVENTION = new Convention.Impl("BASALT", BasaltRel.class);

  PlanNode compile(PlanCompiler compiler);
}
