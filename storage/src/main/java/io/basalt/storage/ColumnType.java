package io.basalt.storage;

import static java.util.Objects.requireNonNull;

/**
 * A column's SQL type. {@code precision} is the length for CHAR/VARCHAR and the precision for
 * DECIMAL; {@code scale} is the DECIMAL scale. Both are 0 for the other types.
 *
 * <p>Row values cross the storage API as these Java objects (the same representation Calcite's
 * Enumerable convention uses internally): SMALLINT {@link Short}, INTEGER {@link Integer},
 * BIGINT {@link Long}, DECIMAL {@link java.math.BigDecimal} (at the column's scale), REAL
 * {@link Float}, DOUBLE {@link Double}, BOOLEAN {@link Boolean}, CHAR/VARCHAR {@link String},
 * DATE {@link Integer} days since 1970-01-01, TIMESTAMP/TIMESTAMPTZ {@link Long} milliseconds since
 * 1970-01-01T00:00Z; SQL NULL is {@code null}.
 *
 * <p>A TIMESTAMP or TIMESTAMPTZ of precision 6 ({@link #microseconds}) holds microseconds instead.
 * No table has such a column: only the Parquet reader produces it, for a caller that must compare
 * a file's exact values (Iceberg's equality deletes), which milliseconds would merge.
 */
public record ColumnType(TypeName name, int precision, int scale) {
  public ColumnType {
    requireNonNull(name, "name is null");
  }

  public static ColumnType of(TypeName name) {
    return new ColumnType(name, 0, 0);
  }

  public static ColumnType decimal(int precision, int scale) {
    return new ColumnType(TypeName.DECIMAL, precision, scale);
  }

  /** TIMESTAMP or TIMESTAMPTZ values as microseconds since 1970-01-01T00:00Z. */
  public static ColumnType microseconds(TypeName timestamp) {
    if (timestamp != TypeName.TIMESTAMP && timestamp != TypeName.TIMESTAMPTZ) {
      throw new IllegalArgumentException("not a timestamp type: " + timestamp);
    }
    return new ColumnType(timestamp, 6, 0);
  }

  /** Whether this is a TIMESTAMP or TIMESTAMPTZ holding microseconds. */
  public boolean isMicroseconds() {
    return (name == TypeName.TIMESTAMP || name == TypeName.TIMESTAMPTZ) && precision == 6;
  }

  public static ColumnType varchar(int length) {
    return new ColumnType(TypeName.VARCHAR, length, 0);
  }

  public static ColumnType character(int length) {
    return new ColumnType(TypeName.CHAR, length, 0);
  }

  /** The type as Redshift prints it, e.g. {@code numeric(15,2)}, {@code character varying(25)}. */
  public String sqlName() {
    return switch (name) {
      case SMALLINT -> "smallint";
      case INTEGER -> "integer";
      case BIGINT -> "bigint";
      case DECIMAL -> "numeric(" + precision + "," + scale + ")";
      case REAL -> "real";
      case DOUBLE -> "double precision";
      case BOOLEAN -> "boolean";
      case CHAR -> "character(" + precision + ")";
      case VARCHAR -> "character varying(" + precision + ")";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp without time zone";
      case TIMESTAMPTZ -> "timestamp with time zone";
    };
  }

  /**
   * The short name PostgreSQL and Redshift use in catalogs and JDBC metadata, e.g. {@code int4},
   * {@code bpchar}, {@code numeric}.
   */
  public String internalName() {
    return switch (name) {
      case SMALLINT -> "int2";
      case INTEGER -> "int4";
      case BIGINT -> "int8";
      case DECIMAL -> "numeric";
      case REAL -> "float4";
      case DOUBLE -> "float8";
      case BOOLEAN -> "bool";
      case CHAR -> "bpchar";
      case VARCHAR -> "varchar";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp";
      case TIMESTAMPTZ -> "timestamptz";
    };
  }
}
