/**
 * Vectorized hash aggregation for Basalt's engine: a partial table per input partition, merged
 * per output bucket.
 */
package io.basalt.planner.exec.agg;
