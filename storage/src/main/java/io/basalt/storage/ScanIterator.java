package io.basalt.storage;

import java.util.Iterator;

/**
 * The iterator a native table's {@link TableSnapshot#scan} returns: the batches plus statistics of
 * the blocks skipped and read so far (for EXPLAIN ANALYZE and system tables).
 */
public interface ScanIterator extends Iterator<RowBatch> {
  ScanStatistics statistics();
}
