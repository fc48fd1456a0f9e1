package io.basalt.storage.format;

import io.basalt.storage.ColumnType;
import io.basalt.storage.TypeName;
import io.basalt.storage.block.PhysicalType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decoders that read one flat Parquet column's values straight into a batch's arrays, one class
 * per conversion from the file's type to the table's, each with its own loop so that the value
 * accessor it calls stays monomorphic.
 */
final class ParquetDecoders {
  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final long JULIAN_EPOCH_DAY = 2_440_588L;

  private ParquetDecoders() {}

  /**
   * Reads {@code count} values of a column into a vector of the table column's type. The same
   * decoder serves every row group of a split.
   */
  abstract static class Decoder extends PrimitiveConverter {
    final ColumnType type;
    final int maxDefinition;
    boolean[] nulls;

    Decoder(ColumnType type, int maxDefinition) {
      this.type = type;
      this.maxDefinition = maxDefinition;
    }

    /** Called when a row group starts, before its reader is made. */
    void startRowGroup() {}

    abstract ArrayColumnVector read(ColumnReader reader, int count);

    /**
     * The batch {@code raw} decoded by {@link ParquetPageReader} (the file's values, aligned with
     * the rows, zero or null in NULL rows) converted as {@link #read} converts; null for a
     * decoder the page reader does not serve.
     */
    ArrayColumnVector convert(Raw raw) {
      return null;
    }

    final boolean present(ColumnReader reader, int row, int count) {
      if (reader.getCurrentDefinitionLevel() == maxDefinition) {
        return true;
      }
      if (nulls == null) {
        nulls = new boolean[count];
      }
      nulls[row] = true;
      return false;
    }

    final boolean[] takeNulls() {
      boolean[] result = nulls;
      nulls = null;
      return result;
    }

    /**
     * A row-group minimum or maximum, as parquet-java's statistics hold it, in the comparable
     * form of the table column's physical type (see {@link io.basalt.storage.zonemap.ZoneMap}),
     * or null when it cannot bound the converted values.
     */
    abstract Comparable<?> zoneValue(Object statistic);
  }

  /**
   * One batch of a column's values as the file holds them, row-aligned: INT32 in {@code ints},
   * INT64 and BOOLEAN (0/1) in {@code longs}, FLOAT and DOUBLE in {@code doubles}, BINARY and
   * FIXED_LEN_BYTE_ARRAY in {@code objects} (Strings for a string column, else {@link Binary}).
   * The arrays may be longer than {@code count}; {@code nulls} is null when no row is NULL.
   */
  static final class Raw {
    int count;
    boolean[] nulls;
    int[] ints;
    long[] longs;
    double[] doubles;
    Object[] objects;
  }

  /** INT32 or INT64 into SMALLINT, INTEGER or BIGINT, range-checked when narrowing. */
  static final class IntegerDecoder extends Decoder {
    private final boolean int64;
    private final boolean unsigned;
    private final long min;
    private final long max;

    IntegerDecoder(ColumnType type, int maxDefinition, boolean int64, boolean unsigned) {
      super(type, maxDefinition);
      this.int64 = int64;
      this.unsigned = unsigned;
      this.min = switch (type.name()) {
        case SMALLINT -> Short.MIN_VALUE;
        case INTEGER -> Integer.MIN_VALUE;
        default -> Long.MIN_VALUE;
      };
      this.max = switch (type.name()) {
        case SMALLINT -> Short.MAX_VALUE;
        case INTEGER -> Integer.MAX_VALUE;
        default -> Long.MAX_VALUE;
      };
    }

    @Override
    ArrayColumnVector read(ColumnReader reader, int count) {
      long[] values = new long[count];
      boolean checked = min != Long.MIN_VALUE || unsigned;
      for (int i = 0; i < count; i++) {
        if (present(reader, i, count)) {
          long v = int64 ? reader.getLong() : unsigned ? reader.getInteger() & 0xffffffffL
              : reader.getInteger();
          if (checked) {
            check(v);
          }
          values[i] = v;
        }
        reader.consume();
      }
      return ArrayColumnVector.ofLongs(type, count, values, takeNulls());
    }

    @Override
    ArrayColumnVector convert(Raw raw) {
      int count = raw.count;
      long[] values;
      if (int64) {
        values = raw.longs;
      } else {
        int[] ints = raw.ints;
        values = new long[count];
        if (unsigned) {
          for (int i = 0; i < count; i++) {
            values[i] = ints[i] & 0xffffffffL;
          }
        } else {
          for (int i = 0; i < count; i++) {
            values[i] = ints[i];
          }
        }
      }
      if (min != Long.MIN_VALUE || unsigned) {
        for (int i = 0; i < count; i++) {
          check(values[i]); // NULL rows hold 0, which is in range
        }
      }
      return ArrayColumnVector.ofLongs(type, count, values, raw.nulls);
    }

    private void check(long v) {
      if (int64 && unsigned && v < 0) {
        throw BadValueException.outOfRange("value " + Long.toUnsignedString(v)
            + " is out of range for " + ColumnTypes.label(type));
      }
      if (v < min || v > max) {
        throw BadValueException.outOfRange("value " + v + " is out of range for "
            + ColumnTypes.label(type));
      }
    }

    @Override
    Comparable<?> zoneValue(Object statistic) {
      if (statistic instanceof Integer i) {
        return unsigned ? i & 0xffffffffL : (long) i;
      }
      if (statistic instanceof Long l) {
        return unsigned && l < 0 ? null : l;
      }
      return null;
    }
  }

  /** INT32 DATE into DATE (days), or into TIMESTAMP(TZ) as midnight UTC. */
  static final class DateDecoder extends Decoder {
    private final long factor;

    DateDecoder(ColumnType type, int maxDefinition) {
      super(type, maxDefinition);
      factor = type.name() == TypeName.DATE ? 1
          : type.isMicroseconds() ? MICROS_PER_DAY : MILLIS_PER_DAY;
    }

    @Override
    ArrayColumnVector read(ColumnReader reader, int count) {
      long[] values = new long[count];
      for (int i = 0; i < count; i++) {
        if (present(reader, i, count)) {
          values[i] = reader.getInteger() * factor;
        }
        reader.consume();
      }
      return ArrayColumnVector.ofLongs(type, count, values, takeNulls());
    }

    @Override
    ArrayColumnVector convert(Raw raw) {
      int count = raw.count;
      int[] ints = raw.ints;
      long[] values = new long[count];
      for (int i = 0; i < count; i++) {
        values[i] = ints[i] * factor;
      }
      return ArrayColumnVector.ofLongs(type, count, values, raw.nulls);
    }

    @Override
    Comparable<?> zoneValue(Object statistic) {
      return statistic instanceof Integer i ? i * factor : null;
    }
  }

  /**
   * INT64 TIMESTAMP in millis, micros or nanos into milliseconds, or into microseconds for a
   * {@link ColumnType#microseconds} type (rounded down).
   */
  static final class TimestampDecoder extends Decoder {
    private final long multiplier;
    private final long divisor;

    /** Values of {@code unitsPerSecond} (1_000, 1_000_000 or 1_000_000_000) into the type's. */
    TimestampDecoder(ColumnType type, int maxDefinition, long unitsPerSecond) {
      super(type, maxDefinition);
      long target = type.isMicroseconds() ? 1_000_000L : 1_000L;
      this.multiplier = Math.max(1, target / unitsPerSecond);
      this.divisor = Math.max(1, unitsPerSecond / target);
    }

    private long convert(long value) {
      return Math.floorDiv(value * multiplier, divisor);
    }

    @Override
    ArrayColumnVector read(ColumnReader reader, int count) {
      long[] values = new long[count];
      boolean same = multiplier == 1 && divisor == 1;
      for (int i = 0; i < count; i++) {
        if (present(reader, i, count)) {
          values[i] = same ? reader.getLong() : convert(reader.getLong());
        }
        reader.consume();
      }
      return ArrayColumnVector.ofLongs(type, count, values, takeNulls());
    }

    @Override
    ArrayColumnVector convert(Raw raw) {
      int count = raw.count;
      long[] values = raw.longs;
      if (multiplier != 1 || divisor != 1) {
        for (int i = 0; i < count; i++) {
          values[i] = convert(values[i]);
        }
      }
      return ArrayColumnVector.ofLongs(type, count, values, raw.nulls);
    }

    @Override
    Comparable<?> zoneValue(Object statistic) {
      return statistic instanceof Long l ? convert(l) : null;
    }
  }

  /** Legacy INT96 timestamps (Impala, Hive, Spark): nanos of day and Julian day, little-endian. */
  static final class Int96Decoder extends Decoder {
    Int96Decoder(ColumnType type, int maxDefinition) {
      super(type, maxDefinition);
    }

    @Override
    ArrayColumnVector read(ColumnReader reader, int count) {
      long[] values = new long[count];
      for (int i = 0; i < count; i++) {
        if (present(reader, i, count)) {
          ByteBuffer bytes = reader.getBinary().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
          long nanos = bytes.getLong();
          int julianDay = bytes.getInt();
          values[i] = type.isMicroseconds()
              ? (julianDay - JULIAN_EPOCH_DAY) * MICROS_PER_DAY + Math.floorDiv(nanos, 1_000L)
              : (julianDay - JULIAN_EPOCH_DAY) * MILLIS_PER_DAY + Math.floorDiv(nanos, 1_000_000L);
        }
        reader.consume();
      }
      return ArrayColumnVector.ofLongs(type, count, values, takeNulls());
    }

    @Override
    Comparable<?> zoneValue(Object statistic) {
      return null; // INT96 has no defined sort order
    }
  }

  /** BOOLEAN into 0/1. */
  static final class BooleanDecoder extends Decoder {
    BooleanDecoder(ColumnType type, int maxDefinition) {
      super(type, maxDefinition);
    }

    @Override
    ArrayColumnVector read(ColumnReader reader, int count) {
      long[] values = new long[count];
      for (int i = 0; i < count; i++) {
        if (present(reader, i, count) && reader.getBoolean()) {
          values[i] = 1;
        }
        reader.consume();
      }
      return ArrayColumnVector.ofLongs(type, count, values, takeNulls());
    }

    @Override
    ArrayColumnVector convert(Raw raw) {
      return ArrayColumnVector.ofLongs(type, raw.count, raw.longs, raw.nulls);
    }

    @Override
    Comparable<?> zoneValue(Object statistic) {
      return statistic instanceof Boolean b ? (b ? 1L : 0L) : null;
    }
  }

  /** FLOAT, DOUBLE, INT32 or INT64 into REAL or DOUBLE. */
  static final class FloatingDecoder extends Decoder {
    private final PrimitiveTypeName source;
    private final boolean toReal;

    FloatingDecoder(ColumnType type, int maxDefinition,
        PrimitiveTypeName source) {
      super(type, maxDefinition);
      this.source = source;
      this.toReal = type.name() == TypeName.REAL;
    }

    @Override
    ArrayColumnVector read(ColumnReader reader, int count) {
      double[] values = new double[count];
      for (int i = 0; i < count; i++) {
        if (present(reader, i, count)) {
          values[i] = switch (source) {
            case FLOAT -> reader.getFloat();
            case DOUBLE -> toReal ? (float) reader.getDouble() : reader.getDouble();
            case INT32 -> reader.getInteger();
            default -> reader.getLong();
          };
        }
        reader.consume();
      }
      return ArrayColumnVector.ofDoubles(type, count, values, takeNulls());
    }

    @Override
    ArrayColumnVector convert(Raw raw) {
      int count = raw.count;
      double[] values;
      switch (source) {
        case FLOAT -> values = raw.doubles; // floats, widened exactly
        case DOUBLE -> {
          values = raw.doubles;
          if (toReal) {
            for (int i = 0; i < count; i++) {
              values[i] = (float) values[i];
            }
          }
        }
        case INT32 -> {
          int[] ints = raw.ints;
          values = new double[count];
          for (int i = 0; i < count; i++) {
            values[i] = ints[i];
          }
        }
        default -> {
          long[] longs = raw.longs;
          values = new double[count];
          for (int i = 0; i < count; i++) {
            values[i] = longs[i];
          }
        }
      }
      return ArrayColumnVector.ofDoubles(type, count, values, raw.nulls);
    }

    @Override
    Comparable<?> zoneValue(Object statistic) {
      if (!(statistic instanceof Number n)) {
        return null;
      }
      double v = statistic instanceof Double && toReal ? (float) n.doubleValue() : n.doubleValue();
      return Double.isNaN(v) ? null : v;
    }
  }

  /**
   * BINARY strings into CHAR/VARCHAR. Dictionary pages are decoded once per distinct value, so
   * repeated values share one String.
   */
  static final class StringDecoder extends Decoder {
    private final boolean blankInsensitive;
    private Dictionary dictionary;
    private String[] decoded;
    private Object[] values;
    private int row;

    StringDecoder(ColumnType type, int maxDefinition) {
      super(type, maxDefinition);
      blankInsensitive = PhysicalType.ignoresTrailingBlanks(type);
    }

    @Override
    void startRowGroup() {
      dictionary = null;
      decoded = null;
    }

    @Override
    public boolean hasDictionarySupport() {
      return true;
    }

    @Override
    public void setDictionary(Dictionary newDictionary) {
      dictionary = newDictionary;
      decoded = new String[newDictionary.getMaxId() + 1];
    }

    @Override
    public void addValueFromDictionary(int id) {
      String value = decoded[id];
      if (value == null) {
        value = dictionary.decodeToBinary(id).toStringUsingUTF8();
        decoded[id] = value;
      }
      values[row] = value;
    }

    @Override
    public void addBinary(Binary value) {
      values[row] = value.toStringUsingUTF8();
    }

    @Override
    ArrayColumnVector read(ColumnReader reader, int count) {
      values = new Object[count];
      for (row = 0; row < count; row++) {
        if (present(reader, row, count)) {
          reader.writeCurrentValueToConverter();
        }
        reader.consume();
      }
      Object[] result = values;
      values = null;
      return ArrayColumnVector.ofObjects(type, count, result, takeNulls());
    }

    @Override
    ArrayColumnVector convert(Raw raw) {
      return ArrayColumnVector.ofObjects(type, raw.count, raw.objects, raw.nulls);
    }

    @Override
    Comparable<?> zoneValue(Object statistic) {
      if (!(statistic instanceof Binary binary)) {
        return null;
      }
      String value = binary.toStringUsingUTF8();
      // Parquet orders by UTF-8 bytes, String.compareTo by UTF-16 units: they differ only for
      // surrogates. CHAR drops trailing blanks, which keeps the order only above the blank.
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Character.isSurrogate(c) || c >= '\uE000' || blankInsensitive && c < ' ') {
          return null;
        }
      }
      return blankInsensitive ? PhysicalType.stripBlanks(value) : value;
    }
  }
}
