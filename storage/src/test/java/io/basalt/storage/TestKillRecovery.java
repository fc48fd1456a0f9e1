package io.basalt.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestKillRecovery {
  private static final int ROUNDS = 3;

  @TempDir
  Path directory;

  @Test
  void killedWriterLeavesEveryTableAsOfACommit() throws Exception {
    Random random = new Random();
    long lastReported = -1;
    for (int round = 0; round < ROUNDS; round++) {
      long reported = runAndKill(random.nextInt(400));
      lastReported = Math.max(lastReported, reported);
      try (StorageEngine engine = StorageEngine.open(directory, new StorageConfig(4096, 1, 2))) {
        long commits = checkAppended(engine);
        assertThat(commits).as("every reported commit is durable").isGreaterThan(lastReported);
        checkReplaced(engine, commits);
      }
    }
  }

  /** Runs the child until it reported two commits, waits, kills it; returns its last report. */
  private long runAndKill(int delayMillis) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), CrashingWriterMain.class.getName(),
        directory.toString())
        .redirectErrorStream(true)
        .start();
    AtomicLong last = new AtomicLong(-1);
    CountDownLatch twoCommits = new CountDownLatch(2);
    Thread reader = new Thread(() -> {
      try (BufferedReader output = new BufferedReader(new InputStreamReader(
          child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = output.readLine()) != null) {
          if (line.startsWith("committed ")) {
            last.set(Long.parseLong(line.substring("committed ".length())));
            twoCommits.countDown();
          } else {
            System.err.println("child: " + line);
          }
        }
      } catch (IOException expected) {
        // The stream closes when the child is killed.
      }
    });
    reader.start();
    try {
      assertThat(twoCommits.await(60, TimeUnit.SECONDS)).as("child process committed").isTrue();
      Thread.sleep(delayMillis);
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reader.join(10_000);
    }
    return last.get();
  }

  /** Checks that "appended" holds whole batches 0..n-1 and returns n. */
  private static long checkAppended(StorageEngine engine) {
    TableSnapshot snapshot = engine.snapshot("public", "appended");
    long rows = snapshot.stats().rowCount();
    assertThat(rows % CrashingWriterMain.BATCH).isZero();
    long commits = rows / CrashingWriterMain.BATCH;
    Map<Long, Integer> perCommit = new HashMap<>();
    var scan = snapshot.scan(ScanRequest.allColumns(snapshot.definition()));
    long scanned = 0;
    while (scan.hasNext()) {
      RowBatch batch = scan.next();
      for (int r = 0; r < batch.rowCount(); r++) {
        long commit = batch.column(0).getLong(r);
        long row = batch.column(1).getLong(r);
        assertThat(batch.column(2).get(r)).isEqualTo("commit " + commit + " row " + row);
        perCommit.merge(commit, 1, Integer::sum);
        scanned++;
      }
    }
    assertThat(scanned).isEqualTo(rows);
    for (long commit = 0; commit < commits; commit++) {
      assertThat(perCommit.get(commit)).as("rows of commit %d", commit)
          .isEqualTo(CrashingWriterMain.BATCH);
    }
    return commits;
  }

  /** Checks that "replaced" holds exactly one whole batch from the last or next-to-last commit. */
  private static void checkReplaced(StorageEngine engine, long commits) {
    List<List<Object>> rows = Fixtures.readAll(engine, "replaced");
    assertThat(rows).hasSize(CrashingWriterMain.BATCH);
    long commit = (Long) rows.get(0).get(0);
    assertThat(commit).isIn(commits - 1, commits - 2);
    assertThat(rows).allSatisfy(row -> assertThat(row.get(0)).isEqualTo(commit));
    assertThat(rows).extracting(row -> (Integer) row.get(1)).doesNotHaveDuplicates();
  }
}
