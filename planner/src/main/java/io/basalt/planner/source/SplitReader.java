package io.basalt.planner.source;

import io.basalt.planner.exec.Batch;

/**
 * Reads one split as engine batches whose columns are the scan's {@link ScanSpec#columns}, in
 * that order. Single-threaded; closed by the engine whether or not it was read to the end.
 */
public interface SplitReader extends AutoCloseable {
  /** The next batch, or null at the end of the split. */
  Batch next();

  @Override
  void close();
}
