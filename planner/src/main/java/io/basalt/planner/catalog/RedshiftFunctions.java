package io.basalt.planner.catalog;

import io.basalt.storage.StorageException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Redshift functions that none of Calcite's libraries has in Redshift's form: LEN, GETDATE,
 * DATEADD, DATEDIFF, DATE_TRUNC('part', ts) and REGEXP_SUBSTR.
 * Calcite calls these methods with its own conversions, so their signatures say the SQL types.
 * Timestamps are UTC, as on a Redshift cluster.
 */
public final class RedshiftFunctions {
  private RedshiftFunctions() {}

  /** LEN(string): its length in characters. */
  public static Integer len(String value) {
    return value == null ? null : value.codePointCount(0, value.length());
  }

  /** GETDATE(): the current date and time, in whole seconds. */
  public static Timestamp getdate() {
    return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
  }

  /** DATEADD(datepart, interval, timestamp). */
  public static Timestamp dateadd(String part, Long amount, Timestamp when) {
    if (part == null || amount == null || when == null) {
      return null;
    }
    LocalDateTime time = when.toLocalDateTime();
    long n = amount;
    LocalDateTime result = switch (unit(part)) {
      case YEARS -> time.plusYears(n);
      case DECADES -> time.plusYears(10 * n);
      case CENTURIES -> time.plusYears(100 * n);
      case MILLENNIA -> time.plusYears(1000 * n);
      case MONTHS -> time.plusMonths(n);
      case WEEKS -> time.plusWeeks(n);
      case DAYS -> time.plusDays(n);
      case HOURS -> time.plusHours(n);
      case MINUTES -> time.plusMinutes(n);
      case SECONDS -> time.plusSeconds(n);
      case MILLIS -> time.plus(n, ChronoUnit.MILLIS);
      case MICROS -> time.plus(n, ChronoUnit.MICROS);
      default -> isQuarter(part) ? time.plusMonths(3 * n) : time.plusDays(n);
    };
    return Timestamp.valueOf(result);
  }

  /** DATEDIFF(datepart, start, end): how many datepart boundaries lie between them. */
  public static Long datediff(String part, Timestamp start, Timestamp end) {
    if (part == null || start == null || end == null) {
      return null;
    }
    LocalDateTime a = start.toLocalDateTime();
    LocalDateTime b = end.toLocalDateTime();
    if (isQuarter(part)) {
      return quarterIndex(b) - quarterIndex(a);
    }
    return switch (unit(part)) {
      case YEARS -> (long) (b.getYear() - a.getYear());
      case DECADES -> (long) (Math.floorDiv(b.getYear(), 10) - Math.floorDiv(a.getYear(), 10));
      case CENTURIES -> (long) (Math.floorDiv(b.getYear() - 1, 100)
          - Math.floorDiv(a.getYear() - 1, 100));
      case MILLENNIA -> (long) (Math.floorDiv(b.getYear() - 1, 1000)
          - Math.floorDiv(a.getYear() - 1, 1000));
      case MONTHS -> (b.getYear() * 12L + b.getMonthValue()) - (a.getYear() * 12L
          + a.getMonthValue());
      case WEEKS -> ChronoUnit.WEEKS.between(weekStart(a), weekStart(b));
      case DAYS -> ChronoUnit.DAYS.between(a.toLocalDate(), b.toLocalDate());
      case HOURS -> ChronoUnit.HOURS.between(a.truncatedTo(ChronoUnit.HOURS),
          b.truncatedTo(ChronoUnit.HOURS));
      case MINUTES -> ChronoUnit.MINUTES.between(a.truncatedTo(ChronoUnit.MINUTES),
          b.truncatedTo(ChronoUnit.MINUTES));
      case SECONDS -> ChronoUnit.SECONDS.between(a.truncatedTo(ChronoUnit.SECONDS),
          b.truncatedTo(ChronoUnit.SECONDS));
      case MILLIS -> ChronoUnit.MILLIS.between(a.truncatedTo(ChronoUnit.MILLIS),
          b.truncatedTo(ChronoUnit.MILLIS));
      default -> ChronoUnit.MICROS.between(a, b);
    };
  }

  /** DATE_TRUNC('datepart', timestamp): the start of the datepart that holds the timestamp. */
  public static Timestamp dateTrunc(String part, Timestamp when) {
    if (part == null || when == null) {
      return null;
    }
    LocalDateTime time = when.toLocalDateTime();
    LocalDateTime day = time.toLocalDate().atStartOfDay();
    if (isQuarter(part)) {
      int firstMonth = (time.getMonthValue() - 1) / 3 * 3 + 1;
      return Timestamp.valueOf(day.withDayOfMonth(1).withMonth(firstMonth));
    }
    LocalDateTime result = switch (unit(part)) {
      case MILLENNIA -> day.withDayOfYear(1).withYear((time.getYear() - 1) / 1000 * 1000 + 1);
      case CENTURIES -> day.withDayOfYear(1).withYear((time.getYear() - 1) / 100 * 100 + 1);
      case DECADES -> day.withDayOfYear(1).withYear(time.getYear() / 10 * 10);
      case YEARS -> day.withDayOfYear(1);
      case MONTHS -> day.withDayOfMonth(1);
      case WEEKS -> weekStart(time);
      case DAYS -> day;
      case HOURS -> time.truncatedTo(ChronoUnit.HOURS);
      case MINUTES -> time.truncatedTo(ChronoUnit.MINUTES);
      case SECONDS -> time.truncatedTo(ChronoUnit.SECONDS);
      case MILLIS -> time.truncatedTo(ChronoUnit.MILLIS);
      default -> time;
    };
    return Timestamp.valueOf(result);
  }

  /** REGEXP_SUBSTR(string, pattern): the first match of a POSIX-like pattern, or NULL. */
  public static String regexpSubstr(String value, String pattern) {
    if (value == null || pattern == null) {
      return null;
    }
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(pattern).matcher(value);
    return matcher.find() ? matcher.group() : null;
  }

  private static long quarterIndex(LocalDateTime time) {
    return time.getYear() * 4L + time.get(IsoFields.QUARTER_OF_YEAR);
  }

  /** Redshift's weeks start on Monday. */
  private static LocalDateTime weekStart(LocalDateTime time) {
    return time.toLocalDate().minusDays(time.getDayOfWeek().getValue() - 1L).atStartOfDay();
  }

  private static boolean isQuarter(String part) {
    return switch (part.toLowerCase(Locale.ROOT)) {
      case "quarter", "quarters", "qtr", "qtrs" -> true;
      default -> false;
    };
  }

  /** Redshift's date part names and abbreviations. */
  private static ChronoUnit unit(String part) {
    return switch (part.toLowerCase(Locale.ROOT)) {
      case "millennium", "millennia", "mil", "mils" -> ChronoUnit.MILLENNIA;
      case "century", "centuries", "c", "cent", "cents" -> ChronoUnit.CENTURIES;
      case "decade", "decades", "dec", "decs" -> ChronoUnit.DECADES;
      case "year", "years", "y", "yr", "yrs" -> ChronoUnit.YEARS;
      case "quarter", "quarters", "qtr", "qtrs" -> ChronoUnit.FOREVER;
      case "month", "months", "mon", "mons" -> ChronoUnit.MONTHS;
      case "week", "weeks", "w" -> ChronoUnit.WEEKS;
      case "day", "days", "d" -> ChronoUnit.DAYS;
      case "hour", "hours", "h", "hr", "hrs" -> ChronoUnit.HOURS;
      case "minute", "minutes", "m", "min", "mins" -> ChronoUnit.MINUTES;
      case "second", "seconds", "s", "sec", "secs" -> ChronoUnit.SECONDS;
      case "millisecond", "milliseconds", "ms", "msec", "msecs", "msecond", "mseconds",
          "millisec", "millisecs", "millisecon" -> ChronoUnit.MILLIS;
      case "microsecond", "microseconds", "microsec", "microsecs", "microsecond_s", "usecond",
          "useconds", "us", "usec", "usecs" -> ChronoUnit.MICROS;
      default -> throw new StorageException("22023",
          "Cannot use date part \"" + part + "\": it is not a Redshift date part");
    };
  }
}
