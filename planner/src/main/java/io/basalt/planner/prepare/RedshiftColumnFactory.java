package io.basalt.planner.prepare;

import io.basalt.planner.source.SourceTable;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import java.sql.Types;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.schema.Table;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Describes columns for {@code DatabaseMetaData.getColumns} with the type names BI tools expect
 * ({@code numeric}, {@code character varying}, ...) instead of Calcite's full type strings.
 */
final class RedshiftColumnFactory implements CalciteMetaColumnFactory {
  static final RedshiftColumnFactory INSTANCE = new RedshiftColumnFactory();

  private RedshiftColumnFactory() {}

  @Override
  public MetaImpl.MetaColumn createColumn(Table table, String tableCat, String tableSchem,
      String tableName, String columnName, int dataType, String typeName, Integer columnSize,
      @Nullable Integer decimalDigits, int numPrecRadix, int nullable, Integer charOctetLength,
      int ordinalPosition, String isNullable) {
    int jdbcType = dataType;
    String name = plainTypeName(typeName);
    Integer size = columnSize;
    if (table instanceof SourceTable sourceTable) {
      ColumnDefinition column = sourceTable.source().columns().get(ordinalPosition - 1);
      jdbcType = jdbcType(column.type());
      name = sqlTypeName(column.type());
      size = columnSize(column.type());
    }
    return new MetaImpl.MetaColumn(tableCat, tableSchem, tableName, columnName, jdbcType, name,
        size, decimalDigits, numPrecRadix, nullable, charOctetLength, ordinalPosition,
        isNullable);
  }

  @Override
  public Class<? extends MetaImpl.MetaColumn> getMetaColumnClass() {
    return MetaImpl.MetaColumn.class;
  }

  /** "VARCHAR(16) NOT NULL" becomes "varchar". */
  static String plainTypeName(String calciteType) {
    String name = calciteType.replace(" NOT NULL", "");
    int paren = name.indexOf('(');
    return (paren < 0 ? name : name.substring(0, paren)).toLowerCase(java.util.Locale.ROOT);
  }

  /** The type's SQL name, as Redshift's JDBC driver shows it in column metadata. */
  static String sqlTypeName(ColumnType type) {
    return switch (type.name()) {
      case SMALLINT -> "smallint";
      case INTEGER -> "integer";
      case BIGINT -> "bigint";
      case DECIMAL -> "numeric";
      case REAL -> "real";
      case DOUBLE -> "double precision";
      case BOOLEAN -> "boolean";
      case CHAR -> "char";
      case VARCHAR -> "varchar";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp";
      case TIMESTAMPTZ -> "timestamptz";
    };
  }

  /** COLUMN_SIZE as JDBC defines it: digits for numbers, characters for strings and times. */
  static int columnSize(ColumnType type) {
    return switch (type.name()) {
      case SMALLINT -> 5;
      case INTEGER -> 10;
      case BIGINT -> 19;
      case DECIMAL, CHAR, VARCHAR -> type.precision();
      case REAL -> 8;
      case DOUBLE -> 17;
      case BOOLEAN -> 1;
      case DATE -> 10;
      case TIMESTAMP -> 26;
      case TIMESTAMPTZ -> 32;
    };
  }

  static int jdbcType(ColumnType type) {
    return switch (type.name()) {
      case SMALLINT -> Types.SMALLINT;
      case INTEGER -> Types.INTEGER;
      case BIGINT -> Types.BIGINT;
      case DECIMAL -> Types.NUMERIC;
      case REAL -> Types.REAL;
      case DOUBLE -> Types.DOUBLE;
      case BOOLEAN -> Types.BOOLEAN;
      case CHAR -> Types.CHAR;
      case VARCHAR -> Types.VARCHAR;
      case DATE -> Types.DATE;
      case TIMESTAMP -> Types.TIMESTAMP;
      case TIMESTAMPTZ -> Types.TIMESTAMP_WITH_TIMEZONE;
    };
  }
}
