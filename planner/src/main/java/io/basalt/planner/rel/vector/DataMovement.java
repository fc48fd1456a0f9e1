package io.basalt.planner.rel.vector;

import io.basalt.storage.DistStyle;
import io.basalt.planner.source.SourceDistribution;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexInputRef;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a join's rows move between slices, labelled as Redshift's EXPLAIN labels it.
 * {@code DS_DIST_NONE}: both inputs are distributed on the join key, so each slice joins its
 * own rows. {@code DS_DIST_ALL_NONE}: the inner (build) input is a DISTSTYLE ALL table, whose
 * copy every slice already has. {@code DS_BCAST_INNER}: otherwise the build side is broadcast,
 * which is what Basalt's engine does (one hash table shared by every slice).
 */
final class DataMovement {
  private DataMovement() {}

  /** Where a field comes from: a column of a table source. */
  private record Origin(SourceDistribution distribution, int column) {}

  static String label(Join join) {
    JoinInfo info = JoinInfo.createWithStrictEquality(join.getLeft(), join.getRight(),
        join.getCondition());
    if (info.leftKeys.isEmpty()) {
      return "DS_BCAST_INNER";
    }
    Origin inner = origin(join.getRight(), info.rightKeys.get(0));
    if (inner != null && inner.distribution().style() == DistStyle.ALL) {
      return "DS_DIST_ALL_NONE";
    }
    for (int i = 0; i < info.leftKeys.size(); i++) {
      Origin left = origin(join.getLeft(), info.leftKeys.get(i));
      Origin right = origin(join.getRight(), info.rightKeys.get(i));
      if (isDistKey(left) && isDistKey(right)) {
        return "DS_DIST_NONE";
      }
    }
    return "DS_BCAST_INNER";
  }

  private static boolean isDistKey(@Nullable Origin origin) {
    return origin != null && origin.distribution().isKey(origin.column());
  }

  private static @Nullable Origin origin(RelNode node, int field) {
    RelNode rel = Resolved.rel(node);
    if (rel instanceof BasaltTableScan scan) {
      return new Origin(scan.logical().source().distribution(),
          scan.logical().columns().get(field));
    }
    if (rel instanceof Join join) {
      int leftCount = join.getLeft().getRowType().getFieldCount();
      return field < leftCount ? origin(join.getLeft(), field)
          : origin(join.getRight(), field - leftCount);
    }
    if (rel instanceof Filter filter) {
      return origin(filter.getInput(), field);
    }
    if (rel instanceof Project project
        && project.getProjects().get(field) instanceof RexInputRef ref) {
      return origin(project.getInput(), ref.getIndex());
    }
    return null;
  }
}
