package io.basalt.storage;

import java.nio.file.Path;
import java.util.List;

/**
 * The child process of {@link TestKillRecovery}: commits batches to two tables in a loop, printing
 * each commit number once it returned, until it is killed.
 */
final class CrashingWriterMain {
  static final int BATCH = 20_000;

  private CrashingWriterMain() {}

  static final List<ColumnDefinition> COLUMNS = List.of(
      Fixtures.notNull("commit_no", ColumnType.of(TypeName.BIGINT)),
      Fixtures.notNull("row_no", ColumnType.of(TypeName.INTEGER)),
      Fixtures.column("label", ColumnType.varchar(30)));

  public static void main(String[] args) {
    Path directory = Path.of(args[0]);
    // A small memory budget makes every commit spill several segment files first.
    StorageEngine engine = StorageEngine.open(directory, new StorageConfig(4096, 1, 2), 1 << 20,
        () -> { });
    if (engine.table("public", "appended").isEmpty()) {
      engine.createTable(Fixtures.sorted("appended", COLUMNS, SortKeyKind.COMPOUND, "row_no"),
          true);
      engine.createTable(Fixtures.table("replaced", COLUMNS), true);
    }
    long commit = engine.snapshot("public", "appended").stats().rowCount() / BATCH;
    while (true) {
      try (TableWriter writer = engine.newWriter("public", "appended", WriteMode.APPEND)) {
        for (int i = 0; i < BATCH; i++) {
          writer.append(i % 2, new Object[] {commit, i, "commit " + commit + " row " + i});
        }
        writer.commit();
      }
      try (TableWriter writer = engine.newWriter("public", "replaced", WriteMode.REPLACE)) {
        for (int i = 0; i < BATCH; i++) {
          writer.append(i % 2, new Object[] {commit, i, null});
        }
        writer.commit();
      }
      System.out.println("committed " + commit);
      System.out.flush();
      commit++;
    }
  }
}
