package io.basalt.tpch;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One TPC-H query benchmarked on Basalt and DuckDB: each engine's median time over the measured
 * runs, its worst verdict over all runs, warm-up included, and, over external tables, the bytes
 * Basalt's scans read from the object store in one run. Over Iceberg it also holds Basalt's own
 * time over the external Parquet tables of the same data, the baseline Iceberg is held to.
 */
record BenchResult(
    int query, double basaltMillis, double duckdbMillis, QueryResult basalt, QueryResult duckdb,
    OptionalLong basaltScannedBytes, Optional<Baseline> basaltParquet) {
  BenchResult {
    requireNonNull(basalt, "basalt is null");
    requireNonNull(duckdb, "duckdb is null");
    requireNonNull(basaltScannedBytes, "basaltScannedBytes is null");
    requireNonNull(basaltParquet, "basaltParquet is null");
  }

  /** A result without a Parquet baseline. */
  BenchResult(
      int query, double basaltMillis, double duckdbMillis, QueryResult basalt, QueryResult duckdb,
      OptionalLong basaltScannedBytes) {
    this(query, basaltMillis, duckdbMillis, basalt, duckdb, basaltScannedBytes, Optional.empty());
  }

  /** A result over native tables, which read nothing from the object store. */
  BenchResult(
      int query, double basaltMillis, double duckdbMillis, QueryResult basalt, QueryResult duckdb) {
    this(query, basaltMillis, duckdbMillis, basalt, duckdb, OptionalLong.empty());
  }

  /** A further Basalt run of the query: its median time and its worst verdict. */
  record Baseline(double millis, QueryResult result) {
    Baseline {
      requireNonNull(result, "result is null");
    }

    boolean correct() {
      return acceptable(result.verdict());
    }
  }

  String name() {
    return QueryResult.name(query);
  }

  /** Returns how many times longer Basalt took than DuckDB. */
  double ratio() {
    return basaltMillis / duckdbMillis;
  }

  /** How many times longer Basalt took than over the Parquet baseline; NaN without one. */
  double baselineRatio() {
    return basaltParquet.map(baseline -> basaltMillis / baseline.millis()).orElse(Double.NaN);
  }

  boolean basaltCorrect() {
    return acceptable(basalt.verdict());
  }

  boolean duckdbCorrect() {
    return acceptable(duckdb.verdict());
  }

  /** Whether every engine's answer was right (or unchecked), the baseline's included. */
  boolean allCorrect() {
    return basaltCorrect() && duckdbCorrect()
        && basaltParquet.map(Baseline::correct).orElse(true);
  }

  /** An unchecked result (no answer at this scale factor) is not a wrong one. */
  static boolean acceptable(QueryResult.Verdict verdict) {
    return verdict == QueryResult.Verdict.CORRECT || verdict == QueryResult.Verdict.UNCHECKED;
  }
}
