package io.basalt.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class TestFieldConverter {
  private static final Map<String, String> TEXT = Map.of();
  private static final Map<String, String> CSV = Map.of("FORMAT", "CSV");

  @Test
  void integersAreRangeChecked() throws Exception {
    assertThat(convert(ColumnType.of(TypeName.SMALLINT), "-32768")).isEqualTo((short) -32768);
    assertThat(convert(ColumnType.of(TypeName.INTEGER), " 42 ")).isEqualTo(42);
    assertThat(convert(ColumnType.of(TypeName.BIGINT), "-9223372036854775808"))
        .isEqualTo(Long.MIN_VALUE);
    assertThat(convert(ColumnType.of(TypeName.BIGINT), "+7")).isEqualTo(7L);
    rejected(ColumnType.of(TypeName.SMALLINT), "32768")
        .hasMessage("Overflow, Value '32768', Type: Smallint")
        .extracting(e -> ((LoadRejection) e).errorCode()).isEqualTo(1222);
    rejected(ColumnType.of(TypeName.BIGINT), "9223372036854775808")
        .hasMessage("Overflow, Value '9223372036854775808', Type: Bigint");
    rejected(ColumnType.of(TypeName.INTEGER), "12a")
        .hasMessage("Invalid digit, Value '12a', Pos 2, Type: Integer")
        .extracting(e -> ((LoadRejection) e).errorCode()).isEqualTo(1207);
    rejected(ColumnType.of(TypeName.INTEGER), "1.5")
        .extracting(e -> ((LoadRejection) e).sqlState()).isEqualTo("22P02");
    rejected(ColumnType.of(TypeName.INTEGER), "-")
        .hasMessage("Invalid digit, Value '-', Pos 1, Type: Integer");
  }

  @Test
  void decimalsTruncateToTheScaleAndCheckPrecision() throws Exception {
    ColumnType money = ColumnType.decimal(5, 2);
    assertThat(convert(money, "123.45")).isEqualTo(new BigDecimal("123.45"));
    assertThat(convert(money, "-1")).isEqualTo(new BigDecimal("-1.00"));
    assertThat(convert(money, "20.259")).isEqualTo(new BigDecimal("20.25"));
    assertThat(convert(money, "-2.679")).isEqualTo(new BigDecimal("-2.67"));
    assertThat(convert(money, "999.999")).isEqualTo(new BigDecimal("999.99"));
    assertThat(convert(money, "1.5E2")).isEqualTo(new BigDecimal("150.00"));
    assertThat(convert(money, ".5")).isEqualTo(new BigDecimal("0.50"));
    Map<String, String> roundec = Map.of("ROUNDEC", "");
    assertThat(convert(money, "20.259", roundec)).isEqualTo(new BigDecimal("20.26"));
    assertThat(convert(money, "0.005", roundec)).isEqualTo(new BigDecimal("0.01"));
    assertThat(convert(money, "-2.675", roundec)).isEqualTo(new BigDecimal("-2.68"));
    assertThat(convert(money, "999.994", roundec)).isEqualTo(new BigDecimal("999.99"));
    assertThatThrownBy(() -> convert(money, "999.995", roundec))
        .extracting(e -> ((LoadRejection) e).sqlState()).isEqualTo("22003");
    rejected(money, "1000").hasMessage(
        "Numeric data overflow (result precision), Value '1000', Type: numeric(5,2)");
    rejected(money, "12x.5").hasMessage("Invalid digit, Value '12x.5', Pos 2, Type: Decimal");
    rejected(money, "1E999999999").extracting(e -> ((LoadRejection) e).sqlState())
        .isEqualTo("22003");
    assertThat(convert(ColumnType.decimal(38, 10), "12345678901234567890.0123456789"))
        .isEqualTo(new BigDecimal("12345678901234567890.0123456789"));
  }

  @Test
  void floatingPointAndBooleans() throws Exception {
    assertThat(convert(ColumnType.of(TypeName.DOUBLE), "1.5e3")).isEqualTo(1500.0);
    assertThat(convert(ColumnType.of(TypeName.REAL), "0.25")).isEqualTo(0.25f);
    assertThat(convert(ColumnType.of(TypeName.DOUBLE), "-inf"))
        .isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat((Double) convert(ColumnType.of(TypeName.DOUBLE), "NaN")).isNaN();
    rejected(ColumnType.of(TypeName.DOUBLE), "1.5d")
        .hasMessage("Invalid digit, Value '1.5d', Pos 3, Type: Double");
    rejected(ColumnType.of(TypeName.REAL), "1e39")
        .hasMessage("Overflow, Value '1e39', Type: Real");
    for (String yes : new String[] {"t", "TRUE", "1", "y", "Yes"}) {
      assertThat(convert(ColumnType.of(TypeName.BOOLEAN), yes)).isEqualTo(true);
    }
    for (String no : new String[] {"f", "false", "0", "N", "no"}) {
      assertThat(convert(ColumnType.of(TypeName.BOOLEAN), no)).isEqualTo(false);
    }
    rejected(ColumnType.of(TypeName.BOOLEAN), "maybe")
        .hasMessage("Invalid boolean, Value 'maybe'");
  }

  @Test
  void stringsAreMeasuredInUtf8Bytes() throws Exception {
    assertThat(convert(ColumnType.varchar(3), "abc")).isEqualTo("abc");
    assertThat(convert(ColumnType.varchar(5), "é€")).isEqualTo("é€");
    rejected(ColumnType.varchar(5), "é€a").hasMessage("String length exceeds DDL length")
        .extracting(e -> ((LoadRejection) e).sqlState()).isEqualTo("22001");
    assertThat(convert(ColumnType.varchar(5), "é€a", Map.of("TRUNCATECOLUMNS", "")))
        .isEqualTo("é€");
    assertThat(convert(ColumnType.varchar(3), "😀", Map.of("TRUNCATECOLUMNS", "")))
        .isEqualTo("");
    assertThat(convert(ColumnType.character(2), " a ", Map.of("TRIMBLANKS", "")))
        .isEqualTo(" a");
    rejected(ColumnType.character(5), "héllo")
        .hasMessage("Multibyte character not supported for CHAR (Hint: try using VARCHAR)")
        .extracting(e -> ((LoadRejection) e).errorCode()).isEqualTo(1215);
  }

  @Test
  void invalidUtf8RejectsUnlessAcceptInvChars() throws Exception {
    rejected(ColumnType.varchar(10), "a\uFFFDb").extracting(e -> ((LoadRejection) e).errorCode())
        .isEqualTo(1220);
    assertThat(convert(ColumnType.varchar(10), "a\uFFFDb", Map.of("ACCEPTINVCHARS", "")))
        .isEqualTo("a?b");
    assertThat(convert(ColumnType.varchar(10), "a\uFFFDb", Map.of("ACCEPTINVCHARS", "^")))
        .isEqualTo("a^b");
  }

  @Test
  void nullHandlingFollowsRedshift() throws Exception {
    ColumnType varchar = ColumnType.varchar(10);
    ColumnType integer = ColumnType.of(TypeName.INTEGER);
    assertThat(convert(integer, "\\N")).isNull();
    assertThat(convert(varchar, "\\N")).isNull();
    assertThat(convert(integer, "")).isNull();
    assertThat(convert(integer, "  ")).isNull();
    assertThat(convert(varchar, "")).isEqualTo("");
    assertThat(convert(varchar, "", Map.of("EMPTYASNULL", ""))).isNull();
    assertThat(convert(varchar, "  ")).isEqualTo("  ");
    assertThat(convert(varchar, "  ", Map.of("BLANKSASNULL", ""))).isNull();
    assertThat(convert(varchar, "nil", Map.of("NULL", "nil"))).isNull();
    assertThat(convert(varchar, "\\N", Map.of("NULL", "nil"))).isEqualTo("\\N");
    // CSV: an empty unquoted field is NULL only for non-strings; a quoted one is a string.
    assertThat(convert(integer, "", CSV)).isNull();
    assertThat(convert(varchar, "", CSV)).isEqualTo("");
    assertThat(convert(varchar, "\"\"", csvWith("EMPTYASNULL"))).isEqualTo("");
    assertThat(convert(varchar, "", csvWith("EMPTYASNULL"))).isNull();
    Map<String, String> csvNull = new HashMap<>(CSV);
    csvNull.put("NULL", "NULL");
    assertThat(convert(varchar, "NULL", csvNull)).isNull();
    assertThat(convert(varchar, "\"NULL\"", csvNull)).isEqualTo("NULL");
  }

  @Test
  void notNullColumnsRejectNull() {
    ColumnDefinition column = new ColumnDefinition("id", ColumnType.of(TypeName.INTEGER), false,
        null);
    assertThatThrownBy(() -> convert(column, "", TEXT))
        .hasMessage("Missing data for not-null field")
        .extracting(e -> ((LoadRejection) e).sqlState()).isEqualTo("23502");
  }

  @Test
  void datesAndTimestamps() throws Exception {
    ColumnType date = ColumnType.of(TypeName.DATE);
    ColumnType timestamp = ColumnType.of(TypeName.TIMESTAMP);
    ColumnType timestamptz = ColumnType.of(TypeName.TIMESTAMPTZ);
    assertThat(convert(date, "1998-12-01")).isEqualTo((int) LocalDate.of(1998, 12, 1)
        .toEpochDay());
    assertThat(convert(date, "1960-02-29")).isEqualTo((int) LocalDate.of(1960, 2, 29)
        .toEpochDay());
    rejected(date, "1998-02-30").hasMessage(
        "Invalid date format [YYYY-MM-DD], Value '1998-02-30'")
        .extracting(e -> ((LoadRejection) e).errorCode()).isEqualTo(1205);
    assertThat(convert(date, "1998-12-01 23:59:59")).isEqualTo((int) LocalDate.of(1998, 12, 1)
        .toEpochDay());
    rejected(date, "12/01/1998").extracting(e -> ((LoadRejection) e).sqlState())
        .isEqualTo("22007");
    assertThat(convert(date, "00/00/00", Map.of("ACCEPTANYDATE", ""))).isNull();
    assertThat(convert(date, "12/01/1998", Map.of("DATEFORMAT", "MM/DD/YYYY")))
        .isEqualTo((int) LocalDate.of(1998, 12, 1).toEpochDay());
    assertThat(convert(date, "1/5/2020", Map.of("DATEFORMAT", "MM/DD/YYYY")))
        .isEqualTo((int) LocalDate.of(2020, 1, 5).toEpochDay());
    assertThat(convert(date, "05-Jan-2020", Map.of("DATEFORMAT", "DD-MON-YYYY")))
        .isEqualTo((int) LocalDate.of(2020, 1, 5).toEpochDay());
    assertThat(convert(date, "20200105", Map.of("DATEFORMAT", "auto")))
        .isEqualTo((int) LocalDate.of(2020, 1, 5).toEpochDay());
    assertThat(convert(date, "Jan 5, 2020", Map.of("DATEFORMAT", "auto")))
        .isEqualTo((int) LocalDate.of(2020, 1, 5).toEpochDay());

    assertThat(convert(timestamp, "2020-01-05 10:20:30"))
        .isEqualTo(millis(LocalDateTime.of(2020, 1, 5, 10, 20, 30)));
    assertThat(convert(timestamp, "2020-01-05T10:20:30.123456"))
        .isEqualTo(millis(LocalDateTime.of(2020, 1, 5, 10, 20, 30)) + 123);
    assertThat(convert(timestamp, "2020-01-05 10:20:30.5"))
        .isEqualTo(millis(LocalDateTime.of(2020, 1, 5, 10, 20, 30)) + 500);
    assertThat(convert(timestamp, "2020-01-05"))
        .isEqualTo(millis(LocalDateTime.of(2020, 1, 5, 0, 0)));
    assertThat(convert(timestamp, "1969-12-31 23:59:59"))
        .isEqualTo(-1000L);
    assertThat(convert(timestamp, "2020-01-05 10:20:30+02"))
        .isEqualTo(millis(LocalDateTime.of(2020, 1, 5, 10, 20, 30)));
    assertThat(convert(timestamptz, "2020-01-05 10:20:30+02"))
        .isEqualTo(millis(LocalDateTime.of(2020, 1, 5, 8, 20, 30)));
    assertThat(convert(timestamptz, "2020-01-05T10:20:30-05:30"))
        .isEqualTo(millis(LocalDateTime.of(2020, 1, 5, 15, 50, 30)));
    assertThat(convert(timestamptz, "2020-01-05 10:20:30Z"))
        .isEqualTo(millis(LocalDateTime.of(2020, 1, 5, 10, 20, 30)));
    rejected(timestamp, "2020-01-05 25:00:00").hasMessage(
        "Invalid timestamp format or value [YYYY-MM-DD HH:MI:SS], Value '2020-01-05 25:00:00'")
        .extracting(e -> ((LoadRejection) e).errorCode()).isEqualTo(1206);
    assertThat(convert(timestamp, "01/05/2020 03:04:05 PM",
        Map.of("TIMEFORMAT", "MM/DD/YYYY HH12:MI:SS AM")))
        .isEqualTo(millis(LocalDateTime.of(2020, 1, 5, 15, 4, 5)));
    assertThat(convert(timestamp, "1578219845", Map.of("TIMEFORMAT", "epochsecs")))
        .isEqualTo(1578219845000L);
    assertThat(convert(timestamp, "1578219845123", Map.of("TIMEFORMAT", "epochmillisecs")))
        .isEqualTo(1578219845123L);
    assertThat(convert(timestamp, "01/05/2020 10:20:30", Map.of("TIMEFORMAT", "auto")))
        .isEqualTo(millis(LocalDateTime.of(2020, 1, 5, 10, 20, 30)));
    assertThat(convert(timestamp, "2020-01-05 10:20:30.25",
        Map.of("TIMEFORMAT", "YYYY-MM-DD HH:MI:SS.SSS")))
        .isEqualTo(millis(LocalDateTime.of(2020, 1, 5, 10, 20, 30)) + 250);
  }

  @Test
  void badDatetimeFormatsFailTheCopy() {
    ColumnDefinition column = new ColumnDefinition("d", ColumnType.of(TypeName.DATE), true, null);
    assertThatThrownBy(() -> new FieldConverter(column,
        CopyOptions.parse(Map.of("DATEFORMAT", "YYYY-QQ"), "\"public.t\""), "\"public.t\""))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot COPY into \"public.t\": invalid DATEFORMAT 'YYYY-QQ': unknown token "
            + "at 'QQ'");
  }

  private static long millis(LocalDateTime value) {
    return value.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  @Test
  void typedColumnsHoldWhatConvertReturns() throws Exception {
    ColumnType money = ColumnType.decimal(15, 2);
    ColumnType date = ColumnType.of(TypeName.DATE);
    Map<String, String> anyDate = Map.of("ACCEPTANYDATE", "");
    Object[][] cases = {
        {ColumnType.of(TypeName.SMALLINT), "-32768", TEXT},
        {ColumnType.of(TypeName.INTEGER), " 42 ", TEXT},
        {ColumnType.of(TypeName.BIGINT), "-9223372036854775808", TEXT},
        {money, "123.4", TEXT},
        {money, "-2.679", TEXT},
        {money, "1.5E2", TEXT},
        {money, "\\N", TEXT},
        {money, "  ", TEXT},
        {date, "1998-12-01", TEXT},
        {date, "not a date", anyDate},
        {ColumnType.decimal(38, 10), "12345678901234567890.0123456789", TEXT},
        {ColumnType.varchar(10), "apple", TEXT},
        {ColumnType.of(TypeName.DOUBLE), "1.5e3", TEXT},
        {ColumnType.of(TypeName.BOOLEAN), "t", TEXT}};
    for (Object[] c : cases) {
      ColumnType type = (ColumnType) c[0];
      @SuppressWarnings("unchecked")
      Map<String, String> options = (Map<String, String>) c[2];
      assertThat(stored(type, (String) c[1], options))
          .as("%s as %s", c[1], type)
          .isEqualTo(convert(type, (String) c[1], options));
    }
    assertThat(stored(money, "123.4", TEXT)).isEqualTo(new BigDecimal("123.40"));
    assertThat(stored(date, "1998-12-01", TEXT)).isNotNull();
    assertThat(stored(money, "\\N", TEXT)).isNull();
    assertThat(stored(date, "not a date", anyDate)).isNull();
    assertThatThrownBy(() -> stored(money, "12x", TEXT)).isInstanceOf(LoadRejection.class);
  }

  private static Map<String, String> csvWith(String flag) {
    Map<String, String> options = new HashMap<>(CSV);
    options.put(flag, "");
    return options;
  }

  private static Object convert(ColumnType type, String field) throws LoadRejection {
    return convert(type, field, TEXT);
  }

  private static Object convert(ColumnType type, String field, Map<String, String> options)
      throws LoadRejection {
    return convert(new ColumnDefinition("c", type, true, null), field, options);
  }

  private static Object convert(ColumnDefinition column, String field, Map<String, String> options)
      throws LoadRejection {
    CopyOptions parsed = CopyOptions.parse(options, "\"public.t\"");
    RecordReader reader = parsed.format() == CopyOptions.DataFormat.CSV
        ? new CsvRecordReader(new StringReader(field + "\n"), parsed.delimiter(), parsed.quote())
        : new TextRecordReader(new StringReader(field + "\n"), parsed.delimiter(), false, false);
    try {
      reader.next();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    reader.split();
    assertThat(reader.fieldCount).isEqualTo(1);
    return new FieldConverter(column, parsed, "\"public.t\"").convert(reader, 0);
  }

  /** What {@link FieldConverter#convertTo} stores for the field, read back boxed. */
  private static Object stored(ColumnType type, String field, Map<String, String> options)
      throws LoadRejection {
    CopyOptions parsed = CopyOptions.parse(options, "\"public.t\"");
    RecordReader reader = new TextRecordReader(new StringReader(field + "\n"),
        parsed.delimiter(), false, false);
    try {
      reader.next();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    reader.split();
    ParsedColumn column = new ParsedColumn(type, 1);
    new FieldConverter(new ColumnDefinition("c", type, true, null), parsed, "\"public.t\"")
        .convertTo(reader, 0, column, 0);
    column.seal(1);
    return column.get(0);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> rejected(
      ColumnType type, String field) {
    return assertThatThrownBy(() -> convert(type, field)).isInstanceOf(LoadRejection.class);
  }
}
