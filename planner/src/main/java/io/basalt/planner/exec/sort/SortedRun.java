package io.basalt.planner.exec.sort;

import io.basalt.planner.exec.Batch;

/**
 * One partition's rows in ORDER BY order: the i-th row is row {@code order[i]} of
 * {@code batch}, or row i when {@code order} is null (the batch is already in order).
 */
record SortedRun(Batch batch, int[] order) {
  SortedRun {
    if (order != null && order.length != batch.size()) {
      throw new IllegalArgumentException("an order of " + order.length + " rows for a batch of "
          + batch.size());
    }
  }

  /** A run of a batch that is already in order. */
  static SortedRun ordered(Batch batch) {
    return new SortedRun(batch, null);
  }

  int size() {
    return batch.size();
  }

  /** The batch row that comes at {@code position} of the run. */
  int row(int position) {
    return order == null ? position : order[position];
  }
}
