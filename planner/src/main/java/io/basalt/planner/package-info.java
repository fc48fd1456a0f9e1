/** The planner: Redshift SQL sessions in which Calcite parses, validates and plans every statement; the entry type is BasaltPlanner. */
package io.basalt.planner;
