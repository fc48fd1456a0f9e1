package io.basalt.storage;

import static io.basalt.storage.Fixtures.column;
import static io.basalt.storage.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestAtomicity {
  @TempDir
  Path directory;

  private static final List<ColumnDefinition> COLUMNS = List.of(
      column("id", ColumnType.of(TypeName.BIGINT)));

  private static List<Object[]> rows(int count) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(new Object[] {(long) i});
    }
    return rows;
  }

  @Test
  void failureBeforeManifestRenameKeepsTheOldState() {
    AtomicBoolean fail = new AtomicBoolean();
    try (StorageEngine engine = StorageEngine.open(directory, new StorageConfig(64, 3, 2),
        1 << 20, () -> {
          if (fail.get()) {
            throw new StorageException("58030", "simulated crash before publish");
          }
        })) {
      engine.createTable(Fixtures.table("t", COLUMNS), false);
      Fixtures.insert(engine, "t", WriteMode.APPEND, rows(100));
      fail.set(true);
      assertThatThrownBy(() -> Fixtures.insert(engine, "t", WriteMode.APPEND, rows(50)))
          .hasMessageContaining("simulated crash");
      assertThatThrownBy(() -> engine.dropTable("public", "t", false))
          .hasMessageContaining("simulated crash");
      assertThat(readAll(engine, "t")).hasSize(100);
    }
    try (StorageEngine engine = Fixtures.open(directory, 64)) {
      assertThat(readAll(engine, "t")).hasSize(100);
      Fixtures.insert(engine, "t", WriteMode.APPEND, rows(5));
      assertThat(readAll(engine, "t")).hasSize(105);
    }
  }

  @Test
  void openDeletesFilesNoManifestReferences() throws IOException {
    try (StorageEngine engine = Fixtures.open(directory, 64)) {
      engine.createTable(Fixtures.table("t", COLUMNS), false);
      Fixtures.insert(engine, "t", WriteMode.APPEND, rows(100));
      Fixtures.insert(engine, "t", WriteMode.REPLACE, rows(10));
    }
    Path segments = directory.resolve("segments");
    List<Path> before;
    try (var files = Files.list(segments)) {
      before = files.toList();
    }
    // The replacement's two slices: no snapshot held the first commit's files, so they went.
    assertThat(before).hasSize(2);
    Files.write(segments.resolve("9999999999999999.seg"), new byte[] {1, 2, 3});
    Files.write(directory.resolve("manifest.json.tmp"), new byte[] {'{'});
    try (StorageEngine engine = Fixtures.open(directory, 64)) {
      assertThat(readAll(engine, "t")).hasSize(10);
    }
    try (var files = Files.list(segments)) {
      assertThat(files.toList()).hasSize(2);
    }
    assertThat(directory.resolve("manifest.json.tmp")).doesNotExist();
  }

  @Test
  void secondOpenOfTheSameDirectoryIsRefused() {
    try (StorageEngine engine = Fixtures.open(directory, 64)) {
      assertThatThrownBy(() -> Fixtures.open(directory, 64))
          .isInstanceOf(RuntimeException.class);
    }
  }
}
