package io.basalt.planner.exec.sort;

import io.basalt.planner.exec.PlanNode;
import java.util.List;

/** STUB until the union lands. */
public final class UnionAllNode {
  private UnionAllNode() {}

  public static PlanNode create(List<PlanNode> inputs) {
    return null;
  }
}
