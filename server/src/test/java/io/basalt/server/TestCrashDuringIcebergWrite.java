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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL while it writes into an Iceberg table comes back with the table
 * at its last snapshot (the files the dead writer left are orphans no snapshot refers to), and
 * the next write commits normally.
 */
class TestCrashDuringIcebergWrite {
  private static final int SMALL_ROWS = 1_000;
  private static final int LARGE_ROWS = 1_500_000;

  @TempDir
  Path directory;

  @Test
  void killDuringInsertLeavesThePreviousSnapshot() throws Exception {
    Path data = directory.resolve("data");
    Files.createDirectories(data.resolve("s3/lake"));
    Path log = directory.resolve("server.log");
    Path large = writeRows(directory.resolve("large.csv"), LARGE_ROWS);
    String before;
    try (ChildServer server = ChildServer.start(data, log)) {
      try (Connection connection = server.connect();
          Statement statement = connection.createStatement()) {
        statement.execute("create table staging (id bigint, kind varchar(16))");
        statement.execute("copy staging from '" + large + "' format as csv");
        statement.execute("create external schema ice from data catalog database 'ice' "
            + "create external database if not exists");
        statement.execute("create table ice.events (id bigint, kind varchar(16)) "
            + "location 's3://lake/events/' tblproperties ('table_type'='ICEBERG')");
        statement.executeUpdate("insert into ice.events select * from staging where id < "
            + SMALL_ROWS);
        before = checksum(statement);
        assertThat(before).startsWith(SMALL_ROWS + "|");
      }
      CompletableFuture<Void> insert = CompletableFuture.runAsync(() -> {
        try (Connection connection = server.connect();
            Statement statement = connection.createStatement()) {
          statement.executeUpdate("insert into ice.events select * from staging");
        } catch (SQLException | RuntimeException e) {
          // expected: the server dies under it
        }
      });
      waitForDataFiles(data.resolve("s3/lake/events/data"), insert);
      assertThat(insert).as("the INSERT must still be running when the server is killed")
          .isNotDone();
      server.kill();
      insert.handle((v, e) -> null).join();
    }
    try (ChildServer server = ChildServer.start(data, log);
        Connection connection = server.connect();
        Statement statement = connection.createStatement()) {
      assertThat(checksum(statement)).isEqualTo(before);
      statement.executeUpdate("insert into ice.events select * from staging where id < "
          + SMALL_ROWS);
      assertThat(checksum(statement)).startsWith(2 * SMALL_ROWS + "|");
    }
  }

  /** Waits until the INSERT's first data file appears under the table, or 5 s pass. */
  private static void waitForDataFiles(Path folder, CompletableFuture<Void> insert)
      throws InterruptedException, IOException {
    long start = System.nanoTime();
    long existing = count(folder);
    while (!insert.isDone() && System.nanoTime() - start < 5_000_000_000L) {
      if (count(folder) > existing) {
        return;
      }
      Thread.sleep(20);
    }
  }

  private static long count(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (var files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private static String checksum(Statement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery(
        "select count(*), sum(id), count(distinct kind) from ice.events")) {
      rows.next();
      return rows.getLong(1) + "|" + rows.getLong(2) + "|" + rows.getLong(3);
    }
  }

  private static Path writeRows(Path file, int rows) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(file)) {
      for (int i = 0; i < rows; i++) {
        writer.write(i + ",kind-" + (i % 7) + "\n");
      }
    }
    return file;
  }
}
