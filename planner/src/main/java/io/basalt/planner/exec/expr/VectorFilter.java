package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.QueryContext;

/** A compiled condition that selects the rows of a batch where it is TRUE. */
public interface VectorFilter {
  /**
   * Writes the positions (ascending) of rows where the condition is TRUE (not FALSE, not NULL)
   * into {@code positions} (length at least the batch size) and returns how many.
   */
  int filter(Batch input, QueryContext context, int[] positions);
}
