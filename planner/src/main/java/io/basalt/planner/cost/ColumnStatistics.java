package io.basalt.planner.cost;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.ColumnVector;
import io.basalt.storage.RowBatch;
import io.basalt.storage.ScanRequest;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableSnapshot;
import io.basalt.storage.TableStats;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Distinct-value counts of table columns, which the optimizer needs to estimate how many rows a
 * join produces. A column is counted on first use by one pass over it and the count is kept
 * until the table's contents change (a later commit changes its size).
 */
public final class ColumnStatistics {
  private final StorageEngine storage;
  private final Map<Key, Long> distinct = new ConcurrentHashMap<>();

  /** A column of one version of a table. */
  private record Key(long tableId, int column, long rows, long bytes, long blocks) {}

  public ColumnStatistics(StorageEngine storage) {
    this.storage = requireNonNull(storage, "storage is null");
  }

  /** The number of distinct non-null values in the column, estimated. */
  public long distinctValues(TableDefinition table, int column) {
    TableSnapshot snapshot = storage.snapshot(table.schema(), table.name());
    TableStats stats = snapshot.stats();
    Key key = new Key(table.id(), column, stats.rowCount(), stats.sizeBytes(), stats.blockCount());
    return distinct.computeIfAbsent(key, k -> count(snapshot, column, stats.rowCount()));
  }

  private static long count(TableSnapshot snapshot, int column, long rows) {
    if (rows == 0) {
      return 0;
    }
    DistinctCounter counter = new DistinctCounter();
    Iterator<RowBatch> batches = snapshot.scan(
        new ScanRequest(new int[] {column}, List.of(), -1, () -> false));
    while (batches.hasNext()) {
      ColumnVector vector = batches.next().column(0);
      for (int row = 0; row < vector.size(); row++) {
        if (!vector.isNull(row)) {
          counter.add(vector.get(row));
        }
      }
    }
    return Math.max(1, Math.min(rows, counter.estimate()));
  }
}
