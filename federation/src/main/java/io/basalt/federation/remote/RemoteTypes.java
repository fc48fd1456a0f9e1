package io.basalt.federation.remote;

import io.basalt.federation.remote.RemoteColumn.Reading;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.TypeName;
import java.sql.Types;
import java.util.Locale;
import java.util.Set;

/**
 * The mapping of remote column types to Basalt's (README, "Federated queries"), from the JDBC
 * type the driver reports and the remote type's name:
 * integers to SMALLINT/INTEGER/BIGINT (unsigned ones one size up, BIGINT UNSIGNED to
 * DECIMAL(20,0)); NUMERIC/DECIMAL(p,s) to DECIMAL(p,s) up to 38 digits (PostgreSQL's
 * unconstrained numeric to DECIMAL(38,10)); real to REAL, double/float to DOUBLE; char(n) to
 * CHAR(n), varchar, text, enums, json, uuid to VARCHAR; bytea/blob/binary to VARCHAR holding
 * {@code \x} and the hex digits; date to DATE; timestamp/datetime to TIMESTAMP; timestamptz to
 * TIMESTAMPTZ; boolean (and MySQL's tinyint(1)/bit(1)) to BOOLEAN. Everything else (arrays,
 * time, intervals, geometry, wider decimals) is unsupported.
 */
final class RemoteTypes {
  static final int MAX_VARCHAR = 65535;
  static final int MAX_CHAR = 4096;
  private static final Set<String> TEXT_LIKE = Set.of("json", "jsonb", "uuid", "xml", "citext",
      "inet", "cidr", "macaddr");

  private RemoteTypes() {}

  /**
   * The column for a row of {@code DatabaseMetaData.getColumns}: {@code jdbcType} its DATA_TYPE,
   * {@code typeName} its TYPE_NAME, {@code size} COLUMN_SIZE, {@code digits} DECIMAL_DIGITS;
   * {@code isEnum} when the remote type is an enum (read as text).
   */
  static RemoteColumn column(RemoteEngine engine, String name, int jdbcType, String typeName,
      int size, int digits, boolean nullable, boolean isEnum) {
    String type = typeName.toLowerCase(Locale.ROOT);
    boolean unsigned = type.contains("unsigned");
    if (isEnum || type.equals("enum") || type.equals("set")) {
      return new RemoteColumn(name, ColumnType.varchar(MAX_VARCHAR), nullable, typeName,
          Reading.STRING, false);
    }
    if (type.startsWith("year")) {
      return of(name, ColumnType.of(TypeName.SMALLINT), nullable, typeName, Reading.INTEGER);
    }
    switch (jdbcType) {
      case Types.BIT, Types.BOOLEAN -> {
        if (size > 1 && type.startsWith("bit")) {
          return unsupported(name, nullable, typeName);
        }
        return of(name, ColumnType.of(TypeName.BOOLEAN), nullable, typeName, Reading.BOOLEAN);
      }
      case Types.TINYINT, Types.SMALLINT -> {
        TypeName target = jdbcType == Types.SMALLINT && unsigned ? TypeName.INTEGER
            : TypeName.SMALLINT;
        return of(name, ColumnType.of(target), nullable, typeName, Reading.INTEGER);
      }
      case Types.INTEGER -> {
        return of(name, ColumnType.of(unsigned ? TypeName.BIGINT : TypeName.INTEGER), nullable,
            typeName, Reading.INTEGER);
      }
      case Types.BIGINT -> {
        return unsigned
            ? of(name, ColumnType.decimal(20, 0), nullable, typeName, Reading.DECIMAL)
            : of(name, ColumnType.of(TypeName.BIGINT), nullable, typeName, Reading.INTEGER);
      }
      case Types.NUMERIC, Types.DECIMAL -> {
        if (size <= 0 || (engine == RemoteEngine.POSTGRES && size > 1000)) {
          return of(name, ColumnType.decimal(38, 10), nullable, typeName, Reading.DECIMAL);
        }
        if (size > 38) {
          return unsupported(name, nullable, typeName + "(" + size + "," + digits + ")");
        }
        return of(name, ColumnType.decimal(size, Math.max(0, digits)), nullable, typeName,
            Reading.DECIMAL);
      }
      case Types.REAL -> {
        return new RemoteColumn(name, ColumnType.of(TypeName.REAL), nullable, typeName,
            Reading.REAL, false);
      }
      case Types.FLOAT, Types.DOUBLE -> {
        return of(name, ColumnType.of(TypeName.DOUBLE), nullable, typeName, Reading.DOUBLE);
      }
      case Types.CHAR, Types.NCHAR -> {
        ColumnType target = size > 0 && size <= MAX_CHAR ? ColumnType.character(size)
            : ColumnType.varchar(MAX_VARCHAR);
        return of(name, target, nullable, typeName, Reading.STRING);
      }
      case Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB -> {
        ColumnType target = ColumnType.varchar(size > 0 && size <= MAX_VARCHAR ? size
            : MAX_VARCHAR);
        return of(name, target, nullable, typeName, Reading.STRING);
      }
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
        return new RemoteColumn(name, ColumnType.varchar(MAX_VARCHAR), nullable, typeName,
            Reading.BYTES, false);
      }
      case Types.DATE -> {
        return of(name, ColumnType.of(TypeName.DATE), nullable, typeName, Reading.DATE);
      }
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
        boolean zoned = jdbcType == Types.TIMESTAMP_WITH_TIMEZONE || type.equals("timestamptz");
        return zoned
            ? of(name, ColumnType.of(TypeName.TIMESTAMPTZ), nullable, typeName,
                Reading.TIMESTAMPTZ)
            : of(name, ColumnType.of(TypeName.TIMESTAMP), nullable, typeName, Reading.TIMESTAMP);
      }
      case Types.OTHER -> {
        if (TEXT_LIKE.contains(type)) {
          return new RemoteColumn(name, ColumnType.varchar(MAX_VARCHAR), nullable, typeName,
              Reading.STRING, false);
        }
        return unsupported(name, nullable, typeName);
      }
      default -> {
        return unsupported(name, nullable, typeName);
      }
    }
  }

  /**
   * How a result column of a statement the planner wrote is read: by its Basalt type, which the
   * planner derived from the pushed operators' types.
   */
  static RemoteColumn result(ColumnDefinition column) {
    ColumnType type = column.type();
    Reading reading = switch (type.name()) {
      case SMALLINT, INTEGER, BIGINT -> Reading.INTEGER;
      case DECIMAL -> Reading.DECIMAL;
      case REAL -> Reading.REAL;
      case DOUBLE -> Reading.DOUBLE;
      case BOOLEAN -> Reading.BOOLEAN;
      case CHAR, VARCHAR -> Reading.STRING;
      case DATE -> Reading.DATE;
      case TIMESTAMP -> Reading.TIMESTAMP;
      case TIMESTAMPTZ -> Reading.TIMESTAMPTZ;
    };
    return new RemoteColumn(column.name(), type, column.nullable(), type.sqlName(), reading,
        false);
  }

  /**
   * Whether a result column of JDBC type {@code jdbcType} is read correctly as {@code reading}:
   * integers from any integer or decimal (MySQL sums integers as DECIMAL), decimals from
   * integers and decimals, floating point from floating point and decimals, and so on.
   */
  static boolean reads(Reading reading, int jdbcType) {
    boolean integer = jdbcType == Types.TINYINT || jdbcType == Types.SMALLINT
        || jdbcType == Types.INTEGER || jdbcType == Types.BIGINT;
    boolean decimal = jdbcType == Types.NUMERIC || jdbcType == Types.DECIMAL;
    boolean floating = jdbcType == Types.REAL || jdbcType == Types.FLOAT
        || jdbcType == Types.DOUBLE;
    return switch (reading) {
      case INTEGER, DECIMAL -> integer || decimal;
      case REAL, DOUBLE -> floating || decimal || integer;
      case BOOLEAN -> jdbcType == Types.BOOLEAN || jdbcType == Types.BIT
          || jdbcType == Types.TINYINT;
      case STRING -> jdbcType == Types.CHAR || jdbcType == Types.VARCHAR
          || jdbcType == Types.LONGVARCHAR || jdbcType == Types.NCHAR
          || jdbcType == Types.NVARCHAR || jdbcType == Types.LONGNVARCHAR
          || jdbcType == Types.CLOB;
      case DATE -> jdbcType == Types.DATE;
      case TIMESTAMP -> jdbcType == Types.TIMESTAMP;
      case TIMESTAMPTZ -> jdbcType == Types.TIMESTAMP_WITH_TIMEZONE
          || jdbcType == Types.TIMESTAMP;
      case BYTES, UNSUPPORTED -> false;
    };
  }

  private static RemoteColumn of(String name, ColumnType type, boolean nullable,
      String remoteType, Reading reading) {
    return new RemoteColumn(name, type, nullable, remoteType, reading, true);
  }

  private static RemoteColumn unsupported(String name, boolean nullable, String remoteType) {
    return new RemoteColumn(name, ColumnType.varchar(MAX_VARCHAR), nullable, remoteType,
        Reading.UNSUPPORTED, false);
  }
}
