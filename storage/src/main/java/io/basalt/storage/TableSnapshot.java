package io.basalt.storage;

import java.util.Iterator;

/**
 * A table as of one commit. Immutable: later commits do not change what it returns, and its files
 * stay readable for as long as the process runs.
 */
public interface TableSnapshot {
  TableDefinition definition();

  TableStats stats();

  /**
   * Reads the rows that pass the request's predicates, skipping blocks whose zone maps exclude
   * them and decoding only the requested and predicate columns.
   */
  Iterator<RowBatch> scan(ScanRequest request);

  /**
   * Whether a scan split into {@code shares} shares gives each share whole slices (so that rows
   * with equal distribution keys meet in one share), rather than every shares-th block.
   */
  default boolean splitsBySlice(int shares) {
    return shares == 1;
  }
}
