package io.basalt.planner.exec;

import org.apache.calcite.rel.type.RelDataType;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Which {@link ColumnKind} holds values of a SQL type in Basalt's engine. */
public final class ColumnKinds {
  private ColumnKinds() {}

  /** The kind for {@code type}, or null when the engine cannot hold it (Enumerable runs it). */
  public static @Nullable ColumnKind of(RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, DATE, TIME, TIMESTAMP,
          TIMESTAMP_WITH_LOCAL_TIME_ZONE,
          INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH, INTERVAL_DAY,
          INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
          INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
          INTERVAL_SECOND -> ColumnKind.LONG;
      case DECIMAL -> ColumnKind.DECIMAL;
      case FLOAT, REAL, DOUBLE -> ColumnKind.DOUBLE;
      case CHAR, VARCHAR -> ColumnKind.STRING;
      default -> null;
    };
  }

  /** Whether every field of a row type has a kind. */
  public static boolean supportsRow(RelDataType rowType) {
    return rowType.getFieldList().stream().allMatch(f -> of(f.getType()) != null);
  }
}
