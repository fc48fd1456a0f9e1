package io.basalt.planner.exec.sort;

import io.basalt.planner.exec.Batch;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the first {@code limit} rows in ORDER BY order of one partition's input without sorting
 * all of it: rows that do not beat the current last of the best rows are dropped as they arrive,
 * and the survivors are sorted into the best rows only once enough of them pile up.
 */
final class TopNBuffer {
  /** Compact no more often than every this many pending rows, so tiny limits stay cheap. */
  private static final int MIN_PENDING_ROWS = 4096;

  private final List<SortKey> keys;
  private final int limit;
  private final int columnCount;
  private final Reservation reservation;
  private final List<Batch> pending = new ArrayList<>();
  private long pendingRows;
  private long pendingBytes;
  /** The best rows so far, in order; at most {@code limit} of them. */
  private Batch best;
  private long bestBytes;

  TopNBuffer(List<SortKey> keys, int limit, int columnCount, Reservation reservation) {
    this.keys = keys;
    this.limit = limit;
    this.columnCount = columnCount;
    this.reservation = reservation;
  }

  void add(Batch batch) {
    Batch survivors = batch;
    if (best != null && best.size() == limit) {
      RowComparator comparator = new RowComparator(batch, best, keys);
      int last = limit - 1;
      int[] positions = new int[batch.size()];
      int count = 0;
      for (int row = 0; row < batch.size(); row++) {
        // A row equal to the last best row may be dropped: equal keys come in any order.
        if (comparator.compare(row, last) < 0) {
          positions[count++] = row;
        }
      }
      if (count == 0) {
        return;
      }
      survivors = count == batch.size() ? batch : batch.select(positions, count);
    }
    long bytes = survivors.estimatedBytes();
    reservation.reserve(bytes);
    pending.add(survivors);
    pendingBytes += bytes;
    pendingRows += survivors.size();
    if (pendingRows >= Math.max(limit, MIN_PENDING_ROWS)) {
      compact();
    }
  }

  /** The best rows in order, or null when the input had none. */
  SortedRun finish() {
    if (!pending.isEmpty()) {
      compact();
    }
    return best == null ? null : SortedRun.ordered(best);
  }

  private void compact() {
    List<Batch> all = new ArrayList<>(pending.size() + 1);
    if (best != null) {
      all.add(best);
    }
    all.addAll(pending);
    Batch rows = Columns.concat(all, columnCount);
    int[] order = IndexSort.sort(rows, keys);
    int count = Math.min(limit, rows.size());
    Batch kept = rows.select(order, count);
    long keptBytes = kept.estimatedBytes();
    reservation.reserve(keptBytes);
    reservation.release(pendingBytes + bestBytes);
    best = kept;
    bestBytes = keptBytes;
    pending.clear();
    pendingRows = 0;
    pendingBytes = 0;
  }
}
