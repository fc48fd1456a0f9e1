/**
 * The BASALT calling convention: the Calcite rules and physical operators that put an optimized
 * plan on Basalt's engine, and the converters where rows cross to and from Calcite's Enumerable
 * engine for what the engine does not run.
 */
package io.basalt.planner.rel.vector;
