package io.basalt.storage.block;

import io.basalt.storage.ColumnType;

/** How a column's values are held in blocks, which decides its encodings and zone maps. */
public enum PhysicalType {
  /** Integer-like types, booleans, dates, timestamps and decimals up to precision 18. */
  LONG,
  /** REAL and DOUBLE PRECISION. */
  DOUBLE,
  /** CHAR and VARCHAR. */
  STRING,
  /** Decimals wider than 18 digits. */
  BIG_DECIMAL;

  /** Widest decimal whose unscaled value always fits a long. */
  public static final int MAX_LONG_DECIMAL_PRECISION = 18;

  public static PhysicalType of(ColumnType type) {
    return switch (type.name()) {
      case SMALLINT, INTEGER, BIGINT, BOOLEAN, DATE, TIMESTAMP, TIMESTAMPTZ -> LONG;
      case DECIMAL -> type.precision() <= MAX_LONG_DECIMAL_PRECISION ? LONG : BIG_DECIMAL;
      case REAL, DOUBLE -> DOUBLE;
      case CHAR, VARCHAR -> STRING;
    };
  }

  /** CHAR compares with trailing blanks ignored. */
  public static boolean ignoresTrailingBlanks(ColumnType type) {
    return type.name() == io.basalt.storage.TypeName.CHAR;
  }

  /** The value without trailing spaces, for CHAR comparisons. */
  public static String stripBlanks(String value) {
    int end = value.length();
    while (end > 0 && value.charAt(end - 1) == ' ') {
      end--;
    }
    return end == value.length() ? value : value.substring(0, end);
  }
}
