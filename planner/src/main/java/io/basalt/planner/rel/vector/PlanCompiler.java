package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.RowConversion;
import io.basalt.planner.exec.RowsNode;
import io.basalt.planner.exec.ProfiledNode;
import io.basalt.planner.exec.SharedNode;
import io.basalt.planner.exec.SourceScanNode;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
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
  /** The aggregates the plan reads more than once (found at the root), and their nodes. */
  private Set<RelNode> shared;
  private final Map<RelNode, PlanNode> sharedNodes = new IdentityHashMap<>();

  PlanCompiler(List<EnumerableToBasaltConverter> fallbacks, Enumerable<Object[]>[] rows,
      ExecutionProfile.Collector profile) {
    this.fallbacks = fallbacks;
    this.rows = rows;
    this.profile = profile;
  }

  /** Compiles a subtree; with a profile, every operator is wrapped to count rows and time. */
  public PlanNode compile(RelNode rel) {
    if (shared == null) {
      shared = sharedAggregates(rel);
    }
    if (!shared.contains(rel)) {
      return compileOnce(rel);
    }
    PlanNode node = sharedNodes.get(rel);
    if (node == null) {
      node = new SharedNode(compileOnce(rel));
      sharedNodes.put(rel, node);
    }
    return node;
  }

  /**
   * The aggregates that more than one parent reads: Calcite's plan is a DAG in which a WITH query
   * referenced twice is one subtree. They are computed once and their (small) results replayed;
   * shared scans and joins, whose results may be large, still run once per reader.
   */
  private static Set<RelNode> sharedAggregates(RelNode root) {
    Map<RelNode, Integer> parents = new IdentityHashMap<>();
    countParents(root, parents);
    Set<RelNode> result = Collections.newSetFromMap(new IdentityHashMap<>());
    parents.forEach((rel, count) -> {
      if (count > 1 && rel instanceof BasaltAggregate) {
        result.add(rel);
      }
    });
    return result;
  }

  private static void countParents(RelNode rel, Map<RelNode, Integer> parents) {
    for (RelNode input : rel.getInputs()) {
      if (parents.merge(input, 1, Integer::sum) == 1) {
        countParents(input, parents);
      }
    }
  }

  private PlanNode compileOnce(RelNode rel) {
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
