package io.basalt.planner.rel.vector;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Traces a field back to the table scan whose slices decide which partition a row is in: rows
 * keep the partition of the scan they came from through filters, projections and the probe
 * (left) side of hash joins. If the field is that table's KEY distribution column, rows with
 * equal values of it are in one partition.
 */
final class SliceAlignment {
  private SliceAlignment() {}

  static @Nullable BasaltTableScan scanDistributedOn(RelNode node, int field) {
    RelNode rel = Resolved.rel(node);
    if (rel instanceof BasaltTableScan scan) {
      int column = scan.logical().columns().get(field);
      return scan.logical().source().distribution().isKey(column) ? scan : null;
    }
    if (rel instanceof BasaltFilter filter) {
      return scanDistributedOn(filter.getInput(), field);
    }
    if (rel instanceof BasaltProject project) {
      RexNode expression = project.getProjects().get(field);
      return expression instanceof RexInputRef ref
          ? scanDistributedOn(project.getInput(), ref.getIndex()) : null;
    }
    if (rel instanceof BasaltHashJoin join) {
      JoinRelType type = join.getJoinType();
      boolean probeRowsStay = type == JoinRelType.INNER || type == JoinRelType.LEFT
          || type == JoinRelType.SEMI || type == JoinRelType.ANTI;
      return probeRowsStay && field < join.getLeft().getRowType().getFieldCount()
          ? scanDistributedOn(join.getLeft(), field) : null;
    }
    return null;
  }
}
