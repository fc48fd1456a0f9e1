/**
 * Basalt's vectorized, parallel execution engine: batches of primitive column arrays flowing
 * through pull-based operators, one pipeline per slice, joined by exchanges. See
 * docs/engine-design.md for why it is built this way.
 */
package io.basalt.planner.exec;
