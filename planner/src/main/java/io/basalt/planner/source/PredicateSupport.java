package io.basalt.planner.source;

/** What a source does with a pushed predicate. */
public enum PredicateSupport {
  /** The source returns only rows that pass: the planner drops the filter above the scan. */
  EXACT,
  /**
   * The source uses the predicate to skip data (partitions, files, row groups) whose statistics
   * prove no row passes, but may return rows that fail it: the planner keeps the filter.
   */
  PRUNING,
  /** The source ignores the predicate: it is not pushed. */
  NONE
}
