package io.basalt.tpch;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * One TPC-H query benchmarked on Basalt and DuckDB: each engine's median time over the measured
 * runs, its worst verdict over all runs, warm-up included, and, over external tables, the bytes
 * Basalt's scans read from the object store in one run.
 */
record BenchResult(
    int query, double basaltMillis, double duckdbMillis, QueryResult basalt, QueryResult duckdb,
    OptionalLong basaltScannedBytes) {
  BenchResult {
    requireNonNull(basalt, "basalt is null");
    requireNonNull(duckdb, "duckdb is null");
    requireNonNull(basaltScannedBytes, "basaltScannedBytes is null");
  }

  /** A result over native tables, which read nothing from the object store. */
  BenchResult(
      int query, double basaltMillis, double duckdbMillis, QueryResult basalt, QueryResult duckdb) {
    this(query, basaltMillis, duckdbMillis, basalt, duckdb, OptionalLong.empty());
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
