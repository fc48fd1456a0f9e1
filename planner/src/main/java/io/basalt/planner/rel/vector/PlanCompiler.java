package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.RowConversion;
import io.basalt.planner.exec.RowsNode;
import io.basalt.planner.exec.ProfiledNode;
import io.basalt.planner.exec.SourceScanNode;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.RelNode;

/**
 * Turns a tree of {@link BasaltRel}s into plan nodes for one execution. Subtrees Calcite's
 * Enumerable engine runs arrive as the Enumerables the generated code built for this execution,
 * in the order {@link #fallbacks} lists their converters.
 */
public final class PlanCompiler {
  private final List<EnumerableToBasaltConverter> fallbacks;
  private final Enumerable<Object[]>[] rows;
  private final Map<BasaltTableScan, SourceScanNode> scans = new IdentityHashMap<>();

  private final ExecutionProfile.Collector profile;

  PlanCompiler(List<EnumerableToBasaltConverter> fallbacks, Enumerable<Object[]>[] rows,
      ExecutionProfile.Collector profile) {
    this.fallbacks = fallbacks;
    this.rows = rows;
    this.profile = profile;
  }

  /** Compiles a subtree; with a profile, every operator is wrapped to count rows and time. */
  public PlanNode compile(RelNode rel) {
    PlanNode node = ((BasaltRel) rel).compile(this);
    if (profile == null) {
      return node;
    }
    ProfiledNode profiled = new ProfiledNode(node);
    profile.put(rel, profiled);
    return profiled;
  }

  /** The scan node most recently compiled for {@code scan}. */
  SourceScanNode scanNode(BasaltTableScan scan) {
    return scans.get(scan);
  }

  void compiled(BasaltTableScan scan, SourceScanNode node) {
    scans.put(scan, node);
  }

  PlanNode fallback(EnumerableToBasaltConverter converter) {
    for (int i = 0; i < fallbacks.size(); i++) {
      if (fallbacks.get(i) == converter) {
        Enumerable<Object[]> input = rows[i];
        return new RowsNode(context -> input, new RowConversion(converter.getRowType()));
      }
    }
    throw new IllegalStateException("no rows for " + converter);
  }
}
