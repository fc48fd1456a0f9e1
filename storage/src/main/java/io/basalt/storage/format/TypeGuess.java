package io.basalt.storage.format;

import io.basalt.storage.ColumnType;
import io.basalt.storage.TypeName;
import java.util.Locale;

/**
 * The narrowest type that holds every sampled value of one column, widened as values come:
 * BIGINT to DECIMAL to DOUBLE, DATE to TIMESTAMP to TIMESTAMPTZ, and anything else that
 * disagrees to VARCHAR. A column with no non-NULL sample is VARCHAR.
 */
final class TypeGuess {
  /** The guesses, narrowest first within each family. */
  private enum Kind { NONE, BOOLEAN, BIGINT, DECIMAL, DOUBLE, DATE, TIMESTAMP, TIMESTAMPTZ,
    VARCHAR, NESTED }

  private Kind kind = Kind.NONE;
  private int integerDigits;
  private int scale;

  /** A text field: booleans are {@code true/false/t/f}; numbers, dates and timestamps parse. */
  void addText(String raw) {
    String value = raw.trim();
    if (value.isEmpty()) {
      return;
    }
    merge(classifyText(value), value);
  }

  /** A JSON string: only dates and timestamps are read out of it, the rest stays VARCHAR. */
  void addJsonString(String value) {
    Kind temporal = temporal(value.trim());
    merge(temporal == null ? Kind.VARCHAR : temporal, value);
  }

  void addJsonInteger(String digits) {
    merge(classifyText(digits), digits);
  }

  void addJsonFloat() {
    merge(Kind.DOUBLE, null);
  }

  void addJsonBoolean() {
    merge(Kind.BOOLEAN, null);
  }

  void addNested() {
    kind = Kind.NESTED;
  }

  /** Whether some value was an object or array, which no column type holds. */
  boolean nested() {
    return kind == Kind.NESTED;
  }

  /** Whether the values seen so far are all text that is not a number, date or boolean. */
  boolean textual() {
    return kind == Kind.VARCHAR;
  }

  boolean empty() {
    return kind == Kind.NONE;
  }

  private static Kind classifyText(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.equals("true") || lower.equals("false") || lower.equals("t") || lower.equals("f")) {
      return Kind.BOOLEAN;
    }
    Kind number = number(value);
    if (number != null) {
      return number;
    }
    Kind temporal = temporal(value);
    return temporal == null ? Kind.VARCHAR : temporal;
  }

  private static Kind number(String value) {
    int i = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
    int digits = 0;
    boolean dot = false;
    for (; i < value.length(); i++) {
      char c = value.charAt(i);
      if (TemporalText.isDigit(c)) {
        digits++;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (digits > 0 && i == value.length()) {
      return dot ? Kind.DECIMAL : Kind.BIGINT;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (digits > 0 && (lower.indexOf('e') > 0)) {
      try {
        Double.parseDouble(value);
        return Kind.DOUBLE;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return lower.equals("nan") || lower.equals("infinity") || lower.equals("-infinity")
        ? Kind.DOUBLE : null;
  }

  private static Kind temporal(String value) {
    char[] chars = value.toCharArray();
    try {
      TemporalText.parseDate(chars, 0, chars.length);
      return Kind.DATE;
    } catch (BadValueException e) {
      // not a plain date; maybe a timestamp
    }
    if (value.indexOf(':') < 0) {
      return null;
    }
    try {
      TemporalText.parseTimestamp(chars, 0, chars.length, false);
    } catch (BadValueException e) {
      return null;
    }
    int time = Math.max(value.indexOf(' '), value.indexOf('T'));
    String rest = time < 0 ? "" : value.substring(time + 1);
    return rest.endsWith("Z") || rest.indexOf('+') >= 0 || rest.indexOf('-') >= 0
        ? Kind.TIMESTAMPTZ : Kind.TIMESTAMP;
  }

  private void merge(Kind next, String value) {
    if (next == Kind.DECIMAL || next == Kind.BIGINT) {
      String digits = value.replaceFirst("^[+-]", "");
      int dot = digits.indexOf('.');
      String whole = (dot < 0 ? digits : digits.substring(0, dot)).replaceFirst("^0+(?=.)", "");
      integerDigits = Math.max(integerDigits, whole.length());
      scale = Math.max(scale, dot < 0 ? 0 : digits.length() - dot - 1);
      if (next == Kind.BIGINT && whole.length() > 18) {
        next = Kind.DECIMAL;
      }
    }
    kind = combine(kind, next);
  }

  private static Kind combine(Kind a, Kind b) {
    if (a == Kind.NONE || a == b) {
      return b;
    }
    if (a == Kind.NESTED || b == Kind.NESTED) {
      return Kind.NESTED;
    }
    if (numeric(a) && numeric(b)) {
      return a == Kind.DOUBLE || b == Kind.DOUBLE ? Kind.DOUBLE : Kind.DECIMAL;
    }
    if (temporal(a) && temporal(b)) {
      return a == Kind.TIMESTAMPTZ || b == Kind.TIMESTAMPTZ ? Kind.TIMESTAMPTZ
          : Kind.TIMESTAMP;
    }
    return Kind.VARCHAR;
  }

  private static boolean numeric(Kind kind) {
    return kind == Kind.BIGINT || kind == Kind.DECIMAL || kind == Kind.DOUBLE;
  }

  private static boolean temporal(Kind kind) {
    return kind == Kind.DATE || kind == Kind.TIMESTAMP || kind == Kind.TIMESTAMPTZ;
  }

  /** The guessed type; decimals get room to grow: precision 18 when it fits, else 38. */
  ColumnType type() {
    return switch (kind) {
      case BOOLEAN -> ColumnType.of(TypeName.BOOLEAN);
      case BIGINT -> ColumnType.of(TypeName.BIGINT);
      case DECIMAL -> integerDigits + scale <= 18 ? ColumnType.decimal(18, scale)
          : integerDigits + scale <= 38 ? ColumnType.decimal(38, scale)
          : ColumnType.of(TypeName.DOUBLE);
      case DOUBLE -> ColumnType.of(TypeName.DOUBLE);
      case DATE -> ColumnType.of(TypeName.DATE);
      case TIMESTAMP -> ColumnType.of(TypeName.TIMESTAMP);
      case TIMESTAMPTZ -> ColumnType.of(TypeName.TIMESTAMPTZ);
      case NONE, VARCHAR, NESTED -> ColumnType.varchar(ParquetSchemas.MAX_VARCHAR);
    };
  }
}
