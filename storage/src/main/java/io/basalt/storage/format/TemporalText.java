package io.basalt.storage.format;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Parses and prints dates and timestamps as text files hold them: {@code YYYY-MM-DD} and
 * {@code YYYY-MM-DD[ |T]HH:MM[:SS[.fffffffff]]} with an optional zone ({@code Z}, {@code +HH},
 * {@code +HH:MM}, {@code +HHMM}), which TIMESTAMPTZ applies and TIMESTAMP ignores (as PostgreSQL
 * does). Digits past milliseconds are dropped.
 */
final class TemporalText {
  static final long MILLIS_PER_DAY = 86_400_000L;

  private TemporalText() {}

  /** Days since 1970-01-01, or throws {@link BadValueException}. */
  static long parseDate(char[] chars, int start, int end) {
    Cursor cursor = new Cursor(chars, start, end);
    long days = date(cursor);
    if (cursor.position != end) {
      throw cursor.invalid("DATE");
    }
    return days;
  }

  /** Milliseconds since 1970-01-01T00:00Z, or throws {@link BadValueException}. */
  static long parseTimestamp(char[] chars, int start, int end, boolean applyZone) {
    Cursor cursor = new Cursor(chars, start, end);
    String type = applyZone ? "TIMESTAMPTZ" : "TIMESTAMP";
    long millis;
    try {
      millis = date(cursor) * MILLIS_PER_DAY;
    } catch (BadValueException e) {
      throw cursor.invalid(type);
    }
    if (cursor.position < end && (chars[cursor.position] == ' ' || chars[cursor.position] == 'T')
        && cursor.position + 1 < end && isDigit(chars[cursor.position + 1])) {
      cursor.position++;
      int hour = cursor.digits(1, 2, type);
      cursor.expect(':', type);
      int minute = cursor.digits(2, 2, type);
      int second = 0;
      int fraction = 0;
      if (cursor.at(':')) {
        cursor.position++;
        second = cursor.digits(2, 2, type);
        if (cursor.at('.')) {
          cursor.position++;
          int digits = 0;
          while (cursor.position < end && isDigit(chars[cursor.position])) {
            if (digits < 3) {
              fraction = fraction * 10 + chars[cursor.position] - '0';
            }
            digits++;
            cursor.position++;
          }
          if (digits == 0) {
            throw cursor.invalid(type);
          }
          for (int d = digits; d < 3; d++) {
            fraction *= 10;
          }
        }
      }
      if (hour > 24 || minute > 59 || second > 60
          || hour == 24 && (minute != 0 || second != 0 || fraction != 0)) {
        throw cursor.invalid(type);
      }
      millis += hour * 3_600_000L + minute * 60_000L + Math.min(second, 59) * 1000L + fraction;
    }
    if (cursor.position < end) {
      long offset = zone(cursor, type);
      if (applyZone) {
        millis -= offset;
      }
    }
    return millis;
  }

  private static long date(Cursor cursor) {
    boolean negative = cursor.at('-');
    if (negative) {
      cursor.position++;
    }
    int year = cursor.digits(1, 6, "DATE");
    cursor.expect('-', "DATE");
    int month = cursor.digits(1, 2, "DATE");
    cursor.expect('-', "DATE");
    int day = cursor.digits(1, 2, "DATE");
    try {
      return LocalDate.of(negative ? -year : year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      throw cursor.invalid("DATE");
    }
  }

  /** A zone suffix as milliseconds east of UTC. */
  private static long zone(Cursor cursor, String type) {
    if (cursor.at(' ')) {
      cursor.position++;
    }
    if (cursor.at('Z') && cursor.position + 1 == cursor.end) {
      cursor.position++;
      return 0;
    }
    if (!cursor.at('+') && !cursor.at('-')) {
      throw cursor.invalid(type);
    }
    int sign = cursor.at('-') ? -1 : 1;
    cursor.position++;
    int hours = cursor.digits(2, 2, type);
    int minutes = 0;
    if (cursor.at(':')) {
      cursor.position++;
    }
    if (cursor.position < cursor.end) {
      minutes = cursor.digits(2, 2, type);
    }
    if (cursor.position != cursor.end || hours > 18 || minutes > 59) {
      throw cursor.invalid(type);
    }
    return sign * (hours * 3_600_000L + minutes * 60_000L);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** ISO date, e.g. {@code 2024-02-29}. */
  static String formatDate(long days) {
    return LocalDate.ofEpochDay(days).toString();
  }

  /** {@code YYYY-MM-DD HH:MM:SS[.fff]}, milliseconds only when not zero. */
  static String formatTimestamp(long millis) {
    long days = Math.floorDiv(millis, MILLIS_PER_DAY);
    long ofDay = Math.floorMod(millis, MILLIS_PER_DAY);
    StringBuilder text = new StringBuilder(23).append(formatDate(days)).append(' ');
    two(text, (int) (ofDay / 3_600_000L));
    text.append(':');
    two(text, (int) (ofDay / 60_000L % 60));
    text.append(':');
    two(text, (int) (ofDay / 1000 % 60));
    int fraction = (int) (ofDay % 1000);
    if (fraction != 0) {
      text.append('.').append((char) ('0' + fraction / 100)).append((char) ('0' + fraction / 10
          % 10)).append((char) ('0' + fraction % 10));
    }
    return text.toString();
  }

  private static void two(StringBuilder text, int value) {
    text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  /** A position in the text being parsed. */
  private static final class Cursor {
    final char[] chars;
    final int start;
    final int end;
    int position;

    Cursor(char[] chars, int start, int end) {
      this.chars = chars;
      this.start = start;
      this.end = end;
      this.position = start;
    }

    boolean at(char c) {
      return position < end && chars[position] == c;
    }

    void expect(char c, String type) {
      if (!at(c)) {
        throw invalid(type);
      }
      position++;
    }

    int digits(int min, int max, String type) {
      int value = 0;
      int count = 0;
      while (position < end && count < max && isDigit(chars[position])) {
        value = value * 10 + chars[position] - '0';
        position++;
        count++;
      }
      if (count < min) {
        throw invalid(type);
      }
      return value;
    }

    BadValueException invalid(String type) {
      return BadValueException.invalid("invalid " + type + " '" + FieldParser.excerpt(chars,
          start, end - start) + "'");
    }
  }
}
