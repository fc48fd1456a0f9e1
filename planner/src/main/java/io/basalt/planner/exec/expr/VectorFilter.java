package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.QueryContext;

/** A BOOLEAN condition compiled for Basalt's engine, selecting the rows where it is TRUE. */
public interface VectorFilter {
  /**
   * Writes the positions (ascending) of rows where the condition is TRUE (not FALSE, not NULL)
   * into {@code positions} (length at least {@code input.size()}) and returns how many.
   */
  int filter(Batch input, QueryContext context, int[] positions);
}
