package io.basalt.storage.format;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectUri;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * One table column bound to the top-level field of a Parquet file with its name (compared
 * case-insensitively, as Athena does), with the decoder that converts the file's type to the
 * table's; {@link #missing} when the file has no such field, whose values then read as NULL.
 */
final class ParquetColumnBinding {
  private final ColumnDefinition column;
  private final Type field;
  private final ColumnDescriptor descriptor;
  private final ParquetDecoders.Decoder decoder;

  private ParquetColumnBinding(ColumnDefinition column, Type field, ColumnDescriptor descriptor,
      ParquetDecoders.Decoder decoder) {
    this.column = column;
    this.field = field;
    this.descriptor = descriptor;
    this.decoder = decoder;
  }

  /** Binds the column; 42804 naming the file when the file's type cannot become the table's. */
  static ParquetColumnBinding bind(ObjectUri uri, MessageType schema, ColumnDefinition column) {
    Type field = field(schema, column.name());
    if (field == null) {
      return new ParquetColumnBinding(column, null, null, null);
    }
    if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
      throw mismatch(uri, column, field);
    }
    ColumnDescriptor descriptor = schema.getColumnDescription(new String[] {field.getName()});
    ParquetDecoders.Decoder decoder = decoder(column.type(), field.asPrimitiveType(),
        descriptor.getMaxDefinitionLevel());
    if (decoder == null) {
      throw mismatch(uri, column, field);
    }
    return new ParquetColumnBinding(column, field, descriptor, decoder);
  }

  /** The top-level field named {@code name}: exact spelling first, then ignoring case. */
  static Type field(GroupType schema, String name) {
    Type folded = null;
    for (Type field : schema.getFields()) {
      if (field.getName().equals(name)) {
        return field;
      }
      if (folded == null && field.getName().equalsIgnoreCase(name)) {
        folded = field;
      }
    }
    return folded;
  }

  boolean missing() {
    return field == null;
  }

  ColumnDefinition column() {
    return column;
  }

  Type field() {
    return field;
  }

  ColumnDescriptor descriptor() {
    return descriptor;
  }

  ColumnPath path() {
    return ColumnPath.get(field.getName());
  }

  ParquetDecoders.Decoder decoder() {
    return decoder;
  }

  /** Whether the file's values may be NaN, which Parquet leaves out of min/max statistics. */
  boolean floating() {
    PrimitiveTypeName type = field.asPrimitiveType().getPrimitiveTypeName();
    return type == PrimitiveTypeName.FLOAT || type == PrimitiveTypeName.DOUBLE;
  }

  private static StorageException mismatch(ObjectUri uri, ColumnDefinition column, Type field) {
    return new StorageException("42804", "Cannot read '" + uri + "': column '" + column.name()
        + "' is " + describe(field) + " in the file but " + ColumnTypes.label(column.type())
        + " in the table");
  }

  /** The file type as messages show it, e.g. {@code BINARY (STRING)}, {@code a group (LIST)}. */
  static String describe(Type field) {
    LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
    String annotation = logical == null ? "" : " (" + logical + ")";
    if (!field.isPrimitive()) {
      return "a group" + annotation;
    }
    PrimitiveType primitive = field.asPrimitiveType();
    String name = primitive.getPrimitiveTypeName().name();
    if (primitive.getPrimitiveTypeName() == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
      name += "(" + primitive.getTypeLength() + ")";
    }
    return (field.isRepetition(Type.Repetition.REPEATED) ? "a repeated " : "") + name
        + annotation;
  }

  /** The decoder from the file's primitive type to the table's, or null when there is none. */
  private static ParquetDecoders.Decoder decoder(ColumnType type, PrimitiveType file,
      int maxDefinition) {
    PrimitiveTypeName physical = file.getPrimitiveTypeName();
    LogicalTypeAnnotation logical = file.getLogicalTypeAnnotation();
    boolean integral = (physical == PrimitiveTypeName.INT32 || physical == PrimitiveTypeName.INT64)
        && (logical == null || logical instanceof IntLogicalTypeAnnotation);
    boolean unsigned = logical instanceof IntLogicalTypeAnnotation i && !i.isSigned();
    return switch (type.name()) {
      case SMALLINT, INTEGER, BIGINT -> integral ? new ParquetDecoders.IntegerDecoder(type,
          maxDefinition, physical == PrimitiveTypeName.INT64, unsigned) : null;
      case DECIMAL -> {
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
          yield new DecimalDecoder(type, maxDefinition, physical,
              decimal.getScale());
        }
        yield integral && !(unsigned && physical == PrimitiveTypeName.INT64)
            ? new DecimalDecoder(type, maxDefinition, physical, 0) : null;
      }
      case REAL, DOUBLE -> (physical == PrimitiveTypeName.FLOAT
          || physical == PrimitiveTypeName.DOUBLE) && logical == null
          || integral && !unsigned
          ? new ParquetDecoders.FloatingDecoder(type, maxDefinition, physical) : null;
      case BOOLEAN -> physical == PrimitiveTypeName.BOOLEAN
          ? new ParquetDecoders.BooleanDecoder(type, maxDefinition) : null;
      case CHAR, VARCHAR -> physical == PrimitiveTypeName.BINARY && (logical == null
          || logical instanceof StringLogicalTypeAnnotation
          || logical instanceof EnumLogicalTypeAnnotation
          || logical instanceof JsonLogicalTypeAnnotation)
          ? new ParquetDecoders.StringDecoder(type, maxDefinition) : null;
      case DATE -> physical == PrimitiveTypeName.INT32
          && logical instanceof DateLogicalTypeAnnotation
          ? new ParquetDecoders.DateDecoder(type, maxDefinition) : null;
      case TIMESTAMP, TIMESTAMPTZ -> {
        if (physical == PrimitiveTypeName.INT64
            && logical instanceof TimestampLogicalTypeAnnotation timestamp) {
          long unitsPerSecond = switch (timestamp.getUnit()) {
            case MILLIS -> 1_000L;
            case MICROS -> 1_000_000L;
            case NANOS -> 1_000_000_000L;
          };
          yield new ParquetDecoders.TimestampDecoder(type, maxDefinition, unitsPerSecond);
        }
        if (physical == PrimitiveTypeName.INT96) {
          yield new ParquetDecoders.Int96Decoder(type, maxDefinition);
        }
        yield physical == PrimitiveTypeName.INT32 && logical instanceof DateLogicalTypeAnnotation
            ? new ParquetDecoders.DateDecoder(type, maxDefinition) : null;
      }
    };
  }
}
