package io.basalt.ingest.tpch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the generated files: row counts, exact dbgen text, progress and reuse. */
class TestTpchDataGenerator {
  private static final Map<String, Long> SF_001_ROWS =
      Map.of(
          "lineitem", 60175L,
          "orders", 15000L,
          "customer", 1500L,
          "part", 2000L,
          "partsupp", 8000L,
          "supplier", 100L,
          "nation", 25L,
          "region", 5L);

  @TempDir Path directory;

  @Test
  void generatesTheRowCountsOfScaleFactor001() throws IOException {
    TpchData data = new TpchDataGenerator(0.01).generate(directory, TpchProgressListener.NONE);

    assertThat(data.rowCounts()).containsExactlyInAnyOrderEntriesOf(SF_001_ROWS);
    assertThat(data.rowCounts().keySet()).containsExactlyElementsOf(TpchSchema.TABLES);
    for (String table : TpchSchema.TABLES) {
      try (Stream<String> lines = Files.lines(TpchDataGenerator.tableFile(directory, table))) {
        assertThat(lines.count()).as(table).isEqualTo(SF_001_ROWS.get(table));
      }
    }
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .as("no temporary files remain")
          .noneMatch(name -> name.startsWith("."));
    }
  }

  @Test
  void writesWhatTheLibraryGeneratesInOnePiece() throws IOException {
    // Several threads and many chunks must concatenate to exactly the unsplit generator's text.
    List<Long> lineitemProgress = new ArrayList<>();
    TpchData data =
        new TpchDataGenerator(0.01, 3, 1_000)
            .generate(
                directory,
                (table, rows) -> {
                  if (table.equals("lineitem")) {
                    lineitemProgress.add(rows);
                  }
                });

    assertThat(lineitemProgress).hasSize(60).isSorted().endsWith(60175L);

    for (String table : List.of("lineitem", "orders", "customer", "region")) {
      StringBuilder expected = new StringBuilder();
      for (TpchEntity entity : TpchTable.getTable(table).createGenerator(0.01, 1, 1)) {
        expected.append(entity.toLine()).append('\n');
      }
      // Compare digests: a failure message holding two copies of a table is of no use.
      assertThat(sha256(Files.readAllBytes(data.file(table).path())))
          .as(table)
          .isEqualTo(sha256(expected.toString().getBytes(UTF_8)));
    }
    assertThat(Files.readAllLines(data.file("region").path()).get(0))
        .isEqualTo("0|AFRICA|lar deposits. blithely final packages cajole. regular waters are "
            + "final requests. regular accounts are according to |");
  }

  @Test
  void reportsProgressAndSkipsCompleteFiles() throws IOException {
    List<String> events = new ArrayList<>();
    TpchProgressListener listener =
        new TpchProgressListener() {
          @Override
          public void progress(String table, long rows) {
            events.add("progress " + table);
          }

          @Override
          public void completed(TpchTableFile file) {
            events.add((file.reused() ? "reused " : "written ") + file.table() + " " + file.rows());
          }
        };
    new TpchDataGenerator(0.01).generate(directory, listener);
    assertThat(events).contains("progress lineitem", "written lineitem 60175", "written region 5");

    Path lineitem = TpchDataGenerator.tableFile(directory, "lineitem");
    FileTime before = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    Files.setLastModifiedTime(lineitem, before);
    Files.delete(TpchDataGenerator.tableFile(directory, "nation"));
    events.clear();
    new TpchDataGenerator(0.01).generate(directory, listener);

    assertThat(events).contains("reused lineitem 60175", "written nation 25");
    assertThat(events).doesNotContain("progress lineitem");
    assertThat(Files.getLastModifiedTime(lineitem)).isEqualTo(before);

    events.clear();
    new TpchDataGenerator(0.02).generate(directory, listener);
    assertThat(events).as("another scale factor replaces the files").contains("written region 5");
    assertThat(events).anyMatch(event -> event.startsWith("written lineitem 1"));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void rejectsANonPositiveScaleFactor() {
    assertThatThrownBy(() -> new TpchDataGenerator(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot generate TPC-H data: scale factor must be positive, was 0.0");
  }
}
