package io.basalt.federation.lake;

import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.ValueRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Partition values: the text a catalog partition or a {@code key=value} folder holds, read as
 * the partition key's type, and checked against pushed predicates. Folder values are
 * URL-decoded as Hive writes them; Hive's {@code __HIVE_DEFAULT_PARTITION__} is NULL.
 */
final class PartitionValues {
  static final String HIVE_NULL = "__HIVE_DEFAULT_PARTITION__";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss][.SSSSSS][.SSS][.S]");

  private PartitionValues() {}

  /** The text of a folder name's value part, decoded. */
  static String decodeFolderValue(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  /**
   * The value in the storage representation, or null for NULL; an unparsable value is SQLSTATE
   * 22P02 naming the key, the value and where it came from.
   */
  static Object parse(String text, ColumnType type, String key, String where) {
    if (text == null || text.equals(HIVE_NULL)) {
      return null;
    }
    String value = text.trim();
    try {
      return switch (type.name()) {
        case SMALLINT -> Short.parseShort(value);
        case INTEGER -> Integer.parseInt(value);
        case BIGINT -> Long.parseLong(value);
        case DECIMAL -> new BigDecimal(value).setScale(type.scale(), RoundingMode.UNNECESSARY);
        case REAL -> Float.parseFloat(value);
        case DOUBLE -> Double.parseDouble(value);
        case BOOLEAN -> parseBoolean(value);
        case CHAR, VARCHAR -> text;
        case DATE -> (int) LocalDate.parse(value).toEpochDay();
        case TIMESTAMP, TIMESTAMPTZ ->
            LocalDateTime.parse(value, TIMESTAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
      };
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      throw new StorageException("22P02", "Cannot read partition " + where + ": value '" + text
          + "' of partition key '" + key + "' is not a valid " + type.sqlName());
    }
  }

  /**
   * The text a partition value is recorded with: numbers, dates and booleans in their canonical
   * form (folder {@code month=01} and {@code PARTITION (month=1)} are one partition), strings as
   * they are.
   */
  static String canonical(String text, ColumnType type, String key, String where) {
    Object value = parse(text, type, key, where);
    if (value == null) {
      return HIVE_NULL;
    }
    return switch (type.name()) {
      case CHAR, VARCHAR -> text;
      case DATE -> LocalDate.ofEpochDay((Integer) value).toString();
      case DECIMAL -> ((BigDecimal) value).toPlainString();
      case TIMESTAMP, TIMESTAMPTZ -> text.trim();
      default -> value.toString();
    };
  }

  private static boolean parseBoolean(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "t", "1" -> true;
      case "false", "f", "0" -> false;
      default -> throw new NumberFormatException(value);
    };
  }

  /** Whether a value passes a predicate exactly (NULL passes only when it matches nulls). */
  static boolean matches(ColumnPredicate predicate, Object value) {
    if (value == null) {
      return predicate.matchesNull();
    }
    for (ValueRange range : predicate.ranges()) {
      if (inRange(range, value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inRange(ValueRange range, Object value) {
    if (range.lower() != null) {
      int c = compare(value, range.lower());
      if (c < 0 || c == 0 && !range.lowerInclusive()) {
        return false;
      }
    }
    if (range.upper() != null) {
      int c = compare(value, range.upper());
      if (c > 0 || c == 0 && !range.upperInclusive()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Compares a value with a predicate bound of the same SQL type, whose Java types may differ
   * (an INTEGER value against a Long bound, a DECIMAL against a BigDecimal of another scale).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object value, Object bound) {
    if (value instanceof Number a && bound instanceof Number b) {
      if (a instanceof BigDecimal || b instanceof BigDecimal || a instanceof Double
          || b instanceof Double || a instanceof Float || b instanceof Float) {
        return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
      }
      return Long.compare(a.longValue(), b.longValue());
    }
    if (value instanceof String a && bound instanceof String b) {
      return stripTrailing(a).compareTo(stripTrailing(b));
    }
    return ((Comparable) value).compareTo(bound);
  }

  private static String stripTrailing(String value) {
    int end = value.length();
    while (end > 0 && value.charAt(end - 1) == ' ') {
      end--;
    }
    return value.substring(0, end);
  }
}
