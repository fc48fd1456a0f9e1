package io.basalt.ingest;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.TypeName;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns one field's text into the storage value of its column (see ColumnType's javadoc),
 * applying NULL AS, EMPTYASNULL, BLANKSASNULL, TRIMBLANKS, TRUNCATECOLUMNS, ROUNDEC and
 * ACCEPTANYDATE as Redshift does: extra fraction digits of a DECIMAL are truncated (rounded half
 * up with ROUNDEC); an empty or blank field is NULL for non-string columns, and an empty string
 * for CHAR/VARCHAR unless EMPTYASNULL (BLANKSASNULL for blanks). A quoted CSV field never
 * matches NULL AS.
 */
final class FieldConverter {
  private static final long[] POWERS_OF_TEN = new long[19];
  /** What {@link #decimalUnscaled} returns for text its fast path does not take. */
  private static final long NOT_FAST = Long.MIN_VALUE;

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private final ColumnDefinition column;
  private final TypeName type;
  private final int precision;
  private final int scale;
  private final String nullAs;
  private final boolean emptyAsNull;
  private final boolean blanksAsNull;
  private final boolean trimBlanks;
  private final boolean truncate;
  private final char invalidCharReplacement;
  private final RoundingMode rounding;
  private final boolean acceptAnyDate;
  private final DatetimeParser datetime;
  /** Reuses the String of a repeated value, for CHAR/VARCHAR columns only. */
  private final StringCache strings;
  /** Whether {@link #convertTo} parses straight into a long, without a boxed value. */
  private final boolean parsesToLong;

  FieldConverter(ColumnDefinition column, CopyOptions options, String target) {
    this.column = column;
    ColumnType columnType = column.type();
    this.type = columnType.name();
    this.precision = columnType.precision();
    this.scale = columnType.scale();
    this.nullAs = options.nullAs();
    this.emptyAsNull = options.emptyAsNull();
    this.blanksAsNull = options.blanksAsNull();
    this.trimBlanks = options.trimBlanks();
    this.truncate = options.truncateColumns();
    this.invalidCharReplacement = options.invalidCharReplacement();
    this.rounding = options.roundDecimals() ? RoundingMode.HALF_UP : RoundingMode.DOWN;
    this.acceptAnyDate = options.acceptAnyDate();
    this.datetime = switch (type) {
      case DATE -> DatetimeParser.forDates(options.dateFormat(), target);
      case TIMESTAMP -> DatetimeParser.forTimestamps(options.timeFormat(), false, target);
      case TIMESTAMPTZ -> DatetimeParser.forTimestamps(options.timeFormat(), true, target);
      default -> null;
    };
    this.strings = type == TypeName.VARCHAR || type == TypeName.CHAR ? new StringCache() : null;
    this.parsesToLong = switch (type) {
      case SMALLINT, INTEGER, BIGINT, DATE -> true;
      case DECIMAL -> precision > 0 && precision <= 18;
      default -> false;
    };
  }

  ColumnDefinition column() {
    return column;
  }

  /** The value of field {@code field} of the reader's current record. */
  Object convert(RecordSource reader, int field) throws LoadRejection {
    boolean quoted = reader.quoted[field];
    if (reader.nulls[field] || nullAs != null && !quoted && reader.rawEquals(field, nullAs)) {
      return checkNull(null);
    }
    char[] chars = reader.valueChars();
    int start = reader.valueStarts[field];
    int end = reader.valueEnds[field];
    if (type == TypeName.VARCHAR || type == TypeName.CHAR) {
      return checkNull(string(chars, start, end, quoted));
    }
    while (start < end && isBlank(chars[start])) {
      start++;
    }
    while (end > start && isBlank(chars[end - 1])) {
      end--;
    }
    if (start == end) {
      return checkNull(null);
    }
    return switch (type) {
      case SMALLINT -> (short) integer(chars, start, end, Short.MIN_VALUE, Short.MAX_VALUE,
          "Smallint");
      case INTEGER -> (int) integer(chars, start, end, Integer.MIN_VALUE, Integer.MAX_VALUE,
          "Integer");
      case BIGINT -> integer(chars, start, end, Long.MIN_VALUE, Long.MAX_VALUE, "Bigint");
      case DECIMAL -> decimal(chars, start, end);
      case REAL -> (float) floating(chars, start, end, true);
      case DOUBLE -> floating(chars, start, end, false);
      case BOOLEAN -> bool(chars, start, end);
      case DATE, TIMESTAMP, TIMESTAMPTZ -> datetime(chars, start, end);
      case CHAR, VARCHAR -> throw new IllegalStateException("strings are handled above");
    };
  }

  /**
   * Stores the value of field {@code field} of the reader's current record in row {@code row} of
   * {@code out}: what {@link #convert} returns, but integers, dates and decimals up to 18 digits
   * go straight into the column's longs, without a boxed value.
   */
  void convertTo(RecordSource reader, int field, ParsedColumn out, int row)
      throws LoadRejection {
    if (!parsesToLong) {
      out.set(row, convert(reader, field));
      return;
    }
    if (reader.nulls[field]
        || nullAs != null && !reader.quoted[field] && reader.rawEquals(field, nullAs)) {
      out.set(row, checkNull(null));
      return;
    }
    char[] chars = reader.valueChars();
    int start = reader.valueStarts[field];
    int end = reader.valueEnds[field];
    while (start < end && isBlank(chars[start])) {
      start++;
    }
    while (end > start && isBlank(chars[end - 1])) {
      end--;
    }
    if (start == end) {
      out.set(row, checkNull(null));
      return;
    }
    switch (type) {
      case SMALLINT -> out.setLong(row,
          integer(chars, start, end, Short.MIN_VALUE, Short.MAX_VALUE, "Smallint"));
      case INTEGER -> out.setLong(row,
          integer(chars, start, end, Integer.MIN_VALUE, Integer.MAX_VALUE, "Integer"));
      case BIGINT -> out.setLong(row,
          integer(chars, start, end, Long.MIN_VALUE, Long.MAX_VALUE, "Bigint"));
      case DECIMAL -> {
        long unscaled = decimalUnscaled(chars, start, end);
        if (unscaled != NOT_FAST) {
          out.setLong(row, unscaled);
        } else {
          out.set(row, decimalSlow(chars, start, end));
        }
      }
      default -> {
        int days;
        try {
          days = datetime.parseDate(chars, start, end);
        } catch (LoadRejection rejection) {
          if (!acceptAnyDate) {
            throw rejection;
          }
          out.set(row, checkNull(null));
          return;
        }
        out.setLong(row, days);
      }
    }
  }

  private Object datetime(char[] chars, int start, int end) throws LoadRejection {
    try {
      return type == TypeName.DATE ? (Object) datetime.parseDate(chars, start, end)
          : (Object) datetime.parseTimestamp(chars, start, end);
    } catch (LoadRejection rejection) {
      if (acceptAnyDate) {
        return checkNull(null);
      }
      throw rejection;
    }
  }

  /** The value of a field missing from the end of a record under FILLRECORD. */
  Object missing() throws LoadRejection {
    boolean isString = type == TypeName.VARCHAR || type == TypeName.CHAR;
    return checkNull(isString && !emptyAsNull ? "" : null);
  }

  private Object checkNull(Object value) throws LoadRejection {
    if (value == null && !column.nullable()) {
      throw LoadRejection.value(LoadRejection.NOT_NULL, "23502",
          "Missing data for not-null field", 0);
    }
    return value;
  }

  private String string(char[] chars, int start, int end, boolean quoted) throws LoadRejection {
    if (start == end) {
      return emptyAsNull && !quoted ? null : "";
    }
    if (blanksAsNull && !quoted && allBlank(chars, start, end)) {
      return null;
    }
    if (trimBlanks) {
      while (end > start && isBlank(chars[end - 1])) {
        end--;
      }
    }
    int bytes = 0;
    boolean invalid = false;
    for (int i = start; i < end; i++) {
      char c = chars[i];
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isSurrogate(c)) {
        // Each half of a surrogate pair counts for half of the pair's 4 UTF-8 bytes.
        bytes += 2;
      } else {
        bytes += 3;
        invalid |= c == '\uFFFD';
      }
    }
    String value = strings.get(chars, start, end);
    if (invalid) {
      if (invalidCharReplacement == CopyOptions.REJECT_INVALID_CHARS) {
        throw LoadRejection.value(LoadRejection.INVALID_UTF8, "22021",
            "String contains invalid UTF-8 (use ACCEPTINVCHARS to replace it)", 0);
      }
      value = value.replace('\uFFFD', invalidCharReplacement);
      bytes = Utf8.length(value);
    }
    if (type == TypeName.CHAR && bytes != value.length()) {
      throw LoadRejection.value(LoadRejection.CHAR_FIELD, "22P02",
          "Multibyte character not supported for CHAR (Hint: try using VARCHAR)", 0);
    }
    if (precision > 0 && bytes > precision) {
      if (!truncate) {
        throw LoadRejection.value(LoadRejection.STRING_TOO_LONG, "22001",
            "String length exceeds DDL length", 0);
      }
      value = Utf8.truncate(value, precision);
    }
    return value;
  }

  private static long integer(char[] chars, int start, int end, long min, long max, String name)
      throws LoadRejection {
    int i = start;
    boolean negative = false;
    if (chars[i] == '-' || chars[i] == '+') {
      negative = chars[i] == '-';
      i++;
      if (i == end) {
        throw invalidDigit(chars, start, end, i - start, name);
      }
    }
    if (end - i <= 18) {
      // Up to 18 digits cannot overflow a long: no per-digit overflow checks needed.
      long result = 0;
      for (int j = i; j < end; j++) {
        int digit = chars[j] - '0';
        if (digit < 0 || digit > 9) {
          throw invalidDigit(chars, start, end, j - start, name);
        }
        result = result * 10 + digit;
      }
      long value = negative ? -result : result;
      if (value < min || value > max) {
        throw overflow(chars, start, end, name);
      }
      return value;
    }
    // Accumulate negatively, as Long.parseLong does, so that Long.MIN_VALUE fits.
    long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
    long multiplyLimit = limit / 10;
    long result = 0;
    for (; i < end; i++) {
      int digit = chars[i] - '0';
      if (digit < 0 || digit > 9) {
        throw invalidDigit(chars, start, end, i - start, name);
      }
      if (result < multiplyLimit || result * 10 < limit + digit) {
        throw overflow(chars, start, end, name);
      }
      result = result * 10 - digit;
    }
    long value = negative ? result : -result;
    if (value < min || value > max) {
      throw overflow(chars, start, end, name);
    }
    return value;
  }

  private BigDecimal decimal(char[] chars, int start, int end) throws LoadRejection {
    long unscaled = decimalUnscaled(chars, start, end);
    return unscaled != NOT_FAST ? BigDecimal.valueOf(unscaled, scale)
        : decimalSlow(chars, start, end);
  }

  private BigDecimal decimalSlow(char[] chars, int start, int end) throws LoadRejection {
    BigDecimal value;
    try {
      value = new BigDecimal(chars, start, end - start);
    } catch (NumberFormatException e) {
      int bad = start;
      while (bad < end && isDecimalChar(chars[bad])) {
        bad++;
      }
      throw LoadRejection.value(LoadRejection.INVALID_DIGIT, "22P02",
          "Invalid digit, Value '" + text(chars, start, end) + "', Pos " + (bad - start)
              + ", Type: Decimal", bad - start);
    }
    // Check the integer digits first: setScale on a huge exponent would build a huge number.
    if (value.precision() - value.scale() > Math.max(precision, 38)) {
      throw decimalOverflow(chars, start, end);
    }
    value = value.setScale(scale, rounding);
    if (precision > 0 && value.precision() > precision && value.signum() != 0) {
      throw decimalOverflow(chars, start, end);
    }
    return value;
  }

  /**
   * Reads plain {@code [-]digits[.digits]} text with at most 18 digits and no more fraction
   * digits than the scale straight into an unscaled long; returns {@link #NOT_FAST} for anything
   * else.
   */
  private long decimalUnscaled(char[] chars, int start, int end) throws LoadRejection {
    int i = start;
    boolean negative = chars[i] == '-';
    if (negative || chars[i] == '+') {
      i++;
    }
    long unscaled = 0;
    int digits = 0;
    int fractionDigits = -1;
    for (; i < end; i++) {
      char c = chars[i];
      if (c >= '0' && c <= '9') {
        if (++digits > 18) {
          return NOT_FAST;
        }
        unscaled = unscaled * 10 + (c - '0');
        if (fractionDigits >= 0) {
          fractionDigits++;
        }
      } else if (c == '.' && fractionDigits < 0) {
        fractionDigits = 0;
      } else {
        return NOT_FAST;
      }
    }
    if (digits == 0) {
      return NOT_FAST;
    }
    int fraction = Math.max(fractionDigits, 0);
    if (fraction > scale || digits - fraction + scale > 18) {
      return NOT_FAST;
    }
    unscaled *= POWERS_OF_TEN[scale - fraction];
    if (precision > 0 && precision <= 18 && unscaled >= POWERS_OF_TEN[precision]) {
      throw decimalOverflow(chars, start, end);
    }
    return negative ? -unscaled : unscaled;
  }

  private static double floating(char[] chars, int start, int end, boolean single)
      throws LoadRejection {
    String text = new String(chars, start, end - start);
    String name = single ? "Real" : "Double";
    for (int i = start; i < end; i++) {
      if (!isDecimalChar(chars[i])) {
        double special = specialFloat(text);
        if (Double.isNaN(special) && !text.equalsIgnoreCase("nan")) {
          throw LoadRejection.value(LoadRejection.INVALID_FLOAT, "22P02",
              "Invalid digit, Value '" + text + "', Pos " + (i - start) + ", Type: " + name,
              i - start);
        }
        return special;
      }
    }
    double value;
    try {
      value = single ? Float.parseFloat(text) : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw LoadRejection.value(LoadRejection.INVALID_FLOAT, "22P02",
          "Invalid digit, Value '" + text + "', Pos 0, Type: " + name, 0);
    }
    if (Double.isInfinite(value)) {
      throw LoadRejection.value(LoadRejection.OUT_OF_RANGE, "22003",
          "Overflow, Value '" + text + "', Type: " + name, 0);
    }
    return value;
  }

  /** NaN and the infinities as Redshift spells them; NaN for any other word. */
  private static double specialFloat(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      default -> Double.NaN;
    };
  }

  private static Boolean bool(char[] chars, int start, int end) throws LoadRejection {
    String text = new String(chars, start, end - start);
    switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "t", "true", "1", "y", "yes" -> {
        return Boolean.TRUE;
      }
      case "f", "false", "0", "n", "no" -> {
        return Boolean.FALSE;
      }
      default -> throw LoadRejection.value(LoadRejection.INVALID_BOOLEAN, "22P02",
          "Invalid boolean, Value '" + text + "'", 0);
    }
  }

  private static boolean isDecimalChar(char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean allBlank(char[] chars, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!isBlank(chars[i])) {
        return false;
      }
    }
    return true;
  }

  private static String text(char[] chars, int start, int end) {
    return new String(chars, start, end - start);
  }

  private static LoadRejection invalidDigit(
      char[] chars, int start, int end, int position, String name) {
    return LoadRejection.value(LoadRejection.INVALID_DIGIT, "22P02",
        "Invalid digit, Value '" + text(chars, start, end) + "', Pos " + position + ", Type: "
            + name, position);
  }

  private static LoadRejection overflow(char[] chars, int start, int end, String name) {
    return LoadRejection.value(LoadRejection.INTEGER_OVERFLOW, "22003",
        "Overflow, Value '" + text(chars, start, end) + "', Type: " + name, 0);
  }

  private LoadRejection decimalOverflow(char[] chars, int start, int end) {
    return LoadRejection.value(LoadRejection.OUT_OF_RANGE, "22003",
        "Numeric data overflow (result precision), Value '" + text(chars, start, end)
            + "', Type: numeric(" + precision + "," + scale + ")", 0);
  }
}
