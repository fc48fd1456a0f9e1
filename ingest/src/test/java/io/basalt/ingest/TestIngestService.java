package io.basalt.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.DistStyle;
import io.basalt.storage.RowBatch;
import io.basalt.storage.ScanRequest;
import io.basalt.storage.SortKeyKind;
import io.basalt.storage.StorageConfig;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableSnapshot;
import io.basalt.storage.TypeName;
import io.basalt.storage.objectstore.FolderObjectStore;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestIngestService {
  private static final List<ColumnDefinition> ITEM_COLUMNS = List.of(
      column("id", ColumnType.of(TypeName.INTEGER), false),
      column("name", ColumnType.varchar(10), true),
      column("price", ColumnType.decimal(10, 2), true),
      column("shipped", ColumnType.of(TypeName.DATE), true));

  @TempDir
  Path dataDirectory;

  private StorageEngine engine;
  private IngestService ingest;

  @BeforeEach
  void setUp() {
    engine = StorageEngine.open(dataDirectory.resolve("store"),
        StorageConfig.defaults().withSlices(3));
    ingest = new IngestService(engine, new FolderObjectStore(dataDirectory.resolve("s3")), 3);
    createTable("items", ITEM_COLUMNS);
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  @Test
  void loadsTextWithTrailingDelimiterFromS3() throws IOException {
    write("s3/bucket/items.tbl", """
        1|apple|1.50|1998-12-01|
        2|pear\\|x|2.009|1998-12-02|
        3|\\N|\\N|\\N|
        """);
    CopyResult result = copy("s3://bucket/items.tbl", Map.of());
    assertThat(result).isEqualTo(new CopyResult(3, 0, List.of("s3://bucket/items.tbl")));
    assertThat(rows("public", "items")).containsExactly(
        List.of(1, "apple", new BigDecimal("1.50"), day(1998, 12, 1)),
        List.of(2, "pear|x", new BigDecimal("2.00"), day(1998, 12, 2)),
        Arrays.asList(3, null, null, null));
  }

  @Test
  void loadsEveryType() throws IOException {
    createTable("types", List.of(
        column("s", ColumnType.of(TypeName.SMALLINT), true),
        column("i", ColumnType.of(TypeName.INTEGER), true),
        column("b", ColumnType.of(TypeName.BIGINT), true),
        column("d", ColumnType.decimal(18, 4), true),
        column("r", ColumnType.of(TypeName.REAL), true),
        column("f", ColumnType.of(TypeName.DOUBLE), true),
        column("flag", ColumnType.of(TypeName.BOOLEAN), true),
        column("c", ColumnType.character(3), true),
        column("v", ColumnType.varchar(20), true),
        column("dt", ColumnType.of(TypeName.DATE), true),
        column("ts", ColumnType.of(TypeName.TIMESTAMP), true),
        column("tz", ColumnType.of(TypeName.TIMESTAMPTZ), true)));
    write("types.txt", "7|-8|9000000000|12.34569|1.5|-2.25|true|abc|héllo|2024-02-29|"
        + "2024-02-29 13:14:15.678|2024-02-29T13:14:15+01:00\n");
    copyInto("types", dataDirectory.resolve("types.txt").toString(), Map.of());
    assertThat(rows("public", "types")).containsExactly(List.of((short) 7, -8, 9_000_000_000L,
        new BigDecimal("12.3456"), 1.5f, -2.25, true, "abc", "héllo", day(2024, 2, 29),
        millis(2024, 2, 29, 13, 14, 15) + 678, millis(2024, 2, 29, 12, 14, 15)));
  }

  @Test
  void loadsCsvWithQuotesNewlinesAndHeader() throws IOException {
    write("items.csv", "id,name,price,shipped\n"
        + "1,\"a,b\",1.00,1998-12-01\n"
        + "2,\"two\nlines\",,\n"
        + "3,\"say \"\"hi\"\"\",3,1998-12-03\n"
        + "4,,4,1998-12-04\n"
        + "5,\"\",5,1998-12-05\n");
    CopyResult result = copy(dataDirectory.resolve("items.csv").toUri().toString(),
        Map.of("FORMAT", "CSV", "IGNOREHEADER", "1"));
    assertThat(result.rowsLoaded()).isEqualTo(5);
    assertThat(rows("public", "items")).containsExactly(
        List.of(1, "a,b", new BigDecimal("1.00"), day(1998, 12, 1)),
        Arrays.asList(2, "two\nlines", null, null),
        List.of(3, "say \"hi\"", new BigDecimal("3.00"), day(1998, 12, 3)),
        List.of(4, "", new BigDecimal("4.00"), day(1998, 12, 4)),
        List.of(5, "", new BigDecimal("5.00"), day(1998, 12, 5)));
  }

  @Test
  void csvEmptyAsNullAndCustomDelimiter() throws IOException {
    write("items.csv", "1;;1;\n2;\"\";2;\n");
    copy(dataDirectory.resolve("items.csv").toString(),
        Map.of("CSV", "", "DELIMITER", ";", "EMPTYASNULL", ""));
    assertThat(rows("public", "items")).containsExactly(
        Arrays.asList(1, null, new BigDecimal("1.00"), null),
        Arrays.asList(2, "", new BigDecimal("2.00"), null));
  }

  @Test
  void nullAsReplacesTheMarker() throws IOException {
    write("items.tbl", "1|NULL|NULL|1998-12-01\n2|\\N|2|NULL\n");
    copy(dataDirectory.resolve("items.tbl").toString(), Map.of("NULL", "NULL"));
    assertThat(rows("public", "items")).containsExactly(
        Arrays.asList(1, null, null, day(1998, 12, 1)),
        Arrays.asList(2, "\\N", new BigDecimal("2.00"), null));
  }

  @Test
  void loadsCompressedFiles() throws IOException {
    Path gzip = dataDirectory.resolve("s3/bucket/gz/items.tbl.gz");
    Files.createDirectories(gzip.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
      out.write("1|gz|1|1998-12-01\n".getBytes(StandardCharsets.UTF_8));
    }
    Path zstd = dataDirectory.resolve("s3/bucket/zst/items.tbl.zst");
    Files.createDirectories(zstd.getParent());
    try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(zstd))) {
      out.write("2|zstd|2|1998-12-02\n".getBytes(StandardCharsets.UTF_8));
    }
    // The extension selects the codec; the GZIP flag forces it for a file without one.
    Path flagged = dataDirectory.resolve("s3/bucket/flag/items");
    Files.createDirectories(flagged.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(flagged))) {
      out.write("3|flag|3|1998-12-03\n".getBytes(StandardCharsets.UTF_8));
    }
    copy("s3://bucket/gz/", Map.of());
    copy("s3://bucket/zst/items", Map.of("ZSTD", ""));
    copy("s3://bucket/flag/items", Map.of("GZIP", ""));
    assertThat(rows("public", "items")).extracting(row -> row.get(1))
        .containsExactly("gz", "zstd", "flag");
  }

  @Test
  void loadsFoldersAndPrefixesInNameOrder() throws IOException {
    write("s3/bucket/load/part-0002.tbl", "2|b|2|1998-12-02\n");
    write("s3/bucket/load/part-0001.tbl", "1|a|1|1998-12-01\n");
    write("s3/bucket/load/sub/part-0003.tbl", "3|c|3|1998-12-03\n");
    write("s3/bucket/load/_SUCCESS", "");
    List<String> progress = new ArrayList<>();
    CopyResult result = ingest.copy(command("items", List.of(), "s3://bucket/load/part",
        Map.of()), 1, () -> false, (file, rows) -> progress.add(file + ":" + rows));
    assertThat(result.files()).containsExactly(
        "s3://bucket/load/part-0001.tbl", "s3://bucket/load/part-0002.tbl");
    assertThat(progress).startsWith("s3://bucket/load/part-0001.tbl:0")
        .endsWith("s3://bucket/load/part-0002.tbl:2");
    assertThat(copy("s3://bucket/load/", Map.of()).rowsLoaded()).isEqualTo(3);
    assertThat(rows("public", "items")).hasSize(5);
  }

  @Test
  void columnListMapsFieldsAndNullsTheRest() throws IOException {
    write("items.tbl", "apple|1\n");
    ingest.copy(command("items", List.of("name", "id"),
        dataDirectory.resolve("items.tbl").toString(), Map.of()), 1, () -> false);
    assertThat(rows("public", "items")).containsExactly(Arrays.asList(1, "apple", null, null));
    assertThatThrownBy(() -> ingest.copy(command("items", List.of("name"),
        dataDirectory.resolve("items.tbl").toString(), Map.of()), 1, () -> false))
        .hasMessage("Cannot COPY into \"public.items\": column \"id\" is NOT NULL and not in the "
            + "column list");
    assertThatThrownBy(() -> ingest.copy(command("items", List.of("id", "nope"),
        dataDirectory.resolve("items.tbl").toString(), Map.of()), 1, () -> false))
        .hasMessage("Cannot COPY into \"public.items\": column \"nope\" does not exist")
        .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("42703");
  }

  @Test
  void oneBadRowFailsTheCopyAndLoadsNothing() throws IOException {
    write("s3/bucket/a.tbl", "1|a|1|1998-12-01\n");
    write("s3/bucket/b.tbl", "2|b|2|1998-12-02\n3|c|abc|1998-12-03\n4|d|4|1998-12-04\n");
    assertThatThrownBy(() -> copy("s3://bucket/", Map.of()))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot load into \"public.items\": line 2 of s3://bucket/b.tbl, column "
            + "\"price\": Invalid digit, Value 'abc', Pos 0, Type: Decimal \u2014 see "
            + "STL_LOAD_ERRORS for details")
        .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("22P02");
    assertThat(rows("public", "items")).isEmpty();
    long tableId = engine.table("public", "items").orElseThrow().id();
    List<List<Object>> errors = rows(LoadErrors.SCHEMA, LoadErrors.TABLE);
    assertThat(errors).singleElement().satisfies(error -> {
      assertThat(error.get(2)).isEqualTo((int) tableId);
      assertThat(error.get(5)).isEqualTo(42L);
      assertThat(error.subList(6, 16)).containsExactly("s3://bucket/b.tbl", 2L, "price",
          "numeric", "10,2", 0, "3|c|abc|1998-12-03", "abc", 1207,
          "Invalid digit, Value 'abc', Pos 0, Type: Decimal");
    });
  }

  @Test
  void rowsSpanningManyBatchesKeepEveryValueAndNull() throws IOException {
    // Enough rows to fill, hand off and refill the parser's batches several times; a rejected
    // row halfway through must leave none of its values in the row that takes its place.
    int count = 30_000;
    int bad = 12_345;
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      String name = i % 3 == 0 ? "\\N" : "n" + (i % 7);
      String price = i % 5 == 0 ? "\\N" : i % 1000 + ".25";
      String shipped = i == bad ? "1998-13-01" : i % 4 == 0 ? "\\N" : "1998-12-0" + (i % 9 + 1);
      text.append(i).append('|').append(name).append('|').append(price).append('|')
          .append(shipped).append('\n');
    }
    write("many.tbl", text.toString());
    CopyResult result = copy(dataDirectory.resolve("many.tbl").toString(),
        Map.of("MAXERROR", "1"));
    assertThat(result.rowsLoaded()).isEqualTo(count - 1);
    List<List<Object>> expected = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      if (i != bad) {
        expected.add(Arrays.asList(i,
            i % 3 == 0 ? null : "n" + (i % 7),
            i % 5 == 0 ? null : new BigDecimal(i % 1000 + ".25"),
            i % 4 == 0 ? null : day(1998, 12, i % 9 + 1)));
      }
    }
    assertThat(rows("public", "items")).isEqualTo(expected);
  }

  @Test
  void maxErrorLetsBadRowsThrough() throws IOException {
    write("items.tbl", """
        1|a|1|1998-12-01
        2|far too long a name|2|1998-12-02
        3|c|3|1998-13-03
        4|d|4|1998-12-04
        """);
    CopyResult result = copy(dataDirectory.resolve("items.tbl").toString(),
        Map.of("MAXERROR", "2"));
    assertThat(result.rowsLoaded()).isEqualTo(2);
    assertThat(result.errorsSkipped()).isEqualTo(2);
    assertThat(rows("public", "items")).extracting(row -> row.get(0)).containsExactly(1, 4);
    assertThat(rows(LoadErrors.SCHEMA, LoadErrors.TABLE))
        .extracting(error -> error.get(7) + " " + error.get(8) + " " + error.get(14))
        .containsExactly("2 name 1204", "3 shipped 1205");
  }

  @Test
  void maxErrorExceededLoadsNothing() throws IOException {
    write("items.tbl", "x|a|1|1998-12-01\n2|b|2\n3|c|3|1998-12-03|extra\n4|d|4|1998-12-04\n");
    assertThatThrownBy(() -> copy(dataDirectory.resolve("items.tbl").toString(),
        Map.of("MAXERROR", "2")))
        .hasMessageContaining(": line 3 of ")
        .hasMessageEndingWith(": Extra column(s) found (3 rows rejected, more than MAXERROR 2) "
            + "\u2014 see STL_LOAD_ERRORS for details");
    assertThat(rows("public", "items")).isEmpty();
    assertThat(rows(LoadErrors.SCHEMA, LoadErrors.TABLE))
        .extracting(error -> error.get(7) + " " + error.get(8) + " " + error.get(14))
        .containsExactly("1 id 1207", "2 shipped 1214", "3  1202");
  }

  @Test
  void fillRecordFillsMissingTrailingFields() throws IOException {
    write("items.tbl", "1|a\n2\n");
    copy(dataDirectory.resolve("items.tbl").toString(), Map.of("FILLRECORD", ""));
    assertThat(rows("public", "items")).containsExactly(
        Arrays.asList(1, "a", null, null),
        Arrays.asList(2, "", null, null));
  }

  @Test
  void blankLinesAreErrorsUnlessIgnoreBlankLines() throws IOException {
    write("items.tbl", "1|a|1|1998-12-01\n\n2|b|2|1998-12-02\n\n");
    assertThatThrownBy(() -> copy(dataDirectory.resolve("items.tbl").toString(), Map.of()))
        .hasMessage("Cannot load into \"public.items\": line 2 of "
            + dataDirectory.resolve("items.tbl") + ": Line contains no data (IGNOREBLANKLINES "
            + "skips blank lines) \u2014 see STL_LOAD_ERRORS for details");
    CopyResult result = copy(dataDirectory.resolve("items.tbl").toString(),
        Map.of("IGNOREBLANKLINES", ""));
    assertThat(result.rowsLoaded()).isEqualTo(2);
  }

  @Test
  void loadsJsonObjectsByKey() throws IOException {
    write("items.json", """
        {"id": 1, "name": "apple", "price": 1.50, "shipped": "1998-12-01"}
        {"shipped": null, "id": 2,
         "name": "pear", "extra": [1, 2]}
        {"id": 3, "name": {"n": 1}, "price": 1e1}
        {"id": 4, "name": "", "price": "2.5"}
        """);
    CopyResult result = copy(dataDirectory.resolve("items.json").toString(),
        Map.of("FORMAT", "JSON", "JSON", "auto"));
    assertThat(result.rowsLoaded()).isEqualTo(4);
    assertThat(rows("public", "items")).containsExactly(
        List.of(1, "apple", new BigDecimal("1.50"), day(1998, 12, 1)),
        Arrays.asList(2, "pear", null, null),
        Arrays.asList(3, "{\"n\":1}", new BigDecimal("10.00"), null),
        Arrays.asList(4, "", new BigDecimal("2.50"), null));
  }

  @Test
  void jsonKeysMatchExactlyUnlessIgnoreCase() throws IOException {
    write("items.json", "{\"ID\": 1, \"Name\": \"a\"}\n");
    assertThatThrownBy(() -> copy(dataDirectory.resolve("items.json").toString(),
        Map.of("FORMAT", "JSON")))
        .hasMessageContaining("line 1 of ")
        .hasMessageContaining("column \"id\": Missing data for not-null field");
    assertThat(rows(LoadErrors.SCHEMA, LoadErrors.TABLE)).singleElement()
        .satisfies(error -> assertThat(error.get(12)).isEqualTo("{\"ID\":1,\"Name\":\"a\"}"));
    copy(dataDirectory.resolve("items.json").toString(),
        Map.of("FORMAT", "JSON", "JSON", "auto ignorecase"));
    assertThat(rows("public", "items")).containsExactly(Arrays.asList(1, "a", null, null));
  }

  @Test
  void jsonErrorsNameTheLine() throws IOException {
    write("bad.json", "{\"id\": 1}\n{\"id\": \"x\"}\n[1]\n");
    CopyResult result = copy(dataDirectory.resolve("bad.json").toString(),
        Map.of("FORMAT", "JSON", "MAXERROR", "5"));
    assertThat(result.rowsLoaded()).isEqualTo(1);
    assertThat(rows(LoadErrors.SCHEMA, LoadErrors.TABLE))
        .extracting(error -> error.get(7) + " " + error.get(8) + " " + error.get(15))
        .containsExactly("2 id Invalid digit, Value 'x', Pos 0, Type: Integer",
            "3  Invalid JSON object: each record must be a JSON object");
    write("broken.json", "{\"id\": 1}\n{\"id\": \n");
    assertThatThrownBy(() -> copy(dataDirectory.resolve("broken.json").toString(),
        Map.of("FORMAT", "JSON")))
        .hasMessageStartingWith("Cannot load into \"public.items\": line 3 of "
            + dataDirectory.resolve("broken.json") + ": invalid JSON: ")
        .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("22P04");
    assertThatThrownBy(() -> copy(dataDirectory.resolve("broken.json").toString(),
        Map.of("FORMAT", "JSON", "JSON", "s3://bucket/paths.json")))
        .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("0A000");
  }

  @Test
  void notNullColumnsRejectNulls() throws IOException {
    write("items.tbl", "\\N|a|1|1998-12-01\n");
    assertThatThrownBy(() -> copy(dataDirectory.resolve("items.tbl").toString(), Map.of()))
        .hasMessageContaining("column \"id\": Missing data for not-null field")
        .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("23502");
  }

  @Test
  void cancelStopsTheLoadWithoutCommitting() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append(i).append("|n|1|1998-12-01\n");
    }
    write("big.tbl", text.toString());
    AtomicInteger polls = new AtomicInteger();
    assertThatThrownBy(() -> ingest.copy(command("items", List.of(),
        dataDirectory.resolve("big.tbl").toString(), Map.of()), 1,
        () -> polls.incrementAndGet() > 2))
        .hasMessage("Cannot COPY into \"public.items\": canceling statement due to user request")
        .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("57014");
    assertThat(rows("public", "items")).isEmpty();
  }

  @Test
  void writerFailureStopsTheParserAndCommitsNothing() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      text.append(i).append("|n|1|1998-12-01\n");
    }
    write("big.tbl", text.toString());
    // More slices than the store has: the writer rejects the fourth row on the appending side.
    IngestService mismatched = new IngestService(engine,
        new FolderObjectStore(dataDirectory.resolve("s3")), 5);
    assertThatThrownBy(() -> mismatched.copy(command("items", List.of(),
        dataDirectory.resolve("big.tbl").toString(), Map.of()), 1, () -> false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(rows("public", "items")).isEmpty();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.getName().startsWith("copy-parser-") && thread.isAlive());
  }

  @Test
  void reportsUnknownTablesFormatsAndMissingFiles() throws IOException {
    assertThatThrownBy(() -> ingest.copy(command("nope", List.of(), "s3://bucket/x", Map.of()),
        1, () -> false))
        .hasMessage("Cannot COPY into \"public.nope\": table does not exist")
        .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("42P01");
    assertThatThrownBy(() -> copy("s3://bucket/x", Map.of("FORMAT", "ORC")))
        .hasMessage("Cannot COPY into \"public.items\": FORMAT AS ORC is not supported yet")
        .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("0A000");
    assertThatThrownBy(() -> copy("s3://bucket/x", Map.of("BZIP2", "")))
        .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("0A000");
    assertThatThrownBy(() -> copy("s3://bucket/x", Map.of()))
        .hasMessage("Cannot COPY into \"public.items\": no files found at 's3://bucket/x'")
        .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("58P01");
    write("s3/bucket/bad.gz", "not gzip");
    assertThatThrownBy(() -> copy("s3://bucket/bad.gz", Map.of()))
        .hasMessageStartingWith("Cannot COPY into \"public.items\": cannot read "
            + "'s3://bucket/bad.gz'");
  }

  @Test
  void loadsThroughAManifest() throws IOException {
    write("s3/bucket/m/one.tbl", "1|a|1|1998-12-01\n");
    write("s3/bucket/m/two.tbl", "2|b|2|1998-12-02\n");
    write("s3/bucket/load.manifest", """
        {"entries": [{"url": "s3://bucket/m/two.tbl", "mandatory": true},
                     {"url": "s3://bucket/m/one.tbl", "mandatory": true}]}""");
    CopyResult result = copy("s3://bucket/load.manifest", Map.of("MANIFEST", ""));
    assertThat(result.files()).containsExactly("s3://bucket/m/two.tbl", "s3://bucket/m/one.tbl");
    assertThat(rows("public", "items")).hasSize(2);
  }

  @Test
  void invalidUtf8IsRejectedUnlessAcceptInvChars() throws IOException {
    Path file = dataDirectory.resolve("bad-utf8.tbl");
    byte[] bytes = "1|a\u00ff|1|1998-12-01\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(file, bytes);
    assertThatThrownBy(() -> copy(file.toString(), Map.of()))
        .hasMessageContaining("column \"name\": String contains invalid UTF-8")
        .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("22021");
    copy(file.toString(), Map.of("ACCEPTINVCHARS", "?"));
    assertThat(rows("public", "items")).extracting(row -> row.get(1)).containsExactly("a?");
  }

  @Test
  void datetimeFormatsEscapesAndQuotes() throws IOException {
    write("items.tbl", "1\t\"x\ty\"\t7\t03/15/2024\r\n2\tback\\\\slash\t8\t12/31/1999\r\n");
    copy(dataDirectory.resolve("items.tbl").toString(), Map.of("DELIMITER", "\\t",
        "REMOVEQUOTES", "", "ESCAPE", "", "DATEFORMAT", "MM/DD/YYYY"));
    assertThat(rows("public", "items")).containsExactly(
        List.of(1, "x\ty", new BigDecimal("7.00"), day(2024, 3, 15)),
        List.of(2, "back\\slash", new BigDecimal("8.00"), day(1999, 12, 31)));
  }

  @Test
  void keyDistributedRowsGoToTheirKeysSlice() throws IOException {
    engine.createTable(new TableDefinition(0, "public", "keyed", ITEM_COLUMNS, DistStyle.KEY,
        "name", SortKeyKind.COMPOUND, List.of("id"), false), false);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      text.append(i).append("|k").append(i % 7).append("|1|1998-12-01\n");
    }
    write("keyed.tbl", text.toString());
    copyInto("keyed", dataDirectory.resolve("keyed.tbl").toString(), Map.of());
    TableSnapshot snapshot = engine.snapshot("public", "keyed");
    io.basalt.distribution.SliceMap slices =
        io.basalt.distribution.SliceMap.of(snapshot.definition(), 3);
    int total = 0;
    for (int slice = 0; slice < 3; slice++) {
      Iterator<RowBatch> batches = snapshot.scan(new ScanRequest(new int[] {1}, List.of(), slice,
          () -> false));
      while (batches.hasNext()) {
        RowBatch batch = batches.next();
        for (int row = 0; row < batch.rowCount(); row++) {
          assertThat(slices.sliceOfKey(batch.column(0).get(row))).isEqualTo(slice);
          total++;
        }
      }
    }
    assertThat(total).isEqualTo(300);
  }

  private CopyResult copy(String source, Map<String, String> options) {
    return ingest.copy(command("items", List.of(), source, options), 42, () -> false);
  }

  private void copyInto(String table, String source, Map<String, String> options) {
    ingest.copy(command(table, List.of(), source, options), 42, () -> false);
  }

  private static CopyCommand command(
      String table, List<String> columns, String source, Map<String, String> options) {
    return new CopyCommand("public", table, columns, source, new HashMap<>(options));
  }

  private void createTable(String name, List<ColumnDefinition> columns) {
    engine.createTable(new TableDefinition(0, "public", name, columns, DistStyle.EVEN, null,
        SortKeyKind.NONE, List.of(), false), false);
  }

  private void write(String relative, String content) throws IOException {
    Path path = dataDirectory.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
  }

  /** All rows of a table, sorted by their first and then eighth column. */
  private List<List<Object>> rows(String schema, String table) {
    if (engine.table(schema, table).isEmpty()) {
      return List.of();
    }
    TableSnapshot snapshot = engine.snapshot(schema, table);
    List<List<Object>> rows = new ArrayList<>();
    Iterator<RowBatch> batches = snapshot.scan(ScanRequest.allColumns(snapshot.definition()));
    while (batches.hasNext()) {
      RowBatch batch = batches.next();
      for (int row = 0; row < batch.rowCount(); row++) {
        List<Object> values = new ArrayList<>();
        for (int column = 0; column < snapshot.definition().columns().size(); column++) {
          values.add(batch.column(column).get(row));
        }
        rows.add(values);
      }
    }
    int sortColumn = schema.equals(LoadErrors.SCHEMA) ? 7 : 0;
    rows.sort(Comparator.comparing(row -> ((Number) row.get(sortColumn)).longValue()));
    return rows;
  }

  private static ColumnDefinition column(String name, ColumnType type, boolean nullable) {
    return new ColumnDefinition(name, type, nullable, null);
  }

  private static int day(int year, int month, int day) {
    return (int) LocalDate.of(year, month, day).toEpochDay();
  }

  private static long millis(int year, int month, int day, int hour, int minute, int second) {
    return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC)
        .toEpochMilli();
  }
}
