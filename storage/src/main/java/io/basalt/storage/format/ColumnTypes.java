package io.basalt.storage.format;

import io.basalt.storage.ColumnType;

/** How error messages of this package name a table column's type, e.g. {@code DECIMAL(12,2)}. */
final class ColumnTypes {
  private ColumnTypes() {}

  static String label(ColumnType type) {
    return switch (type.name()) {
      case DECIMAL -> "DECIMAL(" + type.precision() + "," + type.scale() + ")";
      case CHAR, VARCHAR -> type.name() + "(" + type.precision() + ")";
      case DOUBLE -> "DOUBLE PRECISION";
      default -> type.name().name();
    };
  }

  static boolean isString(ColumnType type) {
    return switch (type.name()) {
      case CHAR, VARCHAR -> true;
      default -> false;
    };
  }
}
