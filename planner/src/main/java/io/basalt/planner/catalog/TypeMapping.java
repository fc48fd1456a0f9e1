package io.basalt.planner.catalog;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Converts between the store's column types and Calcite's {@link RelDataType}. */
public final class TypeMapping {
  /** Millisecond precision: the store keeps timestamps as epoch milliseconds. */
  private static final int TIMESTAMP_PRECISION = 3;

  private TypeMapping() {}

  /** The row type of a native table. */
  public static RelDataType rowType(RelDataTypeFactory factory, List<ColumnDefinition> columns) {
    RelDataTypeFactory.Builder builder = factory.builder();
    for (ColumnDefinition column : columns) {
      builder.add(column.name(), toRelType(factory, column.type(), column.nullable()));
    }
    return builder.build();
  }

  /**
   * The Calcite type of a column. CHAR(n) is planned as VARCHAR(n): the store keeps CHAR values
   * without their padding and compares them ignoring trailing blanks, as Redshift does, so an
   * unpadded string is the faithful runtime value.
   */
  public static RelDataType toRelType(RelDataTypeFactory factory, ColumnType type, boolean nullable) {
    RelDataType relType = switch (type.name()) {
      case SMALLINT -> factory.createSqlType(SqlTypeName.SMALLINT);
      case INTEGER -> factory.createSqlType(SqlTypeName.INTEGER);
      case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
      case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
      case REAL -> factory.createSqlType(SqlTypeName.REAL);
      case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
      case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
      case CHAR, VARCHAR -> factory.createSqlType(SqlTypeName.VARCHAR, type.precision());
      case DATE -> factory.createSqlType(SqlTypeName.DATE);
      // TIMESTAMPTZ values are UTC instants and the server runs in UTC, so Calcite can treat
      // them as plain timestamps (its zoned type rejects literals without a zone).
      case TIMESTAMP, TIMESTAMPTZ ->
          factory.createSqlType(SqlTypeName.TIMESTAMP, TIMESTAMP_PRECISION);
    };
    return factory.createTypeWithNullability(relType, nullable);
  }

  /**
   * The store type for a Calcite type (CREATE TABLE column types, CREATE TABLE AS result columns).
   * Throws 0A000 for a type a native table cannot hold.
   */
  public static ColumnType toColumnType(RelDataType type, String columnName) {
    SqlTypeName name = type.getSqlTypeName();
    return switch (name) {
      case TINYINT, SMALLINT -> ColumnType.of(TypeName.SMALLINT);
      case INTEGER -> ColumnType.of(TypeName.INTEGER);
      case BIGINT -> ColumnType.of(TypeName.BIGINT);
      case DECIMAL -> ColumnType.decimal(Math.min(38, type.getPrecision()),
          Math.max(0, type.getScale()));
      case FLOAT, REAL -> ColumnType.of(TypeName.REAL);
      case DOUBLE -> ColumnType.of(TypeName.DOUBLE);
      case BOOLEAN -> ColumnType.of(TypeName.BOOLEAN);
      case CHAR -> ColumnType.character(lengthOf(type, 1));
      case VARCHAR -> ColumnType.varchar(lengthOf(type, 256));
      case DATE -> ColumnType.of(TypeName.DATE);
      case TIMESTAMP -> ColumnType.of(TypeName.TIMESTAMP);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> ColumnType.of(TypeName.TIMESTAMPTZ);
      case NULL -> ColumnType.varchar(256);
      default -> throw new StorageException("0A000",
          "Cannot store column \"" + columnName + "\": type " + type.getFullTypeString()
              + " is not supported in tables");
    };
  }

  private static int lengthOf(RelDataType type, int fallback) {
    int precision = type.getPrecision();
    if (precision == RelDataType.PRECISION_NOT_SPECIFIED || precision <= 0) {
      return fallback;
    }
    return Math.min(precision, 65535);
  }

  /** The type as a SQL string the Basalt parser accepts, for generated CASTs. */
  public static String castTarget(ColumnType type) {
    return switch (type.name()) {
      case SMALLINT -> "SMALLINT";
      case INTEGER -> "INTEGER";
      case BIGINT -> "BIGINT";
      case DECIMAL -> "DECIMAL(" + type.precision() + ", " + type.scale() + ")";
      case REAL -> "REAL";
      case DOUBLE -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
      case CHAR, VARCHAR -> "VARCHAR(65535)";
      case DATE -> "DATE";
      case TIMESTAMP, TIMESTAMPTZ -> "TIMESTAMP(3)";
    };
  }
}
