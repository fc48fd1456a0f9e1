package io.basalt.storage.format;

import io.basalt.storage.ColumnType;
import io.basalt.storage.TypeName;
import java.math.BigDecimal;

/**
 * Parses one text field into its column's builder: integers, decimals (rounded half up to the
 * column's scale), REAL/DOUBLE, booleans ({@code true/false/t/f/yes/no/y/n/1/0}, any case),
 * dates and timestamps (see {@link TemporalText}) and strings as they are. Blanks around a
 * non-string value are ignored, and an empty or all-blank one is NULL.
 */
final class FieldParser {
  private static final int EXCERPT_CHARS = 60;

  private FieldParser() {}

  static void append(ColumnBuilder builder, char[] chars, int start, int length) {
    ColumnType type = builder.type();
    if (ColumnTypes.isString(type)) {
      builder.appendObject(new String(chars, start, length));
      return;
    }
    int begin = start;
    int end = start + length;
    while (begin < end && chars[begin] == ' ') {
      begin++;
    }
    while (end > begin && chars[end - 1] == ' ') {
      end--;
    }
    if (begin == end) {
      builder.appendNull();
      return;
    }
    switch (type.name()) {
      case SMALLINT, INTEGER, BIGINT -> builder.appendLong(integer(type, chars, begin, end));
      case DECIMAL -> {
        if (DecimalValues.isLongDecimal(type)) {
          builder.appendLong(longDecimal(type, chars, begin, end));
        } else {
          builder.appendObject(DecimalValues.rescale(bigDecimal(type, chars, begin, end), type));
        }
      }
      case REAL, DOUBLE -> builder.appendDouble(floating(type, chars, begin, end));
      case BOOLEAN -> builder.appendLong(bool(chars, begin, end) ? 1 : 0);
      case DATE -> builder.appendLong(TemporalText.parseDate(chars, begin, end));
      case TIMESTAMP -> builder.appendLong(TemporalText.parseTimestamp(chars, begin, end, false));
      case TIMESTAMPTZ -> builder.appendLong(TemporalText.parseTimestamp(chars, begin, end,
          true));
      case CHAR, VARCHAR -> throw new AssertionError(type);
    }
  }

  static long integer(ColumnType type, char[] chars, int begin, int end) {
    int i = begin;
    boolean negative = chars[i] == '-';
    if (negative || chars[i] == '+') {
      i++;
    }
    if (i == end) {
      throw invalid(type, chars, begin, end);
    }
    long value = 0;
    for (; i < end; i++) {
      char c = chars[i];
      if (!TemporalText.isDigit(c)) {
        throw invalid(type, chars, begin, end);
      }
      // Accumulates negatively so that Long.MIN_VALUE parses.
      if (value < (Long.MIN_VALUE + (c - '0')) / 10) {
        throw outOfRange(type, chars, begin, end);
      }
      value = value * 10 - (c - '0');
    }
    if (!negative) {
      if (value == Long.MIN_VALUE) {
        throw outOfRange(type, chars, begin, end);
      }
      value = -value;
    }
    long min = type.name() == TypeName.SMALLINT ? Short.MIN_VALUE
        : type.name() == TypeName.INTEGER ? Integer.MIN_VALUE : Long.MIN_VALUE;
    long max = type.name() == TypeName.SMALLINT ? Short.MAX_VALUE
        : type.name() == TypeName.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
    if (value < min || value > max) {
      throw outOfRange(type, chars, begin, end);
    }
    return value;
  }

  /** A decimal of at most 18 digits as its unscaled long; plain digits avoid BigDecimal. */
  private static long longDecimal(ColumnType type, char[] chars, int begin, int end) {
    int i = begin;
    boolean negative = chars[i] == '-';
    if (negative || chars[i] == '+') {
      i++;
    }
    long unscaled = 0;
    int significant = 0;
    int digits = 0;
    int scale = 0;
    boolean dot = false;
    for (; i < end; i++) {
      char c = chars[i];
      if (TemporalText.isDigit(c)) {
        digits++;
        if (unscaled != 0 || c != '0') {
          significant++;
        }
        if (significant > 18) {
          return slowDecimal(type, chars, begin, end);
        }
        unscaled = unscaled * 10 + (c - '0');
        if (dot) {
          scale++;
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return slowDecimal(type, chars, begin, end); // an exponent, or not a number at all
      }
    }
    if (digits == 0) {
      throw invalid(type, chars, begin, end);
    }
    return DecimalValues.rescale(negative ? -unscaled : unscaled, scale, type);
  }

  private static long slowDecimal(ColumnType type, char[] chars, int begin, int end) {
    return DecimalValues.rescale(bigDecimal(type, chars, begin, end), type).unscaledValue()
        .longValueExact();
  }

  private static BigDecimal bigDecimal(ColumnType type, char[] chars, int begin, int end) {
    try {
      return new BigDecimal(chars, begin, end - begin);
    } catch (NumberFormatException e) {
      throw invalid(type, chars, begin, end);
    }
  }

  private static double floating(ColumnType type, char[] chars, int begin, int end) {
    String text = new String(chars, begin, end - begin);
    char last = text.charAt(text.length() - 1);
    if (last == 'd' || last == 'D' || last == 'f' || last == 'F') {
      throw invalid(type, chars, begin, end); // Java's literal suffixes are not SQL
    }
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      value = switch (text.toLowerCase(java.util.Locale.ROOT)) {
        case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
        case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
        case "nan" -> Double.NaN;
        default -> throw invalid(type, chars, begin, end);
      };
    }
    return type.name() == TypeName.REAL ? (float) value : value;
  }

  static boolean bool(char[] chars, int begin, int end) {
    String text = new String(chars, begin, end - begin).toLowerCase(java.util.Locale.ROOT);
    return switch (text) {
      case "true", "t", "yes", "y", "1" -> true;
      case "false", "f", "no", "n", "0" -> false;
      default -> throw BadValueException.invalid("invalid BOOLEAN '" + excerpt(chars, begin,
          end - begin) + "'");
    };
  }

  private static BadValueException invalid(ColumnType type, char[] chars, int begin, int end) {
    return BadValueException.invalid("invalid " + ColumnTypes.label(type) + " '"
        + excerpt(chars, begin, end - begin) + "'");
  }

  private static BadValueException outOfRange(ColumnType type, char[] chars, int begin,
      int end) {
    return BadValueException.outOfRange("value " + excerpt(chars, begin, end - begin)
        + " is out of range for " + ColumnTypes.label(type));
  }

  /** The start of a value for an error message. */
  static String excerpt(char[] chars, int start, int length) {
    return length <= EXCERPT_CHARS ? new String(chars, start, length)
        : new String(chars, start, EXCERPT_CHARS) + "...";
  }
}
