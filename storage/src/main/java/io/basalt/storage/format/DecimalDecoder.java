package io.basalt.storage.format;

import io.basalt.storage.ColumnType;
import io.basalt.storage.block.PhysicalType;
import io.basalt.storage.format.ParquetDecoders.Decoder;
import io.basalt.storage.format.ParquetDecoders.Raw;
import java.math.BigDecimal;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/** DECIMAL (INT32, INT64, BINARY or FIXED) or an integer into a long-backed DECIMAL. */
final class DecimalDecoder extends Decoder {
  private final PrimitiveTypeName source;
  private final int fileScale;
  private final boolean wide;

  DecimalDecoder(ColumnType type, int maxDefinition,
      PrimitiveTypeName source, int fileScale) {
    super(type, maxDefinition);
    this.source = source;
    this.fileScale = fileScale;
    this.wide = PhysicalType.of(type) == PhysicalType.BIG_DECIMAL;
  }

  @Override
  ArrayColumnVector read(ColumnReader reader, int count) {
    if (wide) {
      Object[] values = new Object[count];
      for (int i = 0; i < count; i++) {
        if (present(reader, i, count)) {
          values[i] = DecimalValues.rescale(decimal(reader), type);
        }
        reader.consume();
      }
      return ArrayColumnVector.ofObjects(type, count, values, takeNulls());
    }
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      if (present(reader, i, count)) {
        values[i] = switch (source) {
          case INT32 -> DecimalValues.rescale(reader.getInteger(), fileScale, type);
          case INT64 -> DecimalValues.rescale(reader.getLong(), fileScale, type);
          default -> binary(reader.getBinary());
        };
      }
      reader.consume();
    }
    return ArrayColumnVector.ofLongs(type, count, values, takeNulls());
  }

  @Override
  ArrayColumnVector convert(Raw raw) {
    int count = raw.count;
    boolean[] nulls = raw.nulls;
    if (wide) {
      Object[] values = new Object[count];
      for (int i = 0; i < count; i++) {
        if (nulls == null || !nulls[i]) {
          BigDecimal decimal = switch (source) {
            case INT32 -> BigDecimal.valueOf(raw.ints[i], fileScale);
            case INT64 -> BigDecimal.valueOf(raw.longs[i], fileScale);
            default -> DecimalValues.fromBytes(((Binary) raw.objects[i]).getBytesUnsafe(),
                fileScale);
          };
          values[i] = DecimalValues.rescale(decimal, type);
        }
      }
      return ArrayColumnVector.ofObjects(type, count, values, nulls);
    }
    long[] values;
    switch (source) {
      case INT32 -> {
        int[] ints = raw.ints;
        values = new long[count];
        for (int i = 0; i < count; i++) {
          values[i] = DecimalValues.rescale(ints[i], fileScale, type);
        }
      }
      case INT64 -> {
        values = raw.longs;
        for (int i = 0; i < count; i++) {
          values[i] = DecimalValues.rescale(values[i], fileScale, type);
        }
      }
      default -> {
        values = new long[count];
        Object[] binaries = raw.objects;
        for (int i = 0; i < count; i++) {
          if (nulls == null || !nulls[i]) {
            values[i] = binary((Binary) binaries[i]);
          }
        }
      }
    }
    return ArrayColumnVector.ofLongs(type, count, values, nulls);
  }

  private long binary(Binary binary) {
    byte[] bytes = binary.getBytesUnsafe();
    if (bytes.length <= 8 && bytes.length > 0) {
      return DecimalValues.rescale(DecimalValues.longFromBytes(bytes, 0, bytes.length),
          fileScale, type);
    }
    BigDecimal value = DecimalValues.rescale(DecimalValues.fromBytes(bytes, fileScale), type);
    return value.unscaledValue().longValueExact();
  }

  private BigDecimal decimal(ColumnReader reader) {
    return switch (source) {
      case INT32 -> BigDecimal.valueOf(reader.getInteger(), fileScale);
      case INT64 -> BigDecimal.valueOf(reader.getLong(), fileScale);
      default -> DecimalValues.fromBytes(reader.getBinary().getBytesUnsafe(), fileScale);
    };
  }

  @Override
  Comparable<?> zoneValue(Object statistic) {
    BigDecimal value;
    if (statistic instanceof Integer i) {
      value = BigDecimal.valueOf(i, fileScale);
    } else if (statistic instanceof Long l) {
      value = BigDecimal.valueOf(l, fileScale);
    } else if (statistic instanceof Binary b && b.length() > 0) {
      value = DecimalValues.fromBytes(b.getBytes(), fileScale);
    } else {
      return null;
    }
    try {
      BigDecimal scaled = DecimalValues.rescale(value, type);
      return wide ? scaled : (Comparable<?>) scaled.unscaledValue().longValueExact();
    } catch (BadValueException | ArithmeticException e) {
      return null;
    }
  }
}
