package io.basalt.planner.rel;

import io.basalt.storage.StorageException;
import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Snapshot;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/**
 * Folds each time-travel Snapshot into the scan it reads, so the source is asked for that
 * version in the {@link io.basalt.planner.source.ScanSpec}:
 *
 * <pre>
 * LogicalSnapshot(period=[$FOR_VERSION_AS_OF(1)])
 *   SourceTableScan(table=[[ice, t]])          =&gt;  SourceTableScan(table=[[ice, t]],
 *                                                     version=[snapshot 1])
 * </pre>
 *
 * <p>It runs first, before any rule has moved the Snapshot, and descends into sub-queries, which
 * are still expressions then. A projection or filter between the Snapshot and its scan (Calcite
 * trims unused columns under it) reads the same table, so the version passes through it. A
 * Snapshot over anything else (the validator lets no such query through) fails here rather
 * than reaching the cost-based planner, which could not implement it.
 */
public final class SnapshotFolding extends RelHomogeneousShuttle {
  private SnapshotFolding() {}

  /** The plan with every Snapshot folded into its scan. */
  public static RelNode fold(RelNode root) {
    return root.accept(new SnapshotFolding());
  }

  @Override
  public RelNode visit(RelNode other) {
    if (!(other instanceof Snapshot snapshot)) {
      return super.visit(other);
    }
    RelNode folded = atVersion(snapshot.getInput(),
        ScanVersion.of(snapshot.getPeriod(), snapshot.getCluster().getRexBuilder()));
    if (folded == null) {
      throw new StorageException("0A000", "Cannot read " + snapshot.getInput().getRelTypeName()
          + " at a version: only a scan of an Iceberg table has versions");
    }
    return folded.accept(this);
  }

  /** The scan under {@code rel} at {@code version}, or null if {@code rel} is no such scan. */
  private static RelNode atVersion(RelNode rel, ScanVersion version) {
    if (rel instanceof SourceTableScan scan) {
      return scan.version.isLatest() ? scan.withVersion(version) : null;
    }
    if (rel instanceof Project || rel instanceof Filter) {
      RelNode input = atVersion(rel.getInput(0), version);
      return input == null ? null : rel.copy(rel.getTraitSet(), List.of(input));
    }
    return null;
  }

  @Override
  protected RelNode visitChildren(RelNode rel) {
    return super.visitChildren(rel).accept(new RexShuttle() {
      @Override
      public RexNode visitSubQuery(RexSubQuery subQuery) {
        RexSubQuery visited = (RexSubQuery) super.visitSubQuery(subQuery);
        RelNode folded = visited.rel.accept(SnapshotFolding.this);
        return folded == visited.rel ? visited : visited.clone(folded);
      }
    });
  }
}
