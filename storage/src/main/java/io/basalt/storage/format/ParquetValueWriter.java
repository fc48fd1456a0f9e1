package io.basalt.storage.format;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.ColumnVector;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.block.PhysicalType;
import io.basalt.storage.objectstore.ObjectUri;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;

/**
 * Writes one table column's values into parquet-java's column writer of the current row group,
 * in the physical type {@link ParquetSchemas#schemaOf} chose for it.
 */
final class ParquetValueWriter {
  /** The Parquet physical type written. */
  private enum Kind { INT32, INT64, BOOLEAN, FLOAT, DOUBLE, STRING, FIXED_DECIMAL }

  private final ObjectUri uri;
  private final ColumnDefinition column;
  private final ColumnType type;
  private final Kind kind;
  private final int definition;
  private final int fixedLength;
  private ColumnWriter writer;

  ParquetValueWriter(ObjectUri uri, ColumnDefinition column) {
    this.uri = uri;
    this.column = column;
    this.type = column.type();
    this.definition = column.nullable() ? 1 : 0;
    this.kind = switch (type.name()) {
      case SMALLINT, INTEGER, DATE -> Kind.INT32;
      case BIGINT, TIMESTAMP, TIMESTAMPTZ -> Kind.INT64;
      case DECIMAL -> type.precision() <= 9 ? Kind.INT32 : type.precision() <= 18 ? Kind.INT64
          : Kind.FIXED_DECIMAL;
      case BOOLEAN -> Kind.BOOLEAN;
      case REAL -> Kind.FLOAT;
      case DOUBLE -> Kind.DOUBLE;
      case CHAR, VARCHAR -> Kind.STRING;
    };
    this.fixedLength = kind == Kind.FIXED_DECIMAL ? ParquetSchemas.fixedLength(type.precision())
        : 0;
  }

  /** Switches to the column writer of a new row group. */
  void use(ColumnWriter newWriter) {
    this.writer = newWriter;
  }

  /**
   * Whether the vector's values can be written as they are: the same physical type and, for
   * DECIMAL, the same scale. Others go through {@link ColumnBuilder} first.
   */
  boolean accepts(ColumnVector vector) {
    ColumnType given = vector.type();
    if (PhysicalType.of(given) != PhysicalType.of(type)) {
      return false;
    }
    return type.name() != TypeName.DECIMAL
        || given.name() == TypeName.DECIMAL && given.scale() == type.scale();
  }

  /** 23502 when the vector has a NULL in rows [from, to) and the column is NOT NULL. */
  void checkNulls(ColumnVector vector, int from, int to) {
    boolean[] nulls = vector.nullFlags();
    if (definition == 0 && nulls != null) {
      for (int row = from; row < to; row++) {
        if (nulls[row]) {
          throw new StorageException("23502", "Cannot write '" + uri + "': column '"
              + column.name() + "' is NOT NULL but a row has NULL");
        }
      }
    }
  }

  /** Writes rows [from, to) of a vector that {@link #accepts} passed. */
  void write(ColumnVector vector, int from, int to) {
    for (int row = from; row < to; row++) {
      if (vector.isNull(row)) {
        writer.writeNull(0, 0);
        continue;
      }
      switch (kind) {
        case INT32 -> writer.write((int) vector.getLong(row), 0, definition);
        case INT64 -> writer.write(vector.getLong(row), 0, definition);
        case BOOLEAN -> writer.write(vector.getLong(row) != 0, 0, definition);
        case FLOAT -> writer.write((float) vector.getDouble(row), 0, definition);
        case DOUBLE -> writer.write(vector.getDouble(row), 0, definition);
        case STRING -> writer.write(Binary.fromString((String) vector.get(row)), 0, definition);
        case FIXED_DECIMAL -> writer.write(fixed((BigDecimal) vector.get(row)), 0, definition);
      }
    }
  }

  private Binary fixed(BigDecimal value) {
    byte[] unscaled = DecimalValues.rescale(value, type).unscaledValue().toByteArray();
    if (unscaled.length == fixedLength) {
      return Binary.fromConstantByteArray(unscaled);
    }
    byte[] bytes = new byte[fixedLength];
    Arrays.fill(bytes, 0, fixedLength - unscaled.length, unscaled[0] < 0 ? (byte) -1 : 0);
    System.arraycopy(unscaled, 0, bytes, fixedLength - unscaled.length, unscaled.length);
    return Binary.fromConstantByteArray(bytes);
  }
}
