package io.basalt.federation.iceberg;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Basalt's column types and values as Iceberg's, and back. Iceberg has no SMALLINT, CHAR(n) or
 * VARCHAR(n): they are stored as {@code int} and {@code string} and read back as INTEGER and
 * VARCHAR(65535), as Athena does. Timestamps are microseconds in Iceberg and milliseconds in
 * Basalt's storage representation.
 */
final class IcebergTypes {
  /** The VARCHAR length an Iceberg {@code string} reads as (Redshift's largest). */
  static final int STRING_LENGTH = 65535;

  private IcebergTypes() {}

  static Type toIceberg(ColumnType type) {
    return switch (type.name()) {
      case SMALLINT, INTEGER -> Types.IntegerType.get();
      case BIGINT -> Types.LongType.get();
      case DECIMAL -> Types.DecimalType.of(type.precision(), type.scale());
      case REAL -> Types.FloatType.get();
      case DOUBLE -> Types.DoubleType.get();
      case BOOLEAN -> Types.BooleanType.get();
      case CHAR, VARCHAR -> Types.StringType.get();
      case DATE -> Types.DateType.get();
      case TIMESTAMP -> Types.TimestampType.withoutZone();
      case TIMESTAMPTZ -> Types.TimestampType.withZone();
    };
  }

  /** The Basalt type of an Iceberg column; 0A000 naming the table and column when it has none. */
  static ColumnType toBasalt(Type type, String table, String column) {
    switch (type.typeId()) {
      case INTEGER:
        return ColumnType.of(TypeName.INTEGER);
      case LONG:
        return ColumnType.of(TypeName.BIGINT);
      case FLOAT:
        return ColumnType.of(TypeName.REAL);
      case DOUBLE:
        return ColumnType.of(TypeName.DOUBLE);
      case BOOLEAN:
        return ColumnType.of(TypeName.BOOLEAN);
      case STRING:
        return ColumnType.varchar(STRING_LENGTH);
      case DECIMAL:
        Types.DecimalType decimal = (Types.DecimalType) type;
        return ColumnType.decimal(decimal.precision(), decimal.scale());
      case DATE:
        return ColumnType.of(TypeName.DATE);
      case TIMESTAMP:
        return ColumnType.of(((Types.TimestampType) type).shouldAdjustToUTC()
            ? TypeName.TIMESTAMPTZ : TypeName.TIMESTAMP);
      default:
        throw new StorageException("0A000", "Cannot read Iceberg table '" + table
            + "': column '" + column + "' has type " + type + ", which Basalt does not support");
    }
  }

  /** The table's columns as the planner sees them, in the schema's order. */
  static List<ColumnDefinition> columns(Schema schema, String table) {
    List<ColumnDefinition> columns = new ArrayList<>();
    for (Types.NestedField field : schema.columns()) {
      columns.add(new ColumnDefinition(field.name(),
          toBasalt(field.type(), table, field.name()), field.isOptional(), null));
    }
    return columns;
  }

  /** A storage-representation value as Iceberg's generic data model holds it. */
  static Object toGeneric(Object value, Type type) {
    if (value == null) {
      return null;
    }
    return switch (type.typeId()) {
      case INTEGER -> ((Number) value).intValue();
      case LONG -> ((Number) value).longValue();
      case FLOAT -> ((Number) value).floatValue();
      case DOUBLE -> ((Number) value).doubleValue();
      case DECIMAL -> ((BigDecimal) value).setScale(((Types.DecimalType) type).scale(),
          RoundingMode.HALF_UP);
      case DATE -> LocalDate.ofEpochDay(((Number) value).longValue());
      case TIMESTAMP -> {
        Instant instant = Instant.ofEpochMilli(((Number) value).longValue());
        yield ((Types.TimestampType) type).shouldAdjustToUTC()
            ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
            : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
      }
      case STRING -> value.toString();
      default -> value;
    };
  }

  /**
   * A storage-representation predicate bound as an Iceberg literal value (days for dates,
   * microseconds for timestamps), or null when it has none that compares the same way.
   */
  static Object toLiteral(Object value, Type type) {
    return switch (type.typeId()) {
      case INTEGER -> value instanceof Number n ? n.intValue() : null;
      case LONG -> value instanceof Number n ? n.longValue() : null;
      case FLOAT, DOUBLE -> value instanceof Number n ? n.doubleValue() : null;
      case DATE -> value instanceof Number n ? n.intValue() : null;
      case TIMESTAMP -> value instanceof Number n ? Math.multiplyExact(n.longValue(), 1000L) : null;
      case DECIMAL -> {
        if (!(value instanceof BigDecimal decimal)) {
          yield null;
        }
        int scale = ((Types.DecimalType) type).scale();
        // Only an exact rescale compares the same way; the reader filters exactly anyway.
        yield decimal.scale() <= scale ? decimal.setScale(scale) : null;
      }
      case STRING -> value instanceof String s ? s : null;
      case BOOLEAN -> value instanceof Boolean b ? b : null;
      default -> null;
    };
  }
}
