package io.basalt.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TestDatetimeParser {
  @Test
  void epochDayAgreesWithLocalDateForEveryDayOfYears0To9999() {
    for (LocalDate date = LocalDate.of(0, 1, 1); date.getYear() <= 9999;
        date = date.plusDays(1)) {
      assertThat(DatetimeParser.epochDay(date.getYear(), date.getMonthValue(),
          date.getDayOfMonth())).as("%s", date).isEqualTo(date.toEpochDay());
    }
  }

  @Test
  void isoDatesOutsideTheirMonthAreRejected() throws LoadRejection {
    DatetimeParser parser = DatetimeParser.forDates(null, "\"public.t\"");
    assertThat(parse(parser, "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
    assertThat(parse(parser, "2000-02-29")).isEqualTo(LocalDate.of(2000, 2, 29).toEpochDay());
    assertThat(parse(parser, "1998-12-01")).isEqualTo(LocalDate.of(1998, 12, 1).toEpochDay());
    for (String invalid : new String[] {"2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01",
        "2024-00-10", "2024-01-00"}) {
      assertThatThrownBy(() -> parse(parser, invalid)).as(invalid)
          .isInstanceOf(LoadRejection.class);
    }
  }

  private static int parse(DatetimeParser parser, String text) throws LoadRejection {
    char[] chars = text.toCharArray();
    return parser.parseDate(chars, 0, chars.length);
  }
}
