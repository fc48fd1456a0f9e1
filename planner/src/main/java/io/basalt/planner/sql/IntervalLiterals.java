package io.basalt.planner.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;

/**
 * Turns Redshift's (PostgreSQL's) interval strings such as {@code INTERVAL '7 days'} or
 * {@code INTERVAL '1 hour 30 minutes'} into Calcite's standard interval literals.
 *
 * <p>A string holds {@code number unit} pairs (units as Redshift spells them: {@code day},
 * {@code days}, {@code d}, {@code hrs}, {@code mon}, ...), optionally a time {@code hh:mm[:ss]},
 * or a bare number of seconds. Year-month parts become {@code INTERVAL 'n' YEAR} or {@code MONTH};
 * day-time parts become one literal in the largest unit that represents the total exactly, e.g.
 * {@code '1 hour 30 minutes'} is {@code INTERVAL '90' MINUTE}. Calcite cannot hold months and
 * days in one interval, so a string that mixes them is rejected.
 */
public final class IntervalLiterals {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
  private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
  private static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

  /** Months per year-month unit. */
  private static final Map<String, Integer> MONTH_UNITS = Map.ofEntries(
      Map.entry("y", 12), Map.entry("yr", 12), Map.entry("yrs", 12), Map.entry("year", 12),
      Map.entry("years", 12), Map.entry("qtr", 3), Map.entry("qtrs", 3), Map.entry("quarter", 3),
      Map.entry("quarters", 3), Map.entry("mon", 1), Map.entry("mons", 1), Map.entry("month", 1),
      Map.entry("months", 1));

  /** Microseconds per day-time unit. */
  private static final Map<String, Long> MICRO_UNITS = Map.ofEntries(
      Map.entry("w", 7 * MICROS_PER_DAY), Map.entry("week", 7 * MICROS_PER_DAY),
      Map.entry("weeks", 7 * MICROS_PER_DAY), Map.entry("d", MICROS_PER_DAY),
      Map.entry("day", MICROS_PER_DAY), Map.entry("days", MICROS_PER_DAY),
      Map.entry("h", MICROS_PER_HOUR), Map.entry("hr", MICROS_PER_HOUR),
      Map.entry("hrs", MICROS_PER_HOUR), Map.entry("hour", MICROS_PER_HOUR),
      Map.entry("hours", MICROS_PER_HOUR), Map.entry("m", MICROS_PER_MINUTE),
      Map.entry("min", MICROS_PER_MINUTE), Map.entry("mins", MICROS_PER_MINUTE),
      Map.entry("minute", MICROS_PER_MINUTE), Map.entry("minutes", MICROS_PER_MINUTE),
      Map.entry("s", MICROS_PER_SECOND), Map.entry("sec", MICROS_PER_SECOND),
      Map.entry("secs", MICROS_PER_SECOND), Map.entry("second", MICROS_PER_SECOND),
      Map.entry("seconds", MICROS_PER_SECOND), Map.entry("ms", 1000L), Map.entry("msec", 1000L),
      Map.entry("msecs", 1000L), Map.entry("millisecond", 1000L),
      Map.entry("milliseconds", 1000L), Map.entry("us", 1L), Map.entry("usec", 1L),
      Map.entry("usecs", 1L), Map.entry("microsecond", 1L), Map.entry("microseconds", 1L));

  private IntervalLiterals() {}

  /**
   * Parses the string of {@code INTERVAL [sign] 'text'} written without a qualifier; public only
   * for the generated parser.
   */
  public static SqlLiteral parse(SqlParserPos pos, int sign, String text) {
    String[] words = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
    if (words.length == 0 || words[0].isEmpty()) {
      throw invalid(pos, text, "it is empty");
    }
    long months = 0;
    boolean hasMonths = false;
    BigDecimal micros = BigDecimal.ZERO;
    boolean hasMicros = false;
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      if (word.indexOf(':') >= 0) {
        micros = micros.add(clock(pos, text, word));
        hasMicros = true;
        continue;
      }
      BigDecimal number = number(pos, text, word);
      if (i + 1 == words.length) {
        if (words.length > 1) {
          throw invalid(pos, text, "\"" + word + "\" has no unit");
        }
        // A bare number counts seconds, as in PostgreSQL.
        micros = micros.add(number.multiply(BigDecimal.valueOf(MICROS_PER_SECOND)));
        hasMicros = true;
        continue;
      }
      String unit = words[++i];
      Integer monthsPerUnit = MONTH_UNITS.get(unit);
      Long microsPerUnit = MICRO_UNITS.get(unit);
      if (monthsPerUnit != null) {
        if (number.stripTrailingZeros().scale() > 0) {
          throw invalid(pos, text, "a number of " + unit + " must be whole");
        }
        months += number.longValueExact() * monthsPerUnit;
        hasMonths = true;
      } else if (microsPerUnit != null) {
        micros = micros.add(number.multiply(BigDecimal.valueOf(microsPerUnit)));
        hasMicros = true;
      } else {
        throw invalid(pos, text, "\"" + unit + "\" is not a unit of time");
      }
    }
    if (hasMonths && hasMicros) {
      throw invalid(pos, text,
          "it mixes years or months with days or time; add two intervals instead");
    }
    if (hasMonths) {
      return monthsLiteral(pos, sign, months);
    }
    return microsLiteral(pos, sign, micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
  }

  private static SqlLiteral monthsLiteral(SqlParserPos pos, int sign, long months) {
    int literalSign = months < 0 ? -sign : sign;
    long magnitude = Math.abs(months);
    if (magnitude % 12 == 0) {
      return literal(pos, literalSign, Long.toString(magnitude / 12), TimeUnit.YEAR, -1);
    }
    return literal(pos, literalSign, Long.toString(magnitude), TimeUnit.MONTH, -1);
  }

  private static SqlLiteral microsLiteral(SqlParserPos pos, int sign, long micros) {
    int literalSign = micros < 0 ? -sign : sign;
    long magnitude = Math.abs(micros);
    if (magnitude % MICROS_PER_DAY == 0) {
      return literal(pos, literalSign, Long.toString(magnitude / MICROS_PER_DAY), TimeUnit.DAY,
          -1);
    }
    if (magnitude % MICROS_PER_HOUR == 0) {
      return literal(pos, literalSign, Long.toString(magnitude / MICROS_PER_HOUR), TimeUnit.HOUR,
          -1);
    }
    if (magnitude % MICROS_PER_MINUTE == 0) {
      return literal(pos, literalSign, Long.toString(magnitude / MICROS_PER_MINUTE),
          TimeUnit.MINUTE, -1);
    }
    BigDecimal seconds = BigDecimal.valueOf(magnitude, 6).stripTrailingZeros();
    return literal(pos, literalSign, seconds.toPlainString(), TimeUnit.SECOND,
        Math.max(seconds.scale(), 0));
  }

  private static SqlLiteral literal(SqlParserPos pos, int sign, String value, TimeUnit unit,
      int fractionalPrecision) {
    int digits = value.indexOf('.') < 0 ? value.length() : value.indexOf('.');
    // Calcite's default leading precision is 2 digits; '100 days' needs 3.
    SqlIntervalQualifier qualifier = new SqlIntervalQualifier(unit, Math.max(2, digits), null,
        fractionalPrecision, pos);
    return SqlParserUtil.parseIntervalLiteral(pos, sign, value, qualifier);
  }

  private static BigDecimal clock(SqlParserPos pos, String text, String word) {
    boolean negative = word.startsWith("-");
    String[] parts = (negative ? word.substring(1) : word).split(":");
    if (parts.length < 2 || parts.length > 3) {
      throw invalid(pos, text, "\"" + word + "\" is not a time of the form hh:mm[:ss]");
    }
    BigDecimal micros = number(pos, text, parts[0])
        .multiply(BigDecimal.valueOf(MICROS_PER_HOUR))
        .add(number(pos, text, parts[1]).multiply(BigDecimal.valueOf(MICROS_PER_MINUTE)));
    if (parts.length == 3) {
      micros = micros.add(number(pos, text, parts[2])
          .multiply(BigDecimal.valueOf(MICROS_PER_SECOND)));
    }
    return negative ? micros.negate() : micros;
  }

  private static BigDecimal number(SqlParserPos pos, String text, String word) {
    try {
      return new BigDecimal(word);
    } catch (NumberFormatException e) {
      throw invalid(pos, text, "\"" + word + "\" is not a number");
    }
  }

  private static RuntimeException invalid(SqlParserPos pos, String text, String reason) {
    return ParseErrors.at(pos, "Cannot parse interval '" + text + "': " + reason);
  }
}
