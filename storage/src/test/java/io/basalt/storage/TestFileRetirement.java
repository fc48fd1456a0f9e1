package io.basalt.storage;

import static io.basalt.storage.Fixtures.column;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestFileRetirement {
  @TempDir
  Path directory;

  private static final List<ColumnDefinition> COLUMNS = List.of(
      column("id", ColumnType.of(TypeName.BIGINT)));

  private static List<Object[]> rows(int from, int to) {
    List<Object[]> rows = new ArrayList<>();
    for (long i = from; i < to; i++) {
      rows.add(new Object[] {i});
    }
    return rows;
  }

  private long segmentFiles() {
    try (var files = Files.list(directory.resolve("segments"))) {
      return files.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void filesNoSnapshotUsesAreDeletedByTheCommitThatSupersedesThem() {
    try (StorageEngine engine = Fixtures.open(directory, 64)) {
      engine.createTable(Fixtures.table("t", COLUMNS), false);
      Fixtures.insert(engine, "t", WriteMode.APPEND, rows(0, 100));
      assertThat(segmentFiles()).isEqualTo(2);
      Fixtures.insert(engine, "t", WriteMode.REPLACE, rows(0, 10));
      assertThat(segmentFiles()).isEqualTo(2);
      engine.dropTable("public", "t", false);
      assertThat(segmentFiles()).isZero();
    }
  }

  @Test
  void aLiveSnapshotKeepsItsFilesUntilItIsUnreachable() throws InterruptedException {
    try (StorageEngine engine = Fixtures.open(directory, 64)) {
      engine.createTable(Fixtures.table("t", COLUMNS), false);
      Fixtures.insert(engine, "t", WriteMode.APPEND, rows(0, 100));
      TableSnapshot old = engine.snapshot("public", "t");
      Fixtures.insert(engine, "t", WriteMode.REPLACE, rows(0, 10));
      engine.truncate("public", "t");
      assertThat(segmentFiles()).as("the old snapshot's two files; the replacement's went")
          .isEqualTo(2);
      assertThat(Fixtures.rows(old.scan(ScanRequest.allColumns(old.definition())))).hasSize(100);
      old = null;
      for (int attempt = 0; attempt < 100 && segmentFiles() > 0; attempt++) {
        System.gc();
        Thread.sleep(50);
      }
      assertThat(segmentFiles()).isZero();
    }
  }
}
