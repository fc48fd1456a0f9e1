package io.basalt.planner;

import java.util.function.BooleanSupplier;

/**
 * Runs COPY for the planner. The planner parses and checks the statement; loading is the ingest
 * module's job, which the server plugs in here so that the planner does not depend on it.
 */
@FunctionalInterface
public interface CopyRunner {
  /** Loads the rows and returns how many were loaded; all or nothing. */
  long copy(CopyRequest request, long queryId, BooleanSupplier canceled);
}
