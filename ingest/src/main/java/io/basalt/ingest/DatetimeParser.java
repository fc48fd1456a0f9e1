package io.basalt.ingest;

import io.basalt.storage.StorageException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * Parses DATE and TIMESTAMP[TZ] fields as COPY's DATEFORMAT and TIMEFORMAT say: the default
 * ISO-like layouts by a hand-written scanner, {@code 'auto'} by trying common layouts, a Redshift
 * pattern such as {@code 'MM/DD/YYYY HH12:MI:SS AM'} through java.time, or {@code 'epochsecs'} /
 * {@code 'epochmillisecs'}. Dates become days since 1970-01-01; timestamps become epoch
 * milliseconds (fractions past the millisecond are cut). A TIMESTAMPTZ offset converts the value
 * to UTC; a plain TIMESTAMP keeps its wall-clock time and ignores an offset, as Redshift does.
 */
final class DatetimeParser {
  private static final long MILLIS_PER_DAY = 86_400_000L;
  /** Days from 0000-01-01 to 1970-01-01 in the proleptic Gregorian calendar. */
  private static final long DAYS_0000_TO_1970 = 719_528L;

  private static final List<DateTimeFormatter> AUTO_DATES = List.of(
      RedshiftDatetimePattern.compile("YYYYMMDD"),
      RedshiftDatetimePattern.compile("MM/DD/YYYY"),
      RedshiftDatetimePattern.compile("YYYY/MM/DD"),
      RedshiftDatetimePattern.compile("DD-MON-YYYY"),
      RedshiftDatetimePattern.compile("DD MON YYYY"),
      RedshiftDatetimePattern.compile("MON DD YYYY"),
      RedshiftDatetimePattern.compile("MON DD, YYYY"),
      RedshiftDatetimePattern.compile("MONTH DD, YYYY"),
      RedshiftDatetimePattern.compile("DD.MM.YYYY"));

  private static final List<DateTimeFormatter> AUTO_TIMESTAMPS = List.of(
      RedshiftDatetimePattern.compile("MM/DD/YYYY HH:MI:SS"),
      RedshiftDatetimePattern.compile("MM/DD/YYYY HH12:MI:SS AM"),
      RedshiftDatetimePattern.compile("MM/DD/YYYY HH:MI"),
      RedshiftDatetimePattern.compile("YYYY/MM/DD HH:MI:SS"),
      RedshiftDatetimePattern.compile("YYYYMMDD HHMISS"),
      RedshiftDatetimePattern.compile("YYYYMMDDTHHMISS"),
      RedshiftDatetimePattern.compile("DD-MON-YYYY HH:MI:SS"),
      RedshiftDatetimePattern.compile("MON DD YYYY HH:MI:SS"),
      RedshiftDatetimePattern.compile("YYYY-MM-DD HH12:MI:SS AM"));

  /** How field text is read. */
  private enum Mode { DEFAULT, AUTO, PATTERN, EPOCH_SECONDS, EPOCH_MILLIS }

  private final Mode mode;
  private final DateTimeFormatter pattern;
  private final boolean timestamp;
  private final boolean withTimeZone;
  private final String formatName;

  private DatetimeParser(
      Mode mode, DateTimeFormatter pattern, boolean timestamp, boolean withTimeZone,
      String formatName) {
    this.mode = mode;
    this.pattern = pattern;
    this.timestamp = timestamp;
    this.withTimeZone = withTimeZone;
    this.formatName = formatName;
  }

  /** A parser for DATE columns; {@code format} is the DATEFORMAT text or null for the default. */
  static DatetimeParser forDates(String format, String target) {
    return create(format, false, false, "YYYY-MM-DD", "DATEFORMAT", target);
  }

  /** A parser for TIMESTAMP columns; {@code format} is the TIMEFORMAT text or null. */
  static DatetimeParser forTimestamps(String format, boolean withTimeZone, String target) {
    return create(format, true, withTimeZone, "YYYY-MM-DD HH:MI:SS", "TIMEFORMAT", target);
  }

  private static DatetimeParser create(
      String format, boolean timestamp, boolean withTimeZone, String defaultName, String option,
      String target) {
    if (format == null) {
      return new DatetimeParser(Mode.DEFAULT, null, timestamp, withTimeZone, defaultName);
    }
    String lower = format.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "auto" -> {
        return new DatetimeParser(Mode.AUTO, null, timestamp, withTimeZone, "auto");
      }
      case "epochsecs" -> {
        return new DatetimeParser(Mode.EPOCH_SECONDS, null, timestamp, withTimeZone, lower);
      }
      case "epochmillisecs" -> {
        return new DatetimeParser(Mode.EPOCH_MILLIS, null, timestamp, withTimeZone, lower);
      }
      default -> {
        try {
          return new DatetimeParser(Mode.PATTERN, RedshiftDatetimePattern.compile(format),
              timestamp, withTimeZone, format);
        } catch (IllegalArgumentException e) {
          throw new StorageException("22023",
              "Cannot COPY into " + target + ": invalid " + option + " '" + format + "': "
                  + e.getMessage());
        }
      }
    }
  }

  /** DATE text to days since 1970-01-01. */
  int parseDate(char[] chars, int start, int end) throws LoadRejection {
    long millis = parse(chars, start, end);
    return (int) Math.floorDiv(millis, MILLIS_PER_DAY);
  }

  /** TIMESTAMP text to epoch milliseconds. */
  long parseTimestamp(char[] chars, int start, int end) throws LoadRejection {
    return parse(chars, start, end);
  }

  private long parse(char[] chars, int start, int end) throws LoadRejection {
    switch (mode) {
      case DEFAULT -> {
        long value = parseIso(chars, start, end);
        if (value == Long.MIN_VALUE) {
          throw invalid(chars, start, end);
        }
        return value;
      }
      case AUTO -> {
        long value = parseIso(chars, start, end);
        if (value != Long.MIN_VALUE) {
          return value;
        }
        String text = new String(chars, start, end - start);
        for (DateTimeFormatter formatter : AUTO_DATES) {
          Long parsed = tryPattern(formatter, text);
          if (parsed != null) {
            return parsed;
          }
        }
        if (timestamp) {
          for (DateTimeFormatter formatter : AUTO_TIMESTAMPS) {
            Long parsed = tryPattern(formatter, text);
            if (parsed != null) {
              return parsed;
            }
          }
        }
        throw invalid(chars, start, end);
      }
      case PATTERN -> {
        Long parsed = tryPattern(pattern, new String(chars, start, end - start));
        if (parsed == null) {
          throw invalid(chars, start, end);
        }
        return parsed;
      }
      case EPOCH_SECONDS, EPOCH_MILLIS -> {
        long number;
        try {
          number = Long.parseLong(new String(chars, start, end - start));
        } catch (NumberFormatException e) {
          throw invalid(chars, start, end);
        }
        return mode == Mode.EPOCH_SECONDS ? Math.multiplyExact(number, 1000L) : number;
      }
    }
    throw new IllegalStateException("unknown mode " + mode);
  }

  private Long tryPattern(DateTimeFormatter formatter, String text) {
    try {
      TemporalAccessor parsed = formatter.parse(text);
      LocalDate date = LocalDate.of(parsed.get(ChronoField.YEAR),
          parsed.get(ChronoField.MONTH_OF_YEAR), parsed.get(ChronoField.DAY_OF_MONTH));
      long millis = date.toEpochDay() * MILLIS_PER_DAY;
      if (parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
        millis += parsed.get(ChronoField.HOUR_OF_DAY) * 3_600_000L;
      }
      if (parsed.isSupported(ChronoField.MINUTE_OF_HOUR)) {
        millis += parsed.get(ChronoField.MINUTE_OF_HOUR) * 60_000L;
      }
      if (parsed.isSupported(ChronoField.SECOND_OF_MINUTE)) {
        millis += parsed.get(ChronoField.SECOND_OF_MINUTE) * 1000L;
      }
      if (parsed.isSupported(ChronoField.MILLI_OF_SECOND)) {
        millis += parsed.get(ChronoField.MILLI_OF_SECOND);
      }
      if (withTimeZone && parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
        millis -= parsed.get(ChronoField.OFFSET_SECONDS) * 1000L;
      }
      return millis;
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Scans {@code YYYY-MM-DD[( |T)HH:MI[:SS[.fraction]]][offset]} and returns epoch milliseconds,
   * or {@code Long.MIN_VALUE} when the text does not have that shape or names no real instant.
   * A DATE column keeps only the date of a timestamp, as Redshift does.
   */
  private long parseIso(char[] c, int start, int end) {
    int length = end - start;
    if (length < 10 || c[start + 4] != '-' || c[start + 7] != '-') {
      return Long.MIN_VALUE;
    }
    int year = digits(c, start, 4);
    int month = digits(c, start + 5, 2);
    int day = digits(c, start + 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
      return Long.MIN_VALUE;
    }
    if (day > daysInMonth(year, month)) {
      return Long.MIN_VALUE;
    }
    long epochDay = epochDay(year, month, day);
    long millis = epochDay * MILLIS_PER_DAY;
    int i = start + 10;
    if (i == end) {
      return millis;
    }
    if ((c[i] != ' ' && c[i] != 'T') || end - i < 6 || c[i + 3] != ':') {
      return Long.MIN_VALUE;
    }
    int hour = digits(c, i + 1, 2);
    int minute = digits(c, i + 4, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return Long.MIN_VALUE;
    }
    millis += hour * 3_600_000L + minute * 60_000L;
    i += 6;
    if (i < end && c[i] == ':') {
      int second = end - i >= 3 ? digits(c, i + 1, 2) : -1;
      if (second < 0 || second > 59) {
        return Long.MIN_VALUE;
      }
      millis += second * 1000L;
      i += 3;
      if (i < end && c[i] == '.') {
        i++;
        int fractionStart = i;
        int fraction = 0;
        while (i < end && c[i] >= '0' && c[i] <= '9') {
          if (i - fractionStart < 3) {
            fraction = fraction * 10 + (c[i] - '0');
          }
          i++;
        }
        int fractionDigits = i - fractionStart;
        if (fractionDigits == 0) {
          return Long.MIN_VALUE;
        }
        for (int d = fractionDigits; d < 3; d++) {
          fraction *= 10;
        }
        millis += fraction;
      }
    }
    if (i == end) {
      return millis;
    }
    int offsetSeconds = parseOffset(c, i, end);
    if (offsetSeconds == Integer.MIN_VALUE) {
      return Long.MIN_VALUE;
    }
    return withTimeZone ? millis - offsetSeconds * 1000L : millis;
  }

  /** Reads {@code [ ](Z|UTC|GMT|+HH[[:]MM])} to seconds east of UTC, or Integer.MIN_VALUE. */
  private static int parseOffset(char[] c, int start, int end) {
    int i = start;
    if (c[i] == ' ') {
      i++;
    }
    int remaining = end - i;
    if (remaining == 1 && (c[i] == 'Z' || c[i] == 'z')) {
      return 0;
    }
    if (remaining == 3) {
      String zone = new String(c, i, 3).toUpperCase(Locale.ROOT);
      if (zone.equals("UTC") || zone.equals("GMT")) {
        return 0;
      }
    }
    if (remaining < 3 || (c[i] != '+' && c[i] != '-')) {
      return Integer.MIN_VALUE;
    }
    int sign = c[i] == '-' ? -1 : 1;
    int hours = digits(c, i + 1, 2);
    int minutes = 0;
    int j = i + 3;
    if (j < end && c[j] == ':') {
      j++;
    }
    if (j < end) {
      if (end - j != 2) {
        return Integer.MIN_VALUE;
      }
      minutes = digits(c, j, 2);
    }
    if (hours < 0 || hours > 15 || minutes < 0 || minutes > 59) {
      return Integer.MIN_VALUE;
    }
    try {
      return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes).getTotalSeconds();
    } catch (DateTimeException e) {
      return Integer.MIN_VALUE;
    }
  }

  /** The non-negative number in {@code count} ASCII digits at {@code start}, or -1. */
  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static boolean isLeap(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /**
   * Days from 1970-01-01 to a valid date of a year 0..9999, computed as LocalDate does but
   * without building one per value: this runs for every DATE field a COPY loads.
   */
  static long epochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    total += (367L * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total -= isLeap(year) ? 1 : 2;
    }
    return total - DAYS_0000_TO_1970;
  }

  private static int digits(char[] c, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      int digit = c[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private LoadRejection invalid(char[] chars, int start, int end) {
    String value = new String(chars, start, end - start);
    if (timestamp) {
      return LoadRejection.value(LoadRejection.INVALID_TIMESTAMP, "22007",
          "Invalid timestamp format or value [" + formatName + "], Value '" + value + "'", 0);
    }
    return LoadRejection.value(LoadRejection.INVALID_DATE, "22007",
        "Invalid date format [" + formatName + "], Value '" + value + "'", 0);
  }
}
