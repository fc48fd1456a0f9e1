package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent writers of one Iceberg table use Iceberg's optimistic commit: appends never
 * conflict (Iceberg retries them), and of two updates of the same row read from the same
 * snapshot one commits and the other fails with SQLSTATE 40001, so that no update is lost.
 */
class TestIcebergConcurrentWriters {
  private static final int WRITERS = 3;
  private static final int ROUNDS = 6;

  @TempDir
  static Path dataDirectory;
  static LakeServer lake;

  @BeforeAll
  static void start() throws IOException, SQLException {
    lake = LakeServer.folders(dataDirectory);
    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create external schema conc from data catalog database 'conc' "
          + "create external database if not exists");
    }
  }

  @AfterAll
  static void stop() {
    lake.close();
  }

  private static long single(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  @Test
  void concurrentAppendsAllCommit() throws Exception {
    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create table conc.log (writer integer, round integer) "
          + "location 's3://lake/iceberg/log/' tblproperties ('table_type'='ICEBERG')");
    }
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        done.add(pool.submit(() -> {
          try (Connection connection = lake.connect();
              Statement statement = connection.createStatement()) {
            for (int r = 0; r < ROUNDS; r++) {
              statement.executeUpdate("insert into conc.log values (" + writer + ", " + r + ")");
            }
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      assertThat(single(statement, "select count(*) from conc.log"))
          .isEqualTo(WRITERS * ROUNDS);
      assertThat(single(statement, "select count(distinct writer * 100 + round) from conc.log"))
          .isEqualTo(WRITERS * ROUNDS);
      statement.execute("drop table conc.log purge");
    }
  }

  @Test
  void conflictingUpdatesFailWith40001AndLoseNothing() throws Exception {
    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create table conc.counter (id integer, n integer) "
          + "location 's3://lake/iceberg/counter/' tblproperties ('table_type'='ICEBERG')");
      statement.executeUpdate("insert into conc.counter values (1, 0)");
    }
    AtomicInteger committed = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        done.add(pool.submit(() -> {
          try (Connection connection = lake.connect();
              Statement statement = connection.createStatement()) {
            for (int r = 0; r < ROUNDS; r++) {
              try {
                statement.executeUpdate("update conc.counter set n = n + 1 where id = 1");
                committed.incrementAndGet();
              } catch (SQLException e) {
                assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("40001");
                assertThat(e.getMessage()).contains("conc.counter");
                conflicts.incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      assertThat(committed.get() + conflicts.get()).isEqualTo(WRITERS * ROUNDS);
      assertThat(committed.get()).isPositive();
      assertThat(single(statement, "select count(*) from conc.counter")).isEqualTo(1);
      assertThat(single(statement, "select n from conc.counter")).isEqualTo(committed.get());
      statement.execute("drop table conc.counter purge");
    }
  }
}
