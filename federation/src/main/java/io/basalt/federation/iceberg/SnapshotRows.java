package io.basalt.federation.iceberg;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.iceberg.HistoryEntry;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * The rows of {@code $snapshots}, {@code $history} and {@code $refs}, all read from the table's
 * metadata file alone (no manifest is opened).
 */
final class SnapshotRows {
  private SnapshotRows() {}

  /** One row per snapshot kept, in commit order. */
  static List<Object[]> snapshots(Table table) {
    List<Object[]> rows = new ArrayList<>();
    for (Snapshot snapshot : table.snapshots()) {
      rows.add(new Object[] {snapshot.timestampMillis(), snapshot.snapshotId(),
          snapshot.parentId(), snapshot.operation(), snapshot.manifestListLocation(),
          MetadataJson.strings(snapshot.summary())});
    }
    return rows;
  }

  /**
   * One row per change of the current snapshot, oldest first. A snapshot is a current ancestor
   * when the current snapshot descends from it (or is it); a rollback leaves the snapshots it
   * undid in the history, no longer ancestors.
   */
  static List<Object[]> history(Table table) {
    Set<Long> ancestors = table.currentSnapshot() == null ? Set.of()
        : new HashSet<>(SnapshotUtil.currentAncestorIds(table));
    List<Object[]> rows = new ArrayList<>();
    for (HistoryEntry entry : table.history()) {
      Snapshot snapshot = table.snapshot(entry.snapshotId());
      // Expiring a snapshot keeps its history entry; its parent is then unknown.
      rows.add(new Object[] {entry.timestampMillis(), entry.snapshotId(),
          snapshot == null ? null : snapshot.parentId(),
          ancestors.contains(entry.snapshotId())});
    }
    return rows;
  }

  /** One row per branch or tag, by name. */
  static List<Object[]> refs(Table table) {
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<String, SnapshotRef> entry : new TreeMap<>(table.refs()).entrySet()) {
      SnapshotRef ref = entry.getValue();
      rows.add(new Object[] {entry.getKey(), ref.type().name(), ref.snapshotId(),
          ref.maxRefAgeMs(), ref.minSnapshotsToKeep(), ref.maxSnapshotAgeMs()});
    }
    return rows;
  }
}
