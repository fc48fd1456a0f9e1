/**
 * Basalt's vectorized ORDER BY, top-N, LIMIT/OFFSET and UNION ALL operators, ordering rows exactly
 * as Calcite's Enumerable sort does.
 */
package io.basalt.planner.exec.sort;
