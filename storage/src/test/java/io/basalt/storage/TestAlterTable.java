package io.basalt.storage;

import static io.basalt.storage.Fixtures.column;
import static io.basalt.storage.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestAlterTable {
  @TempDir
  Path directory;

  private static final List<ColumnDefinition> COLUMNS = List.of(
      column("id", ColumnType.of(TypeName.BIGINT)), column("name", ColumnType.varchar(10)));

  @Test
  void redefiningWriterReplacesDefinitionAndRowsKeepingTheId() {
    try (StorageEngine engine = Fixtures.open(directory, 64)) {
      TableDefinition original = engine.createTable(Fixtures.table("t", COLUMNS), false);
      Fixtures.insert(engine, "t", WriteMode.APPEND, List.of(new Object[] {1L, "a"},
          new Object[] {2L, "b"}));
      List<ColumnDefinition> wider = new ArrayList<>(COLUMNS);
      wider.add(column("extra", ColumnType.of(TypeName.INTEGER)));
      TableDefinition altered = Fixtures.sorted("t", wider, SortKeyKind.COMPOUND, "extra");
      try (TableWriter writer = engine.newRedefiningWriter(altered)) {
        for (List<Object> row : readAll(engine, "t")) {
          writer.append(0, new Object[] {row.get(0), row.get(1), null});
        }
        writer.commit();
      }
      assertThat(engine.table("public", "t")).contains(altered.withId(original.id()));
      assertThat(readAll(engine, "t")).containsExactlyInAnyOrder(Arrays.asList(1L, "a", null),
          Arrays.asList(2L, "b", null));
    }
  }

  @Test
  void rowsWrittenBeforeAnAlterCannotCommitAfterIt() {
    try (StorageEngine engine = Fixtures.open(directory, 64)) {
      engine.createTable(Fixtures.table("t", COLUMNS), false);
      TableWriter stale = engine.newWriter("public", "t", WriteMode.APPEND);
      stale.append(0, new Object[] {1L, "a"});
      List<ColumnDefinition> wider = new ArrayList<>(COLUMNS);
      wider.add(column("extra", ColumnType.of(TypeName.INTEGER)));
      try (TableWriter writer = engine.newRedefiningWriter(Fixtures.table("t", wider))) {
        writer.commit();
      }
      assertThatThrownBy(stale::commit).isInstanceOf(StorageException.class)
          .hasMessageContaining("it was altered while they were written");
      assertThat(readAll(engine, "t")).isEmpty();
    }
  }

  @Test
  void renameKeepsRowsAndChecksNames() {
    try (StorageEngine engine = Fixtures.open(directory, 64)) {
      TableDefinition original = engine.createTable(Fixtures.table("t", COLUMNS), false);
      engine.createTable(Fixtures.table("other", COLUMNS), false);
      Fixtures.insert(engine, "t", WriteMode.APPEND, List.<Object[]>of(new Object[] {1L, "a"}));
      engine.renameTable("public", "t", "u");
      assertThat(engine.table("public", "t")).isEmpty();
      assertThat(engine.table("public", "u").orElseThrow().id()).isEqualTo(original.id());
      assertThat(readAll(engine, "u")).hasSize(1);
      assertThatThrownBy(() -> engine.renameTable("public", "u", "other"))
          .isInstanceOf(StorageException.class).hasMessageContaining("already exists");
      assertThatThrownBy(() -> engine.renameTable("public", "t", "v"))
          .isInstanceOf(StorageException.class).hasMessageContaining("does not exist");
    }
  }
}
