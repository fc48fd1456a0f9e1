package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.iceberg.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * INSERT, DELETE, UPDATE and MERGE on Iceberg tables each commit one snapshot, and every
 * snapshot reads back, by version and by timestamp, exactly the rows of its moment; in both
 * write modes, with the files each mode should write. The clauses of MERGE are tested in
 * {@code sql/iceberg/iceberg_merge.iq}.
 */
class TestIcebergRowChanges extends IcebergLakeTest {
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  @Test
  void everyChangeIsASnapshotThatReadsBackByVersionAndByTimestamp() throws SQLException {
    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create table ice.accounts (id bigint, owner varchar(10), "
          + "balance decimal(10,2)) partitioned by (bucket(2, id)) "
          + "location 's3://lake/iceberg/accounts/' tblproperties ('table_type'='ICEBERG')");
      assertThat(statement.executeUpdate("insert into ice.accounts values (1, 'ann', 10), "
          + "(2, 'bo', 20), (3, 'cy', 30), (4, 'di', 40)")).isEqualTo(4);
      long inserted = table("accounts").currentSnapshot().snapshotId();
      assertThat(statement.executeUpdate("delete from ice.accounts where id = 2")).isEqualTo(1);
      Snapshot deleted = table("accounts").currentSnapshot();
      assertThat(statement.executeUpdate("update ice.accounts set balance = balance + 100 "
          + "where owner in ('cy', 'di')")).isEqualTo(2);
      long updated = table("accounts").currentSnapshot().snapshotId();
      assertThat(statement.executeUpdate("merge into ice.accounts a using (select * from "
          + "(values (1, 'ann', 11.00), (5, 'ed', 50.00)) as v (id, owner, balance)) s "
          + "on a.id = s.id when matched then update set balance = s.balance "
          + "when not matched then insert values (s.id, s.owner, s.balance)")).isEqualTo(2);
      long merged = table("accounts").currentSnapshot().snapshotId();

      // Merge-on-read (the default of tables Basalt creates): the DELETE added one delete
      // file and removed no data file.
      assertThat(deleted.summary()).containsEntry("added-delete-files", "1")
          .doesNotContainKey("deleted-data-files");
      assertThat(deleted.operation()).isEqualTo("delete");

      String latest = "1,ann,11.00|3,cy,130.00|4,di,140.00|5,ed,50.00";
      assertThat(String.join("|", LakeServer.rows(statement,
          "select * from ice.accounts order by id"))).isEqualTo(latest);
      assertThat(String.join("|", LakeServer.rows(statement, "select * from ice.accounts for version as of "
          + inserted + " order by id"))).isEqualTo("1,ann,10.00|2,bo,20.00|3,cy,30.00|4,di,40.00");
      assertThat(String.join("|", LakeServer.rows(statement, "select * from ice.accounts for version as of "
          + deleted.snapshotId() + " order by id")))
          .isEqualTo("1,ann,10.00|3,cy,30.00|4,di,40.00");
      assertThat(String.join("|", LakeServer.rows(statement, "select * from ice.accounts for version as of "
          + updated + " order by id"))).isEqualTo("1,ann,10.00|3,cy,130.00|4,di,140.00");
      assertThat(String.join("|", LakeServer.rows(statement, "select * from ice.accounts for version as of "
          + merged + " order by id"))).isEqualTo(latest);
      assertThat(String.join("|", LakeServer.rows(statement, "select id, balance from ice.accounts "
          + "for timestamp as of timestamp '" + MILLIS.format(Instant.ofEpochMilli(
              deleted.timestampMillis())) + "' order by id")))
          .isEqualTo("1,10.00|3,30.00|4,40.00");

      // Two versions of one table in one query: what the UPDATE and the MERGE changed.
      assertThat(LakeServer.rows(statement, "select n.id, o.balance, n.balance from ice.accounts "
          + "for version as of " + inserted + " o join ice.accounts n on o.id = n.id "
          + "where o.balance <> n.balance order by n.id"))
          .containsExactly("1,10.00,11.00", "3,30.00,130.00", "4,40.00,140.00");

      assertThatThrownBy(() -> LakeServer.rows(statement, "select * from ice.accounts for version as of 42"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22023"))
          .hasMessageContaining("Cannot read Iceberg table 'ice.accounts' at version 42: the "
              + "table has no snapshot with that id");
      assertThatThrownBy(() -> LakeServer.rows(statement, "select * from ice.accounts for timestamp as of "
          + "timestamp '2000-01-01 00:00:00'")).isInstanceOf(SQLException.class)
          .hasMessageContaining("before the table's first snapshot");
      statement.execute("drop table ice.accounts purge");
    }
  }

  @Test
  void copyOnWriteRewritesTheChangedFilesAndAMergeMatchingARowTwiceChangesNothing()
      throws SQLException {
    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create table ice.cow (id bigint, v varchar(10)) "
          + "location 's3://lake/iceberg/cow/' tblproperties ('table_type'='ICEBERG', "
          + "'write.delete.mode'='copy-on-write', 'write.update.mode'='copy-on-write', "
          + "'write.merge.mode'='copy-on-write')");
      statement.executeUpdate("insert into ice.cow values (1, 'a'), (2, 'b'), (3, 'c')");
      statement.executeUpdate("insert into ice.cow values (4, 'd')");
      assertThat(statement.executeUpdate("delete from ice.cow where id = 2")).isEqualTo(1);
      Snapshot deleted = table("cow").currentSnapshot();
      // The first insert's file was rewritten without row 2; the second's was untouched.
      assertThat(deleted.summary()).containsEntry("deleted-data-files", "1")
          .containsEntry("added-data-files", "1").doesNotContainKey("added-delete-files");
      assertThat(statement.executeUpdate("update ice.cow set v = upper(v) where id >= 3"))
          .isEqualTo(2);
      assertThat(LakeServer.rows(statement, "select * from ice.cow order by id"))
          .containsExactly("1,a", "3,C", "4,D");

      long before = table("cow").currentSnapshot().snapshotId();
      assertThatThrownBy(() -> statement.executeUpdate("merge into ice.cow t using (select * "
          + "from (values (1, 'x'), (1, 'y')) as v (id, v)) s on t.id = s.id "
          + "when matched then update set v = s.v"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("21000"))
          .hasMessageContaining("matched more than one source row");
      assertThat(table("cow").currentSnapshot().snapshotId()).isEqualTo(before);
      assertThat(LakeServer.rows(statement, "select * from ice.cow order by id"))
          .containsExactly("1,a", "3,C", "4,D");
      statement.execute("drop table ice.cow purge");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"merge-on-read", "copy-on-write"})
  void aMergeThatDeletesUpdatesAndInsertsIsOneSnapshotAndTheOneBeforeItStillReads(String mode)
      throws SQLException {
    String name = mode.equals("merge-on-read") ? "merged_mor" : "merged_cow";
    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create table ice." + name + " (id bigint, qty integer) "
          + "location 's3://lake/iceberg/" + name + "/' tblproperties ('table_type'='ICEBERG', "
          + "'write.merge.mode'='" + mode + "')");
      statement.executeUpdate("insert into ice." + name + " values (1, 10), (2, 20), (3, 30)");
      statement.executeUpdate("insert into ice." + name + " values (4, 40)");
      Snapshot before = table(name).currentSnapshot();
      assertThat(statement.executeUpdate("merge into ice." + name + " t using (select * from "
          + "(values (1, 'D', 0), (2, 'U', 5), (3, 'D', 0), (5, 'I', 50), (6, 'D', 60)) "
          + "as v (id, op, qty)) s on t.id = s.id "
          + "when matched and s.op = 'D' then delete "
          + "when matched then update set qty = t.qty + s.qty "
          + "when not matched and s.op <> 'D' then insert values (s.id, s.qty)"))
          .isEqualTo(4);
      Snapshot merged = table(name).currentSnapshot();

      assertThat(merged.parentId()).isEqualTo(before.snapshotId());
      assertThat(merged.operation()).isEqualTo("overwrite");
      if (mode.equals("merge-on-read")) {
        // One delete file for the three removed rows of the first insert's file.
        assertThat(merged.summary()).containsEntry("added-delete-files", "1")
            .containsEntry("added-position-deletes", "3").doesNotContainKey("deleted-data-files");
      } else {
        // The first insert's file is replaced (it held every removed row); the second's stays.
        assertThat(merged.summary()).containsEntry("deleted-data-files", "1")
            .doesNotContainKey("added-delete-files");
      }
      assertThat(LakeServer.rows(statement, "select * from ice." + name + " order by id"))
          .containsExactly("2,25", "4,40", "5,50");
      assertThat(LakeServer.rows(statement, "select * from ice." + name
          + " for version as of " + before.snapshotId() + " order by id"))
          .containsExactly("1,10", "2,20", "3,30", "4,40");
      assertThat(LakeServer.rows(statement, "select count(*) from ice." + name
          + " for timestamp as of timestamp '" + MILLIS.format(Instant.ofEpochMilli(
              before.timestampMillis())) + "'")).containsExactly("4");
      statement.execute("drop table ice." + name + " purge");
    }
  }
}
