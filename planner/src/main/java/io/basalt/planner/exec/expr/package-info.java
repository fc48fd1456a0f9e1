/**
 * Basalt's vectorized expressions: {@link io.basalt.planner.exec.expr.ExpressionCompiler} turns
 * Calcite row expressions into column-at-a-time evaluators and filters that compute exactly what
 * Calcite's Enumerable code computes, or reports (with null) that it cannot.
 */
package io.basalt.planner.exec.expr;
