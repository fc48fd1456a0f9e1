package io.basalt.planner.source;

/**
 * The execution a scan belongs to: its query id (the key of system tables such as
 * SVL_S3QUERY_SUMMARY; 0 when the execution has none) and the session's user.
 */
public record ScanContext(long queryId, String user) {
  /** A scan outside any recorded query. */
  public static final ScanContext NONE = new ScanContext(0, "");
}
