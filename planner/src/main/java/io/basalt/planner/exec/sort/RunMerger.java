package io.basalt.planner.exec.sort;

import io.basalt.planner.exec.Batch;
import java.util.Arrays;
import java.util.List;

/**
 * Merges the sorted runs of all partitions into the final order, skips the OFFSET rows, stops
 * after the FETCH rows and hands out the result in batches of at most {@link #BATCH_ROWS}.
 */
final class RunMerger {
  static final int BATCH_ROWS = 1 << 16;

  private final SortedRun[] runs;
  private final int columnCount;
  private final int[] positions;
  /** {@code comparators[a][b]} compares rows of run a (left) with rows of run b (right). */
  private final RowComparator[][] comparators;
  private long toSkip;
  /** Rows still to emit, or -1 for all. */
  private long remaining;

  RunMerger(List<SortedRun> runs, List<SortKey> keys, int columnCount, long offset,
      long fetch) {
    this.runs = runs.toArray(new SortedRun[0]);
    this.columnCount = columnCount;
    this.positions = new int[this.runs.length];
    this.toSkip = offset;
    this.remaining = fetch;
    int n = this.runs.length;
    comparators = new RowComparator[n][n];
    if (n > 1) {
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          if (a != b) {
            comparators[a][b] = new RowComparator(this.runs[a].batch(), this.runs[b].batch(),
                keys);
          }
        }
      }
    }
  }

  /** The next batch of the result, or null at its end. */
  Batch next() {
    if (runs.length == 0 || remaining == 0) {
      return null;
    }
    return runs.length == 1 ? nextFromOne(runs[0]) : nextMerged();
  }

  private Batch nextFromOne(SortedRun run) {
    int size = run.size();
    int start = (int) Math.min(size, positions[0] + toSkip);
    toSkip = 0;
    int count = Math.min(size - start, BATCH_ROWS);
    if (remaining >= 0) {
      count = (int) Math.min(count, remaining);
      remaining -= count;
    }
    if (count == 0) {
      return null;
    }
    positions[0] = start + count;
    int[] slice = run.order() != null ? Arrays.copyOfRange(run.order(), start, start + count)
        : IndexSort.range(start, count);
    return run.batch().select(slice, count);
  }

  private Batch nextMerged() {
    while (toSkip > 0 && pickNext() >= 0) {
      toSkip--;
    }
    int limit = remaining >= 0 ? (int) Math.min(BATCH_ROWS, remaining) : BATCH_ROWS;
    int[] runOf = new int[limit];
    int[] rowOf = new int[limit];
    int count = 0;
    while (count < limit) {
      int run = pickNext();
      if (run < 0) {
        break;
      }
      runOf[count] = run;
      rowOf[count++] = runs[run].row(positions[run] - 1);
    }
    if (remaining >= 0) {
      remaining -= count;
    }
    if (count == 0) {
      return null;
    }
    Batch[] batches = new Batch[runs.length];
    for (int r = 0; r < runs.length; r++) {
      batches[r] = runs[r].batch();
    }
    return Columns.gather(batches, columnCount, runOf, rowOf, count);
  }

  /**
   * Advances the run whose head row comes first (the lowest-numbered run on ties) and returns
   * it, or -1 when every run is used up. A linear scan: there are as many runs as partitions.
   */
  private int pickNext() {
    int best = -1;
    int bestRow = 0;
    for (int r = 0; r < runs.length; r++) {
      SortedRun run = runs[r];
      if (positions[r] < run.size()) {
        int row = run.row(positions[r]);
        if (best < 0 || comparators[r][best].compare(row, bestRow) < 0) {
          best = r;
          bestRow = row;
        }
      }
    }
    if (best >= 0) {
      positions[best]++;
    }
    return best;
  }
}
