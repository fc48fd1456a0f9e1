package io.basalt.planner.exec;

/**
 * How a {@link Column} holds its values. LONG serves every SQL type Calcite represents as an int
 * or long internally (BOOLEAN as 0/1, SMALLINT, INTEGER, BIGINT, DATE as days, TIME, TIMESTAMP as
 * milliseconds, intervals); DOUBLE serves REAL, FLOAT and DOUBLE; DECIMAL holds unscaled longs at
 * the column's scale, or BigDecimals when a value does not fit a long; STRING holds Strings.
 */
public enum ColumnKind {
  LONG, DOUBLE, DECIMAL, STRING
}
