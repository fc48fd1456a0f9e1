package io.basalt.storage;

import static io.basalt.storage.Fixtures.column;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestConcurrentCommits {
  private static final int THREADS = 4;
  private static final int COMMITS = 15;
  private static final int BATCH = 500;

  @TempDir
  Path directory;

  @Test
  void concurrentAppendsAllLandAndReadersSeeWholeCommits() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    try (StorageEngine engine = Fixtures.open(directory, 128)) {
      engine.createTable(Fixtures.table("t", List.of(
          column("writer", ColumnType.of(TypeName.INTEGER)),
          column("commit_no", ColumnType.of(TypeName.INTEGER)))), false);
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < THREADS; w++) {
        int writer = w;
        writers.add(pool.submit(() -> {
          for (int c = 0; c < COMMITS; c++) {
            try (TableWriter out = engine.newWriter("public", "t", WriteMode.APPEND)) {
              for (int i = 0; i < BATCH; i++) {
                out.append(i % 2, new Object[] {writer, c});
              }
              out.commit();
            }
          }
          return null;
        }));
      }
      Future<Integer> reader = pool.submit(() -> {
        int checks = 0;
        while (writers.stream().anyMatch(f -> !f.isDone())) {
          TableSnapshot snapshot = engine.snapshot("public", "t");
          long rows = Fixtures.rows(snapshot.scan(Fixtures.request(new int[] {0}))).size();
          assertThat(rows).isEqualTo(snapshot.stats().rowCount());
          assertThat(rows % BATCH).isZero();
          checks++;
        }
        return checks;
      });
      for (Future<?> writer : writers) {
        writer.get();
      }
      assertThat(reader.get()).isPositive();
      assertThat(engine.snapshot("public", "t").stats().rowCount())
          .isEqualTo((long) THREADS * COMMITS * BATCH);
    } finally {
      pool.shutdownNow();
    }
  }
}
