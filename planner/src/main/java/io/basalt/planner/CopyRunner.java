package io.basalt.planner;

import java.util.function.BooleanSupplier;

/**
 * Runs COPY for the planner. The planner parses and checks the statement and picks the
 * {@link CopyTarget} (a native table, or an external catalog's table); reading and converting
 * the files is the ingest module's job, which the server plugs in here so that neither the
 * planner nor the federation module depends on it.
 */
@FunctionalInterface
public interface CopyRunner {
  /**
   * Loads the files {@code request} names into {@code target} and returns how many rows were
   * loaded; all or nothing. The request's schema and table name the target; the target's own
   * definition is what is loaded.
   */
  long copy(CopyRequest request, CopyTarget target, long queryId, BooleanSupplier canceled);
}
