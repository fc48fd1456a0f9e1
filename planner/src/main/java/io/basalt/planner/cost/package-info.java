/** Statistics for the optimizer's estimates: distinct-value counts of columns. */
package io.basalt.planner.cost;
