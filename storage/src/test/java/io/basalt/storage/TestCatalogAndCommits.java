package io.basalt.storage;

import static io.basalt.storage.Fixtures.column;
import static io.basalt.storage.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCatalogAndCommits {
  @TempDir
  Path directory;

  private static final List<ColumnDefinition> COLUMNS = List.of(
      column("id", ColumnType.of(TypeName.BIGINT)), column("name", ColumnType.varchar(10)));

  private static List<Object[]> rows(int from, int to) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      rows.add(new Object[] {(long) i, "r" + i});
    }
    return rows;
  }

  private static void assertState(ThrowingCallable call, String state, String message) {
    assertThatThrownBy(call).isInstanceOf(StorageException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((StorageException) e).sqlState()).isEqualTo(state));
  }

  @Test
  void catalogPersistsAcrossCloseAndOpen() {
    TableDefinition created;
    try (StorageEngine engine = Fixtures.open(directory, 64)) {
      assertThat(engine.schemaNames()).containsExactly("public");
      engine.createSchema("sales", false);
      created = engine.createTable(new TableDefinition(0, "sales", "orders", COLUMNS,
          DistStyle.KEY, "id", SortKeyKind.INTERLEAVED, List.of("id", "name"), false), false);
      TableDefinition second = engine.createTable(Fixtures.table("other", COLUMNS), false);
      assertThat(created.id()).isPositive();
      assertThat(second.id()).isGreaterThan(created.id());
      engine.createView(new ViewDefinition("sales", "v", "select 1", List.of("one")), false);
      engine.createTable(new TableDefinition(0, "public", "scratch", COLUMNS, DistStyle.AUTO,
          null, SortKeyKind.NONE, List.of(), true), false);
    }
    try (StorageEngine engine = Fixtures.open(directory, 64)) {
      assertThat(engine.schemaNames()).containsExactly("public", "sales");
      assertThat(engine.table("sales", "orders")).contains(created);
      assertThat(engine.views("sales")).containsExactly(
          new ViewDefinition("sales", "v", "select 1", List.of("one")));
      assertThat(engine.tables("public")).extracting(TableDefinition::name)
          .as("temporary tables end with the process").containsExactly("other");
      TableDefinition third = engine.createTable(Fixtures.table("third", COLUMNS), false);
      assertThat(third.id()).isGreaterThan(created.id() + 1);
    }
  }

  @Test
  void catalogErrorsCarrySqlStates() {
    try (StorageEngine engine = Fixtures.open(directory, 64)) {
      engine.createTable(Fixtures.table("t", COLUMNS), false);
      assertState(() -> engine.createTable(Fixtures.table("t", COLUMNS), false), "42P07",
          "relation \"public.t\" already exists");
      assertThat(engine.createTable(Fixtures.table("t", COLUMNS), true).id()).isPositive();
      assertState(() -> engine.createSchema("public", false), "42P06", "already exists");
      engine.createSchema("public", true);
      assertState(() -> engine.createTable(new TableDefinition(0, "nope", "t", COLUMNS,
          DistStyle.EVEN, null, SortKeyKind.NONE, List.of(), false), false), "3F000",
          "schema \"nope\" does not exist");
      assertState(() -> engine.dropSchema("public", false, false), "2BP01",
          "Cannot drop schema \"public\"");
      assertState(() -> engine.dropTable("public", "missing", false), "42P01",
          "relation \"public.missing\" does not exist");
      engine.dropTable("public", "missing", true);
      assertState(() -> engine.snapshot("public", "missing"), "42P01", "does not exist");
      assertState(() -> engine.createView(new ViewDefinition("public", "t", "select 1",
          List.of()), true), "42P07", "already exists");
      assertState(() -> engine.createTable(Fixtures.sorted("bad", COLUMNS, SortKeyKind.COMPOUND,
          "zzz"), false), "42703", "column \"zzz\" named in SORTKEY does not exist");
      engine.createView(new ViewDefinition("public", "v", "select 1", List.of()), false);
      engine.createView(new ViewDefinition("public", "v", "select 2", List.of()), true);
      assertThat(engine.view("public", "v").orElseThrow().sql()).isEqualTo("select 2");
      engine.dropView("public", "v", false);
      assertThat(engine.view("public", "v")).isEmpty();
      engine.dropSchema("public", false, true);
      assertThat(engine.schemaNames()).isEmpty();
      assertThat(engine.tables("public")).isEmpty();
    }
  }

  @Test
  void appendAddsAndReplaceReplaces() {
    try (StorageEngine engine = Fixtures.open(directory, 64)) {
      engine.createTable(Fixtures.table("t", COLUMNS), false);
      Fixtures.insert(engine, "t", WriteMode.APPEND, rows(0, 100));
      TableSnapshot before = engine.snapshot("public", "t");
      Fixtures.insert(engine, "t", WriteMode.APPEND, rows(100, 150));
      assertThat(readAll(engine, "t")).hasSize(150);
      Fixtures.insert(engine, "t", WriteMode.REPLACE, rows(1000, 1010));
      assertThat(readAll(engine, "t")).extracting(row -> (Long) row.get(0))
          .containsExactlyInAnyOrder(1000L, 1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1007L,
              1008L, 1009L);
      assertThat(before.stats().rowCount()).as("snapshots are immutable").isEqualTo(100);
      assertThat(Fixtures.rows(before.scan(ScanRequest.allColumns(before.definition()))))
          .hasSize(100);
      engine.truncate("public", "t");
      assertThat(readAll(engine, "t")).isEmpty();
      assertThat(engine.snapshot("public", "t").stats()).isEqualTo(new TableStats(0, 0, 0, 0));
    }
  }

  @Test
  void uncommittedRowsAreInvisibleAndCloseDiscardsThem() {
    try (StorageEngine engine = StorageEngine.open(directory, new StorageConfig(64, 3, 2), 4096,
        () -> { })) {
      engine.createTable(Fixtures.table("t", COLUMNS), false);
      TableWriter writer = engine.newWriter("public", "t", WriteMode.APPEND);
      for (Object[] row : rows(0, 5000)) {
        writer.append(0, row);
      }
      assertThat(segmentFiles()).as("spilled while buffering").isNotEmpty();
      assertThat(readAll(engine, "t")).isEmpty();
      writer.close();
      assertThat(segmentFiles()).isEmpty();
      assertThat(readAll(engine, "t")).isEmpty();
    }
  }

  @Test
  void spilledSegmentsCommitTogether() {
    try (StorageEngine engine = StorageEngine.open(directory, new StorageConfig(64, 3, 2), 4096,
        () -> { })) {
      engine.createTable(Fixtures.sorted("t", COLUMNS, SortKeyKind.COMPOUND, "id"), false);
      Fixtures.insert(engine, "t", WriteMode.APPEND, rows(0, 5000));
      TableStats stats = engine.snapshot("public", "t").stats();
      assertThat(stats.rowCount()).isEqualTo(5000);
      assertThat(stats.unsortedRows()).isZero();
      assertThat(segmentFiles().size()).isGreaterThan(2);
      assertThat(readAll(engine, "t")).hasSize(5000);
    }
  }

  @Test
  void trickleInsertsGetTheirSmallSegmentsMerged() {
    try (StorageEngine engine = Fixtures.open(directory, 1024)) {
      engine.createTable(Fixtures.sorted("t", COLUMNS, SortKeyKind.COMPOUND, "id"), false);
      for (int i = 0; i < 100; i++) {
        try (TableWriter writer = engine.newWriter("public", "t", WriteMode.APPEND)) {
          writer.append(i % 2, rows(i, i + 1).get(0));
          writer.commit();
        }
        // Segments under 1024 / 16 rows are small: here every segment is, and has one block
        // per column, so blocks / 2 counts committed segments; at most 16 small ones per slice
        // wait for a merge, plus the merged one.
        assertThat(engine.snapshot("public", "t").stats().blockCount() / 2)
            .isLessThanOrEqualTo(2 * 17);
      }
      List<List<Object>> all = readAll(engine, "t");
      assertThat(all).extracting(row -> (Long) row.get(0)).hasSize(100).doesNotHaveDuplicates()
          .allSatisfy(id -> assertThat(id).isBetween(0L, 99L));
      TableStats stats = engine.snapshot("public", "t").stats();
      assertThat(stats.rowCount()).isEqualTo(100);
      // The first row was sorted, but a merge with later rows makes its segment unsorted.
      assertThat(stats.unsortedRows()).isEqualTo(100);
    }
    try (StorageEngine engine = Fixtures.open(directory, 1024)) {
      assertThat(readAll(engine, "t")).hasSize(100);
      assertThat(segmentFiles().size()).as("superseded files deleted at open")
          .isLessThanOrEqualTo(2 * 17);
    }
  }

  @Test
  void createTableAsAppearsOnlyAtCommit() {
    try (StorageEngine engine = Fixtures.open(directory, 64)) {
      TableWriter writer = engine.newTableWriter(Fixtures.table("ctas", COLUMNS));
      for (Object[] row : rows(0, 10)) {
        writer.append(1, row);
      }
      assertThat(engine.table("public", "ctas")).isEmpty();
      writer.commit();
      assertThat(engine.table("public", "ctas").orElseThrow().id()).isPositive();
      assertThat(readAll(engine, "ctas")).hasSize(10);

      TableWriter racing = engine.newTableWriter(Fixtures.table("race", COLUMNS));
      racing.append(0, new Object[] {1L, "x"});
      engine.createTable(Fixtures.table("race", COLUMNS), false);
      assertState(racing::commit, "42P07", "relation \"public.race\" already exists");
      assertThat(readAll(engine, "race")).isEmpty();
    }
  }

  @Test
  void commitToADroppedTableFails() {
    try (StorageEngine engine = Fixtures.open(directory, 64)) {
      engine.createTable(Fixtures.table("t", COLUMNS), false);
      TableWriter writer = engine.newWriter("public", "t", WriteMode.APPEND);
      writer.append(0, new Object[] {1L, "x"});
      engine.dropTable("public", "t", false);
      engine.createTable(Fixtures.table("t", COLUMNS), false);
      assertState(writer::commit, "42P01", "it was dropped");
      assertThat(readAll(engine, "t")).isEmpty();
    }
  }

  private List<Path> segmentFiles() {
    try (var files = Files.list(directory.resolve("segments"))) {
      return files.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
