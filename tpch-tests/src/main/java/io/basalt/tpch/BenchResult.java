package io.basalt.tpch;

import static java.util.Objects.requireNonNull;

/**
 * One TPC-H query benchmarked on Basalt and DuckDB: each engine's median time over the measured
 * runs and its worst verdict over all runs, warm-up included.
 */
record BenchResult(
    int query, double basaltMillis, double duckdbMillis, QueryResult basalt, QueryResult duckdb) {
  BenchResult {
    requireNonNull(basalt, "basalt is null");
    requireNonNull(duckdb, "duckdb is null");
  }

  String name() {
    return QueryResult.name(query);
  }

  /** Returns how many times longer Basalt took than DuckDB. */
  double ratio() {
    return basaltMillis / duckdbMillis;
  }

  boolean basaltCorrect() {
    return acceptable(basalt.verdict());
  }

  boolean duckdbCorrect() {
    return acceptable(duckdb.verdict());
  }

  /** An unchecked result (no answer at this scale factor) is not a wrong one. */
  static boolean acceptable(QueryResult.Verdict verdict) {
    return verdict == QueryResult.Verdict.CORRECT || verdict == QueryResult.Verdict.UNCHECKED;
  }
}
