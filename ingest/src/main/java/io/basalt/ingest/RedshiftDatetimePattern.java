package io.basalt.ingest;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalField;
import java.util.Locale;

/**
 * Translates a Redshift DATEFORMAT/TIMEFORMAT pattern ({@code YYYY YY MM MON MONTH DD HH HH24
 * HH12 MI SS AM PM TZ}, with {@code .SSS}-style fractions) into a java.time formatter. Fields the
 * pattern lacks default to the start of their period, so {@code 'YYYY-MM'} reads a first-of-month
 * date. Letters that are not tokens are rejected; other characters are literals.
 */
final class RedshiftDatetimePattern {
  private RedshiftDatetimePattern() {
  }

  /** Compiles the pattern; throws IllegalArgumentException naming an unknown token. */
  static DateTimeFormatter compile(String pattern) {
    String upper = pattern.toUpperCase(Locale.ROOT);
    boolean twelveHour = upper.contains("AM") || upper.contains("PM")
        || upper.contains("HH12");
    DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
    boolean hasMonth = false;
    boolean hasDay = false;
    boolean hasHour = false;
    int i = 0;
    while (i < upper.length()) {
      String rest = upper.substring(i);
      if (rest.startsWith("YYYY")) {
        i += 4;
        builder.appendValue(ChronoField.YEAR, 4);
      } else if (rest.startsWith("YY")) {
        i += 2;
        builder.appendValueReduced(ChronoField.YEAR, 2, 2, 1970);
      } else if (rest.startsWith("MONTH")) {
        i += 5;
        hasMonth = true;
        builder.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.FULL);
      } else if (rest.startsWith("MON")) {
        i += 3;
        hasMonth = true;
        builder.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.SHORT);
      } else if (rest.startsWith("MM")) {
        i += 2;
        hasMonth = true;
        number(builder, ChronoField.MONTH_OF_YEAR, upper, i);
      } else if (rest.startsWith("MI")) {
        i += 2;
        number(builder, ChronoField.MINUTE_OF_HOUR, upper, i);
      } else if (rest.startsWith("DD")) {
        i += 2;
        hasDay = true;
        number(builder, ChronoField.DAY_OF_MONTH, upper, i);
      } else if (rest.startsWith("HH24") || rest.startsWith("HH12") || rest.startsWith("HH")) {
        i += rest.startsWith("HH2") || rest.startsWith("HH1") ? 4 : 2;
        hasHour = true;
        number(builder, twelveHour ? ChronoField.CLOCK_HOUR_OF_AMPM : ChronoField.HOUR_OF_DAY,
            upper, i);
      } else if (rest.startsWith("SS")) {
        i += 2;
        number(builder, ChronoField.SECOND_OF_MINUTE, upper, i);
        int fractionEnd = fractionTokenEnd(upper, i);
        i = fractionEnd;
        builder.optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd();
      } else if (rest.startsWith("AM") || rest.startsWith("PM")) {
        i += 2;
        builder.appendText(ChronoField.AMPM_OF_DAY, TextStyle.SHORT);
      } else if (rest.startsWith("TZH:TZM") || rest.startsWith("TZ") || rest.startsWith("OF")) {
        i += rest.startsWith("TZH:TZM") ? 7 : 2;
        builder.optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHmm", "Z").optionalEnd();
      } else if (rest.charAt(0) == 'T' && i > 0) {
        // The ISO date/time separator, as in 'YYYYMMDDTHHMISS'.
        i++;
        builder.appendLiteral('T');
      } else if (Character.isLetter(rest.charAt(0))) {
        throw new IllegalArgumentException("unknown token at '" + pattern.substring(i) + "'");
      } else {
        builder.appendLiteral(pattern.charAt(i));
        i++;
      }
    }
    if (!hasMonth) {
      builder.parseDefaulting(ChronoField.MONTH_OF_YEAR, 1);
    }
    if (!hasDay) {
      builder.parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
    }
    if (!hasHour && twelveHour) {
      throw new IllegalArgumentException("AM/PM without an hour");
    }
    return builder.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * Appends a numeric field: exactly two digits when the next pattern character starts another
   * number (as in {@code YYYYMMDD}), else one or two digits.
   */
  private static void number(
      DateTimeFormatterBuilder builder, TemporalField field, String upper, int next) {
    boolean adjacent = next < upper.length() && Character.isLetter(upper.charAt(next))
        && !upper.startsWith("AM", next) && !upper.startsWith("PM", next)
        && !upper.startsWith("MON", next) && !upper.startsWith("TZ", next)
        && upper.charAt(next) != 'T';
    if (adjacent) {
      builder.appendValue(field, 2);
    } else {
      builder.appendValue(field, 1, 2, SignStyle.NOT_NEGATIVE);
    }
  }

  /** Skips a fraction token after SS ({@code .SSS}, {@code .US}, {@code .MS}, {@code .FF}). */
  private static int fractionTokenEnd(String upper, int start) {
    if (start >= upper.length() || upper.charAt(start) != '.') {
      return start;
    }
    int i = start + 1;
    if (upper.startsWith("US", i) || upper.startsWith("MS", i) || upper.startsWith("FF", i)) {
      return i + 2;
    }
    int end = i;
    while (end < upper.length() && upper.charAt(end) == 'S') {
      end++;
    }
    return end > i ? end : start;
  }
}
