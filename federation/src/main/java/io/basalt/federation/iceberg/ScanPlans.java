package io.basalt.federation.iceberg;

import io.basalt.planner.source.Split;
import io.basalt.storage.ColumnPredicate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.iceberg.metrics.ScanReport;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The splits that recent scans planned, by table, snapshot, schema and pushed predicates. A
 * snapshot never changes, so the same scan of it plans the same data files and delete files;
 * keeping the plan spares a repeated query (a dashboard's, a prepared statement's) the reading
 * and decoding of the snapshot's manifests, which costs tens of milliseconds a table even when
 * the manifests' bytes are cached. A commit makes a new snapshot, hence a new key.
 */
final class ScanPlans {
  /** Plans kept: enough for the tables of a few busy dashboards, small beside the data. */
  private static final int CAPACITY = 256;

  /** What identifies a plan: {@code table} is the table's UUID, unique across renames. */
  record Key(String table, long snapshotId, int schemaId, List<ColumnPredicate> predicates) {
    Key {
      predicates = List.copyOf(predicates);
    }
  }

  /** A scan's splits and Iceberg's report of its planning (what EXPLAIN ANALYZE shows). */
  record Plan(List<Split> splits, @Nullable ScanReport report) {
    Plan {
      splits = List.copyOf(splits);
    }
  }

  private final Map<Key, Plan> recent = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Plan> eldest) {
      return size() > CAPACITY;
    }
  };

  /** The plan of {@code key}: a kept one, or {@code planner}'s, which is then kept. */
  Plan plan(Key key, Supplier<Plan> planner) {
    synchronized (recent) {
      Plan kept = recent.get(key);
      if (kept != null) {
        return kept;
      }
    }
    // Planned outside the lock: two scans of one new snapshot may both plan it, harmlessly.
    Plan planned = planner.get();
    synchronized (recent) {
      recent.put(key, planned);
    }
    return planned;
  }
}
