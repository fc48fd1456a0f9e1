package io.basalt.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestRecordReaders {
  @Test
  void textSplitsOnDelimiterAndKeepsTrailingEmptyField() throws Exception {
    assertThat(records(text("1|abc|2.5|\n2||x|\n"))).containsExactly(
        List.of("1", "abc", "2.5", ""),
        List.of("2", "", "x", ""));
  }

  @Test
  void textHonorsBackslashEscapes() throws Exception {
    assertThat(records(text("a\\|b|c\\\\|C:\\temp|d\\\ne\n"))).containsExactly(
        List.of("a|b", "c\\", "C:\\temp", "d\\"), List.of("e"));
  }

  @Test
  void textEscapeOptionEscapesEveryCharacterAndNewlines() throws Exception {
    RecordReader reader = new TextRecordReader(new StringReader("a\\tb|\\\\N|d\\\ne\n"), '|',
        true, false);
    assertThat(records(reader)).containsExactly(List.of("atb", "\\N", "d\ne"));
  }

  @Test
  void textRemoveQuotesKeepsDelimitersInsideQuotes() throws Exception {
    RecordReader reader = new TextRecordReader(new StringReader("\"a|b\"|c\n"), '|', false,
        true);
    assertThat(records(reader)).containsExactly(List.of("a|b", "c"));
  }

  @Test
  void lineNumbersCountEscapedAndQuotedNewlines() throws Exception {
    RecordReader reader = new TextRecordReader(new StringReader("a\\\nb|1\nc|2\n"), '|', true,
        false);
    assertThat(reader.next()).isTrue();
    assertThat(reader.lineNumber()).isEqualTo(1);
    assertThat(reader.next()).isTrue();
    assertThat(reader.lineNumber()).isEqualTo(3);
    assertThat(reader.next()).isFalse();

    RecordReader csv = csv("\"x\ny\",1\r\nz,2");
    assertThat(csv.next()).isTrue();
    csv.split();
    assertThat(csv.rawLine(100)).isEqualTo("\"x\ny\",1");
    assertThat(csv.next()).isTrue();
    assertThat(csv.lineNumber()).isEqualTo(3);
    assertThat(csv.rawLine(100)).isEqualTo("z,2");
    assertThat(csv.next()).isFalse();
  }

  @Test
  void crlfAndByteOrderMarkAreNotData() throws Exception {
    assertThat(records(text("\uFEFFa|b\r\nc|d\r\n"))).containsExactly(
        List.of("a", "b"), List.of("c", "d"));
  }

  @Test
  void lastLineWithoutNewlineIsARecord() throws Exception {
    assertThat(records(text("a|b\nc|d"))).containsExactly(List.of("a", "b"), List.of("c", "d"));
  }

  @Test
  void csvQuotesHoldDelimitersNewlinesAndDoubledQuotes() throws Exception {
    RecordReader reader = csv("1,\"a,b\",\"say \"\"hi\"\"\",\"line1\nline2\",,\"\"\n");
    assertThat(reader.next()).isTrue();
    reader.split();
    assertThat(fields(reader)).containsExactly("1", "a,b", "say \"hi\"", "line1\nline2", "", "");
    assertThat(reader.quoted[4]).isFalse();
    assertThat(reader.quoted[5]).isTrue();
    assertThat(reader.rawField(2, 100)).isEqualTo("\"say \"\"hi\"\"\"");
  }

  @Test
  void csvCustomQuoteAndDelimiter() throws Exception {
    RecordReader reader = new CsvRecordReader(new StringReader("%a;b%;c\n"), ';', '%');
    assertThat(records(reader)).containsExactly(List.of("a;b", "c"));
  }

  @Test
  void csvUnterminatedQuoteRejectsTheRecord() throws Exception {
    RecordReader reader = csv("1,\"abc\n");
    assertThat(reader.next()).isTrue();
    assertThatThrownBy(reader::split)
        .isInstanceOf(LoadRejection.class)
        .hasMessage("Unterminated quoted field");
  }

  @Test
  void recordsLongerThanTheReadBufferSurvive() throws Exception {
    String big = "x".repeat(200_000);
    assertThat(records(text("1|" + big + "|2\n3|y|4\n"))).containsExactly(
        List.of("1", big, "2"), List.of("3", "y", "4"));
    assertThat(records(csv("\"" + big + "\",2\n"))).containsExactly(List.of(big, "2"));
  }

  private static RecordReader text(String input) {
    return new TextRecordReader(new StringReader(input), '|', false, false);
  }

  private static RecordReader csv(String input) {
    return new CsvRecordReader(new StringReader(input), ',', '"');
  }

  private static List<List<String>> records(RecordReader reader) throws IOException,
      LoadRejection {
    List<List<String>> records = new ArrayList<>();
    while (reader.next()) {
      reader.split();
      records.add(fields(reader));
    }
    return records;
  }

  private static List<String> fields(RecordReader reader) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < reader.fieldCount; i++) {
      fields.add(new String(reader.valueChars(), reader.valueStarts[i],
          reader.valueEnds[i] - reader.valueStarts[i]));
    }
    return fields;
  }
}
