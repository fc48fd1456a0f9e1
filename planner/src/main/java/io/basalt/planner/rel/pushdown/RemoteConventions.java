package io.basalt.planner.rel.pushdown;

import io.basalt.planner.rel.SourceTableScan;
import io.basalt.planner.source.SqlSource;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;

/**
 * The remote conventions of one planning, one per {@link SqlSource} (by identity). The planner
 * finds it in its context; a planning without one (Basalt's engine switched off, which the
 * remote results need) pushes nothing into SQL sources.
 */
public final class RemoteConventions {
  private final Map<SqlSource, RemoteConvention> conventions = new IdentityHashMap<>();

  /** The conventions of a planning, in its planner's context. */
  public static Optional<RemoteConventions> of(RelOptPlanner planner) {
    return planner.getContext().maybeUnwrap(RemoteConventions.class);
  }

  /**
   * Adds to {@code planner} the rules of the conventions of every SQL source {@code rel} scans,
   * before the cost-based pass starts. Volcano matches a rule against the operators registered
   * after it was added, so rules added only when the first remote scan appears would never see
   * the joins and projections already registered above other scans.
   */
  public static void registerRules(RelOptPlanner planner, RelNode rel) {
    Optional<RemoteConventions> conventions = of(planner);
    if (conventions.isEmpty()) {
      return;
    }
    new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        if (other instanceof SourceTableScan scan) {
          scan.source().sqlPushdown().ifPresent(pushdown ->
              conventions.get().convention(pushdown.source()).register(planner));
        }
        return super.visit(other);
      }
    }.visit(rel);
  }

  synchronized RemoteConvention convention(SqlSource source) {
    return conventions.computeIfAbsent(source,
        s -> new RemoteConvention(s, conventions.size()));
  }
}
