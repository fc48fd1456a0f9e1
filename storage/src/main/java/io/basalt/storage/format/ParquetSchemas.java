package io.basalt.storage.format;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.TypeName;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Maps table column types to Parquet types and back: the schema {@link ParquetFileWriter}
 * writes, and the table type a crawler infers for a file's field.
 */
final class ParquetSchemas {
  /** Redshift's widest VARCHAR, for strings of unknown length. */
  static final int MAX_VARCHAR = 65535;

  private ParquetSchemas() {}

  /** The file schema for the columns: DECIMAL as INT32, INT64 or FIXED by precision. */
  static MessageType schemaOf(List<ColumnDefinition> columns) {
    List<Type> fields = new ArrayList<>();
    for (ColumnDefinition column : columns) {
      fields.add(field(column));
    }
    return new MessageType("schema", fields);
  }

  private static Type field(ColumnDefinition column) {
    Type.Repetition repetition = column.nullable() ? Type.Repetition.OPTIONAL
        : Type.Repetition.REQUIRED;
    ColumnType type = column.type();
    Types.PrimitiveBuilder<PrimitiveType> builder = switch (type.name()) {
      case SMALLINT -> Types.primitive(PrimitiveTypeName.INT32, repetition)
          .as(LogicalTypeAnnotation.intType(16, true));
      case INTEGER -> Types.primitive(PrimitiveTypeName.INT32, repetition);
      case BIGINT -> Types.primitive(PrimitiveTypeName.INT64, repetition);
      case DECIMAL -> {
        LogicalTypeAnnotation decimal = LogicalTypeAnnotation.decimalType(type.scale(),
            type.precision());
        if (type.precision() <= 9) {
          yield Types.primitive(PrimitiveTypeName.INT32, repetition).as(decimal);
        }
        if (type.precision() <= 18) {
          yield Types.primitive(PrimitiveTypeName.INT64, repetition).as(decimal);
        }
        yield Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
            .length(fixedLength(type.precision())).as(decimal);
      }
      case REAL -> Types.primitive(PrimitiveTypeName.FLOAT, repetition);
      case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition);
      case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition);
      case CHAR, VARCHAR -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
          .as(LogicalTypeAnnotation.stringType());
      case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition)
          .as(LogicalTypeAnnotation.dateType());
      case TIMESTAMP, TIMESTAMPTZ -> Types.primitive(PrimitiveTypeName.INT64, repetition)
          .as(LogicalTypeAnnotation.timestampType(type.name() == TypeName.TIMESTAMPTZ,
              TimeUnit.MILLIS));
    };
    return builder.named(column.name());
  }

  /** The fewest bytes whose two's complement holds every unscaled value of the precision. */
  static int fixedLength(int precision) {
    BigInteger limit = BigInteger.TEN.pow(precision);
    int bytes = 1;
    while (BigInteger.ONE.shiftLeft(8 * bytes - 1).compareTo(limit) < 0) {
      bytes++;
    }
    return bytes;
  }

  /**
   * The table type for a top-level field, or null for one a table column cannot read (groups,
   * lists, maps, repeated fields, TIME, UUID, INTERVAL, binary that is not text).
   */
  static ColumnType inferType(Type field) {
    if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
      return null;
    }
    PrimitiveType primitive = field.asPrimitiveType();
    LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return decimal.getPrecision() <= 38
          ? ColumnType.decimal(decimal.getPrecision(), decimal.getScale()) : null;
    }
    return switch (primitive.getPrimitiveTypeName()) {
      case BOOLEAN -> logical == null ? ColumnType.of(TypeName.BOOLEAN) : null;
      case INT32 -> {
        if (logical == null) {
          yield ColumnType.of(TypeName.INTEGER);
        }
        if (logical instanceof DateLogicalTypeAnnotation) {
          yield ColumnType.of(TypeName.DATE);
        }
        if (logical instanceof IntLogicalTypeAnnotation integer) {
          int bits = integer.isSigned() ? integer.getBitWidth() : integer.getBitWidth() * 2;
          yield ColumnType.of(bits <= 16 ? TypeName.SMALLINT : bits <= 32 ? TypeName.INTEGER
              : TypeName.BIGINT);
        }
        yield null;
      }
      case INT64 -> {
        if (logical == null) {
          yield ColumnType.of(TypeName.BIGINT);
        }
        if (logical instanceof IntLogicalTypeAnnotation integer) {
          yield ColumnType.of(TypeName.BIGINT); // unsigned values past 2^63 fail when read
        }
        if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
          yield ColumnType.of(timestamp.isAdjustedToUTC() ? TypeName.TIMESTAMPTZ
              : TypeName.TIMESTAMP);
        }
        yield null;
      }
      case INT96 -> ColumnType.of(TypeName.TIMESTAMP);
      case FLOAT -> logical == null ? ColumnType.of(TypeName.REAL) : null;
      case DOUBLE -> logical == null ? ColumnType.of(TypeName.DOUBLE) : null;
      case BINARY -> logical == null || logical instanceof StringLogicalTypeAnnotation
          || logical instanceof EnumLogicalTypeAnnotation
          || logical instanceof JsonLogicalTypeAnnotation
          ? ColumnType.varchar(MAX_VARCHAR) : null;
      case FIXED_LEN_BYTE_ARRAY -> null;
    };
  }
}
