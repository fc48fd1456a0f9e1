package io.basalt.planner.exec.sort;

/**
 * One ORDER BY key: the field, whether it sorts descending, and whether NULLs come first in the
 * output (after the direction is applied, as Calcite's Enumerable comparators place them).
 */
record SortKey(int field, boolean descending, boolean nullsFirst) {}
