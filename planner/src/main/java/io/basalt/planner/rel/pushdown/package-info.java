/**
 * Work above the scans of a SQL database's tables run in that database, in its own SQL, with
 * Calcite's JDBC adapter: one {@link io.basalt.planner.rel.pushdown.RemoteConvention} per
 * source, Calcite's JDBC operators for what the source evaluates as Basalt does
 * ({@link io.basalt.planner.rel.pushdown.RemoteExpressions}), and a
 * {@link io.basalt.planner.rel.pushdown.RemoteQuery} whose rows come back through the source's
 * table-source seam as engine batches.
 */
package io.basalt.planner.rel.pushdown;
