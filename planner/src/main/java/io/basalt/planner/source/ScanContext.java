package io.basalt.planner.source;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.exec.MemoryTracker;

/**
 * The execution a scan belongs to: its query id (the key of system tables such as
 * SVL_S3QUERY_SUMMARY; 0 when the execution has none), the session's user, and the query's
 * memory budget, which a scan charges for what it holds for the whole execution (an Iceberg
 * scan's equality delete keys).
 */
public record ScanContext(long queryId, String user, MemoryTracker memory) {
  public ScanContext {
    requireNonNull(user, "user is null");
    requireNonNull(memory, "memory is null");
  }

  /** A scan whose memory is not budgeted (the Calcite engine's, a planner's sample). */
  public ScanContext(long queryId, String user) {
    this(queryId, user, new MemoryTracker(Long.MAX_VALUE));
  }

  /** A scan outside any recorded query, with no memory budget. */
  public static ScanContext none() {
    return new ScanContext(0, "");
  }
}
