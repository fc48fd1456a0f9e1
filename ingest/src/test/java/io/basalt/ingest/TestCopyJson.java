package io.basalt.ingest;

import static io.basalt.ingest.CopyFixture.column;
import static io.basalt.ingest.CopyFixture.notNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COPY ... FORMAT AS JSON 'auto' through ingest's own JSON reader, which keeps MAXERROR and
 * STL_LOAD_ERRORS per record (storage.format's JSON reader stops at the first bad value).
 */
class TestCopyJson {
  private static final Map<String, String> JSON_AUTO = Map.of("FORMAT", "JSON", "JSON", "auto");
  private static final List<ColumnDefinition> EVENTS = List.of(
      notNull("id", ColumnType.of(TypeName.INTEGER)),
      column("kind", ColumnType.varchar(10)),
      column("amount", ColumnType.decimal(8, 2)),
      column("day", ColumnType.of(TypeName.DATE)));
  private static final String LINES = """
      {"id": 1, "kind": "buy", "amount": 10.5, "day": "2024-01-01"}
      {"id": 2, "kind": "sell", "amount": "2", "day": null}
      {"id": 3, "kind": "buy"}
      """;

  @TempDir
  Path directory;
  private CopyFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CopyFixture(directory);
    fixture.createTable("events", EVENTS);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void aValueOfTheWrongTypeFailsWithTheFileAndLine() throws IOException {
    String file = fixture.write("bad.json", """
        {"id": 1, "kind": "buy", "amount": 1}
        {"id": 2, "kind": "buy",
         "amount": 2}
        {"id": 3, "kind": "buy", "amount": "lots"}
        {"id": 4, "kind": "buy", "amount": 4}
        """);
    assertFails(() -> fixture.copy("events", file, JSON_AUTO), "22P02",
        "Cannot load into \"public.events\": line 4 of s3://bucket/bad.json, column \"amount\":"
            + " Invalid digit, Value 'lots', Pos 0, Type: Decimal \u2014 see STL_LOAD_ERRORS for"
            + " details");
    assertThat(fixture.rows("events")).isEmpty();
    assertThat(fixture.loadErrors()).singleElement().satisfies(error -> {
      assertThat(error.subList(6, 9)).containsExactly("s3://bucket/bad.json", 4L, "amount");
      assertThat(error.get(13)).isEqualTo("lots");
    });
    // Within MAXERROR the other records load.
    CopyResult result = fixture.copy("events", file, Map.of("FORMAT", "JSON", "JSON", "auto",
        "MAXERROR", "1"));
    assertThat(result.rowsLoaded()).isEqualTo(3);
    assertThat(result.errorsSkipped()).isEqualTo(1);
  }

  @Test
  void loadsGzipCompressedJson() throws IOException {
    String byName = fixture.write("events.json.gz", CopyFixture.gzip(LINES));
    assertThat(fixture.copy("events", byName, JSON_AUTO).rowsLoaded()).isEqualTo(3);
    String byOption = fixture.write("events-json", CopyFixture.gzip(LINES));
    assertThat(fixture.copy("events", byOption, Map.of("FORMAT", "JSON", "JSON", "auto",
        "GZIP", "")).rowsLoaded()).isEqualTo(3);
    int day = (int) LocalDate.of(2024, 1, 1).toEpochDay();
    assertThat(fixture.rows("events")).containsExactly(
        List.of(1, "buy", new BigDecimal("10.50"), day),
        List.of(1, "buy", new BigDecimal("10.50"), day),
        Arrays.asList(2, "sell", new BigDecimal("2.00"), null),
        Arrays.asList(2, "sell", new BigDecimal("2.00"), null),
        Arrays.asList(3, "buy", null, null),
        Arrays.asList(3, "buy", null, null));
  }

  @Test
  void keysMatchColumnsExactlyUnlessIgnoreCase() throws IOException {
    String file = fixture.write("upper.json", "{\"ID\": 7, \"Kind\": \"x\"}\n");
    assertFails(() -> fixture.copy("events", file, JSON_AUTO), "23502",
        "Cannot load into \"public.events\": line 1 of s3://bucket/upper.json, column \"id\":"
            + " Missing data for not-null field \u2014 see STL_LOAD_ERRORS for details");
    fixture.copy("events", file, Map.of("FORMAT", "JSON", "JSON", "auto ignorecase"));
    assertThat(fixture.rows("events")).containsExactly(Arrays.asList(7, "x", null, null));
  }

  @Test
  void textLayoutOptionsAndJsonPathsAreRefused() throws IOException {
    String file = fixture.write("events.json", LINES);
    for (String option : new String[] {"DELIMITER", "ESCAPE", "REMOVEQUOTES", "FILLRECORD",
        "IGNOREBLANKLINES"}) {
      assertFails(() -> fixture.copy("events", file, Map.of("FORMAT", "JSON", "JSON", "auto",
          option, option.equals("DELIMITER") ? "," : "")), "22023",
          "Cannot COPY into \"public.events\": " + option + " cannot be used with JSON");
    }
    assertFails(() -> fixture.copy("events", file, Map.of("FORMAT", "JSON", "JSON",
        "s3://bucket/paths.json")), "0A000", "Cannot COPY into \"public.events\": JSON"
            + " 's3://bucket/paths.json' is not supported yet; use 'auto' or 'auto ignorecase'");
    assertThat(fixture.rows("events")).isEmpty();
  }

  private static void assertFails(ThrowingCallable copy, String sqlState, String message) {
    assertThatThrownBy(copy)
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo(sqlState))
        .hasMessage(message);
  }
}
