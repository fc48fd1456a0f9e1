package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.federation.iceberg.IcebergCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OPTIMIZE, rollback and VACUUM of Iceberg tables. */
class TestIcebergMaintenance {
  @TempDir
  static Path dataDirectory;
  static LakeServer lake;
  static IcebergCatalog catalog;

  @BeforeAll
  static void start() throws IOException {
    lake = LakeServer.folders(dataDirectory);
    catalog = IcebergCatalog.open(dataDirectory.resolve("catalog"), lake.store());
  }

  @AfterAll
  static void stop() {
    catalog.close();
    lake.close();
  }

  private static Table table() {
    return catalog.table("maint", "events").orElseThrow();
  }

  /** Data files and delete files of the current snapshot. */
  private static int[] files() throws IOException {
    int data = 0;
    int deletes = 0;
    try (CloseableIterable<FileScanTask> tasks = table().newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        data++;
        deletes += task.deletes().size();
      }
    }
    return new int[] {data, deletes};
  }

  @Test
  void optimizeCompactsRollbackRestoresAndVacuumExpiresAndRemovesOrphans()
      throws SQLException, IOException {
    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create external schema maint from data catalog database 'maint' "
          + "create external database if not exists");
      statement.execute("create table maint.events (id bigint, region varchar(5)) "
          + "partitioned by (region) location 's3://lake/iceberg/events/' "
          + "tblproperties ('table_type'='ICEBERG')");
      statement.executeUpdate("insert into maint.events values (1, 'eu'), (2, 'us')");
      Snapshot first = table().currentSnapshot();
      for (int i = 3; i <= 6; i++) {
        statement.executeUpdate("insert into maint.events values (" + i + ", '"
            + (i % 2 == 0 ? "us" : "eu") + "')");
      }
      statement.executeUpdate("delete from maint.events where id = 4");
      assertThat(files()).containsExactly(6, 1);
      String all = "1,eu|2,us|3,eu|5,eu|6,us";
      String query = "select id, region from maint.events order by id";
      assertThat(String.join("|", LakeServer.rows(statement, query))).isEqualTo(all);

      // Only the eu files: three become one; the us files and the delete file stay.
      assertThat(statement.executeUpdate("optimize maint.events rewrite data using bin_pack "
          + "where region = 'eu'")).isEqualTo(3);
      assertThat(files()).containsExactly(4, 1);
      assertThat(statement.executeUpdate("optimize maint.events rewrite data using bin_pack"))
          .isEqualTo(3);
      assertThat(files()).containsExactly(2, 0);
      assertThat(table().currentSnapshot().operation()).isEqualTo("replace");
      assertThat(String.join("|", LakeServer.rows(statement, query))).isEqualTo(all);

      statement.execute("alter table maint.events execute rollback_to_snapshot("
          + first.snapshotId() + ")");
      assertThat(String.join("|", LakeServer.rows(statement, query))).isEqualTo("1,eu|2,us");
      assertThatThrownBy(() -> statement.execute("alter table maint.events execute "
          + "rollback_to_snapshot(42)")).isInstanceOf(SQLException.class)
          .hasMessageContaining("the table has no snapshot 42");

      // An orphan: a file under the table's location that no snapshot refers to.
      Path orphan = dataDirectory.resolve("s3/lake/iceberg/events/data/orphan.parquet");
      Files.writeString(orphan, "left by a writer that died");
      Files.setLastModifiedTime(orphan, FileTime.fromMillis(System.currentTimeMillis()
          - 3_600_000));
      int snapshotsBefore = countSnapshots();
      statement.execute("alter table maint.events set tblproperties "
          + "('vacuum_max_snapshot_age_seconds' = '0')");
      statement.execute("vacuum maint.events");
      assertThat(Files.exists(orphan)).isFalse();
      assertThat(countSnapshots()).isEqualTo(1).isLessThan(snapshotsBefore);
      assertThat(String.join("|", LakeServer.rows(statement, query))).isEqualTo("1,eu|2,us");
      statement.execute("drop table maint.events purge");
    }
  }

  private static int countSnapshots() {
    int count = 0;
    for (Snapshot ignored : table().snapshots()) {
      count++;
    }
    return count;
  }
}
