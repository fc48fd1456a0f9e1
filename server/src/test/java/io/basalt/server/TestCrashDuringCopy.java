package io.basalt.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL in the middle of a large COPY comes back with the table exactly as
 * of its last commit, and loads again normally.
 */
class TestCrashDuringCopy {
  private static final int SMALL_ROWS = 1_000;
  private static final int LARGE_ROWS = 3_000_000;

  @TempDir
  Path directory;

  @Test
  void killDuringCopyLeavesLastCommit() throws Exception {
    Path data = directory.resolve("data");
    Path log = directory.resolve("server.log");
    Path small = writeRows(directory.resolve("small.csv"), SMALL_ROWS);
    Path large = writeRows(directory.resolve("large.csv"), LARGE_ROWS);
    String checksumBefore;
    try (ChildServer server = ChildServer.start(data, log)) {
      try (Connection connection = server.connect();
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE events (id BIGINT NOT NULL, kind VARCHAR(16), amount "
            + "DECIMAL(12,2)) DISTKEY(id) SORTKEY(id)");
        statement.execute("COPY events FROM '" + small + "' FORMAT AS CSV");
        checksumBefore = checksum(statement);
        assertThat(checksumBefore).startsWith(SMALL_ROWS + "|");
      }
      AtomicReference<Throwable> copyOutcome = new AtomicReference<>();
      CompletableFuture<Void> copy = CompletableFuture.runAsync(() -> {
        try (Connection connection = server.connect();
            Statement statement = connection.createStatement()) {
          statement.execute("COPY events FROM '" + large + "' FORMAT AS CSV");
        } catch (SQLException | RuntimeException e) {
          copyOutcome.set(e);
        }
      });
      waitForCopyToWrite(data, copy);
      assertThat(copy).as("the COPY must still be running when the server is killed")
          .isNotDone();
      server.kill();
      copy.handle((v, e) -> null).join();
    }
    try (ChildServer server = ChildServer.start(data, log);
        Connection connection = server.connect();
        Statement statement = connection.createStatement()) {
      assertThat(checksum(statement)).isEqualTo(checksumBefore);
      statement.execute("COPY events FROM '" + small + "' FORMAT AS CSV");
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM events")) {
        rows.next();
        assertThat(rows.getLong(1)).isEqualTo(2L * SMALL_ROWS);
      }
    }
  }

  /**
   * Waits until the COPY has been running for a moment: its first files appear, or 1.5 s pass
   * (loading 3M rows takes several seconds even on a fast machine).
   */
  private static void waitForCopyToWrite(Path data, CompletableFuture<Void> copy)
      throws InterruptedException, IOException {
    long start = System.nanoTime();
    long before = sizeOf(data);
    while (!copy.isDone() && System.nanoTime() - start < 1_500_000_000L) {
      if (sizeOf(data) > before + 1_000_000) {
        return;
      }
      Thread.sleep(50);
    }
  }

  private static long sizeOf(Path directory) throws IOException {
    try (var files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static String checksum(Statement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery(
        "SELECT COUNT(*), SUM(id), SUM(amount), COUNT(DISTINCT kind) FROM events")) {
      rows.next();
      return rows.getLong(1) + "|" + rows.getLong(2) + "|" + rows.getBigDecimal(3) + "|"
          + rows.getLong(4);
    }
  }

  private static Path writeRows(Path file, int rows) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(file)) {
      for (int i = 0; i < rows; i++) {
        writer.write(i + ",kind-" + (i % 7) + "," + (i % 1000) + "." + (i % 100) + "\n");
      }
    }
    return file;
  }
}
