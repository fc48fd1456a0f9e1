package io.basalt.storage.write;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.block.ColumnBuffer;
import io.basalt.storage.block.DoubleColumnBuffer;
import io.basalt.storage.block.LongColumnBuffer;
import io.basalt.storage.block.ObjectColumnBuffer;
import io.basalt.storage.block.PhysicalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Checks each value of a row against its column and converts it to the physical form, all before
 * anything is buffered, so that a rejected row leaves no trace. Integer-like Java types are
 * accepted for any integer-like column when the value fits; decimals are rescaled to the column
 * scale rounding half up, as Redshift does.
 */
final class RowConverter {
  /** Rough heap cost of one buffered string beyond its characters. */
  private static final int STRING_OVERHEAD = StringFootprint.STRING_OVERHEAD;
  private static final int CHECKED_SLOTS = 64;
  /** Strings checked before judging whether a column repeats enough to keep a cache. */
  private static final int CHECKED_SAMPLE = 4096;

  private final TableDefinition table;
  private final ColumnDefinition[] columns;
  private final PhysicalType[] physical;
  private final boolean[] nulls;
  private final long[] longs;
  private final double[] doubles;
  private final Object[] objects;
  /** Per string column, Strings that passed {@link #text} unchanged, by hash. */
  private final String[][] checkedStrings;
  private final long[] checkedHits;
  private final long[] checkedMisses;
  private long rowBytes;

  RowConverter(TableDefinition table) {
    this.table = table;
    this.columns = table.columns().toArray(new ColumnDefinition[0]);
    int n = columns.length;
    physical = new PhysicalType[n];
    for (int i = 0; i < n; i++) {
      physical[i] = PhysicalType.of(columns[i].type());
    }
    nulls = new boolean[n];
    longs = new long[n];
    doubles = new double[n];
    objects = new Object[n];
    checkedStrings = new String[n][];
    checkedHits = new long[n];
    checkedMisses = new long[n];
    for (int i = 0; i < n; i++) {
      if (physical[i] == PhysicalType.STRING) {
        checkedStrings[i] = new String[CHECKED_SLOTS];
      }
    }
  }

  /** The estimated heap bytes of the row converted last. */
  long rowBytes() {
    return rowBytes;
  }

  void convert(Object[] row) {
    if (row.length != columns.length) {
      throw new StorageException("42601", "Cannot insert into table " + qualified() + ": row has "
          + row.length + " values but the table has " + columns.length + " columns");
    }
    long bytes = 0;
    for (int c = 0; c < columns.length; c++) {
      ColumnDefinition column = columns[c];
      Object value = row[c];
      bytes += 9;
      if (value == null) {
        if (!column.nullable()) {
          throw new StorageException("23502", "null value in column \"" + column.name()
              + "\" of relation " + qualified() + " violates not-null constraint");
        }
        nulls[c] = true;
        continue;
      }
      nulls[c] = false;
      ColumnType type = column.type();
      switch (type.name()) {
        case SMALLINT -> longs[c] = integral(column, value, Short.MIN_VALUE, Short.MAX_VALUE);
        case INTEGER, DATE -> longs[c] = integral(column, value, Integer.MIN_VALUE,
            Integer.MAX_VALUE);
        case BIGINT, TIMESTAMP, TIMESTAMPTZ -> longs[c] = integral(column, value, Long.MIN_VALUE,
            Long.MAX_VALUE);
        case BOOLEAN -> {
          if (!(value instanceof Boolean b)) {
            throw mismatch(column, value);
          }
          longs[c] = b ? 1 : 0;
        }
        case DECIMAL -> {
          BigDecimal decimal = decimal(column, value);
          if (physical[c] == PhysicalType.LONG) {
            try {
              // Moving the point keeps a compact decimal compact; unscaledValue() would build
              // a BigInteger per value.
              longs[c] = decimal.movePointRight(decimal.scale()).longValueExact();
            } catch (ArithmeticException e) {
              throw outOfRange(column);
            }
          } else {
            objects[c] = decimal;
            bytes += 64;
          }
        }
        case REAL -> {
          float f = number(column, value).floatValue();
          if (Float.isInfinite(f) && !Double.isInfinite(number(column, value).doubleValue())) {
            throw new StorageException("22003", "value out of range for type real in column \""
                + column.name() + "\"");
          }
          doubles[c] = f;
        }
        case DOUBLE -> doubles[c] = number(column, value).doubleValue();
        case CHAR, VARCHAR -> {
          String[] checked = checkedStrings[c];
          int slot = checked != null && value instanceof String s
              ? s.hashCode() & (CHECKED_SLOTS - 1) : 0;
          if (checked != null && checked[slot] == value) {
            checkedHits[c]++;
            // An instance seen before (loaders share repeated values): already checked, and
            // buffering it again costs only the reference.
            objects[c] = value;
            bytes += 8;
          } else {
            String text = text(column, value);
            objects[c] = text;
            if (checked != null && text == value) {
              checked[slot] = text;
              if (++checkedMisses[c] == CHECKED_SAMPLE && checkedHits[c] < CHECKED_SAMPLE) {
                // Mostly distinct values (comments): hashing each costs more than it saves.
                checkedStrings[c] = null;
              }
            }
            bytes += STRING_OVERHEAD + text.length();
          }
        }
        default -> throw new IllegalStateException("unreachable");
      }
    }
    rowBytes = bytes;
  }

  /** Appends the row converted last to the buffers of a slice. */
  void appendTo(ColumnBuffer[] buffers) {
    for (int c = 0; c < columns.length; c++) {
      ColumnBuffer buffer = buffers[c];
      if (nulls[c]) {
        buffer.addNull();
        continue;
      }
      switch (physical[c]) {
        case LONG -> ((LongColumnBuffer) buffer).add(longs[c]);
        case DOUBLE -> ((DoubleColumnBuffer) buffer).add(doubles[c]);
        case STRING, BIG_DECIMAL -> ((ObjectColumnBuffer) buffer).add(objects[c]);
        default -> throw new IllegalStateException("unreachable");
      }
      objects[c] = null;
    }
  }

  private String qualified() {
    return "\"" + table.schema() + "." + table.name() + "\"";
  }

  private static long integral(ColumnDefinition column, Object value, long min, long max) {
    long v;
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      v = ((Number) value).longValue();
    } else if (value instanceof BigDecimal || value instanceof BigInteger) {
      BigDecimal decimal = value instanceof BigDecimal d ? d : new BigDecimal((BigInteger) value);
      try {
        v = decimal.setScale(0, RoundingMode.HALF_UP).longValueExact();
      } catch (ArithmeticException e) {
        throw outOfRange(column);
      }
    } else {
      throw mismatch(column, value);
    }
    if (v < min || v > max) {
      throw outOfRange(column);
    }
    return v;
  }

  private static StorageException outOfRange(ColumnDefinition column) {
    return new StorageException("22003", column.type().sqlName() + " out of range for column \""
        + column.name() + "\"");
  }

  private static BigDecimal decimal(ColumnDefinition column, Object value) {
    BigDecimal decimal;
    if (value instanceof BigDecimal d) {
      decimal = d;
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      decimal = BigDecimal.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger i) {
      decimal = new BigDecimal(i);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new StorageException("22003", "Cannot store " + d + " in column \""
            + column.name() + "\" of type " + column.type().sqlName());
      }
      decimal = BigDecimal.valueOf(d);
    } else {
      throw mismatch(column, value);
    }
    ColumnType type = column.type();
    BigDecimal scaled = decimal.scale() == type.scale() ? decimal
        : decimal.setScale(type.scale(), RoundingMode.HALF_UP);
    if (type.precision() > 0 && scaled.precision() > type.precision()) {
      throw new StorageException("22003", "numeric field overflow: column \"" + column.name()
          + "\" of type " + type.sqlName() + " cannot hold " + decimal.toPlainString());
    }
    return scaled;
  }

  private static Number number(ColumnDefinition column, Object value) {
    if (value instanceof Number n) {
      return n;
    }
    throw mismatch(column, value);
  }

  private static String text(ColumnDefinition column, Object value) {
    String text;
    if (value instanceof String s) {
      text = s;
    } else if (value instanceof Character ch) {
      text = ch.toString();
    } else {
      throw mismatch(column, value);
    }
    int limit = column.type().precision();
    if (limit <= 0 || text.length() * 3 <= limit) {
      return text;
    }
    int bytes = utf8Length(text);
    if (bytes <= limit) {
      return text;
    }
    // As PostgreSQL does, excess trailing blanks are cut rather than rejected; a blank is one byte.
    int keep = text.length() - (bytes - limit);
    if (keep >= 0 && allBlanks(text, keep)) {
      return text.substring(0, keep);
    }
    throw new StorageException("22001", "value too long for type " + column.type().sqlName()
        + " in column \"" + column.name() + "\"");
  }

  private static boolean allBlanks(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) != ' ') {
        return false;
      }
    }
    return true;
  }

  private static int utf8Length(String text) {
    int length = text.length();
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch >= 0x80) {
        return text.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return length;
  }

  private static StorageException mismatch(ColumnDefinition column, Object value) {
    return new StorageException("42804", "column \"" + column.name() + "\" is of type "
        + column.type().sqlName() + " but expression is of type " + javaTypeName(value));
  }

  private static String javaTypeName(Object value) {
    if (value instanceof String) {
      return "character varying";
    }
    if (value instanceof Integer) {
      return "integer";
    }
    if (value instanceof Long) {
      return "bigint";
    }
    if (value instanceof Short) {
      return "smallint";
    }
    if (value instanceof BigDecimal) {
      return "numeric";
    }
    if (value instanceof Double) {
      return "double precision";
    }
    if (value instanceof Float) {
      return "real";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    return value.getClass().getName();
  }
}
