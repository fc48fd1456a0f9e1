package io.basalt.planner.rel.vector;

import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;

/** Looks through the planners' placeholders (Volcano subsets, Hep vertices) to a real rel. */
final class Resolved {
  private Resolved() {}

  /** The rel itself, a subset's best plan (else its original), or a vertex's current rel. */
  static RelNode rel(RelNode rel) {
    if (rel instanceof RelSubset subset) {
      RelNode best = subset.getBest() != null ? subset.getBest() : subset.getOriginal();
      return best == null ? rel : rel(best);
    }
    return rel instanceof HepRelVertex vertex ? rel(vertex.getCurrentRel()) : rel;
  }
}
