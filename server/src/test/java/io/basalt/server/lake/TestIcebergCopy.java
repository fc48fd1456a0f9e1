package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectUri;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.iceberg.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * COPY into an Iceberg table commits one append snapshot on top of the table's current one, so
 * that the snapshot before it still reads the old rows; a COPY that fails commits nothing and
 * leaves no data file behind.
 */
class TestIcebergCopy extends IcebergLakeTest {

  private void writeFile(String uri, String text) {
    lake.store().write(ObjectUri.parse(uri), text.getBytes(StandardCharsets.UTF_8));
  }

  private List<String> objectsUnder(String prefix) {
    return lake.store().list(ObjectUri.parse(prefix), null).objects().stream()
        .map(ObjectInfo::uri).map(ObjectUri::toString).sorted().toList();
  }

  @Test
  void copyIsOneAppendSnapshotAndTheSnapshotBeforeItReadsTheOldRows() throws SQLException {
    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create table ice.sales (id bigint not null, region varchar(10), "
          + "amount decimal(10,2)) partitioned by (region) "
          + "location 's3://lake/iceberg/sales/' tblproperties ('table_type'='ICEBERG')");
      statement.executeUpdate("insert into ice.sales values (1, 'eu', 10), (2, 'us', 20)");
      long before = table("sales").currentSnapshot().snapshotId();
      writeFile("s3://lake/load/sales.csv",
          "id,region,amount\n3,eu,30.50\n4,ap,40\n5,us,50\n6,,60\n");

      assertThat(statement.executeUpdate("copy ice.sales from 's3://lake/load/sales.csv' "
          + "csv ignoreheader 1")).isEqualTo(4);

      Snapshot copied = table("sales").currentSnapshot();
      assertThat(copied.parentId()).isEqualTo(before);
      assertThat(copied.operation()).isEqualTo("append");
      // One data file per partition the COPY's rows fall in: eu, ap, us and '' (CSV reads an
      // empty field of a VARCHAR column as the empty string).
      assertThat(copied.summary()).containsEntry("added-records", "4")
          .containsEntry("added-data-files", "4").containsKey("basalt.query-id");
      assertThat(LakeServer.rows(statement, "select count(*) from ice.\"sales$snapshots\""))
          .containsExactly("2");
      assertThat(LakeServer.rows(statement, "select * from ice.sales order by id"))
          .containsExactly("1,eu,10.00", "2,us,20.00", "3,eu,30.50", "4,ap,40.00",
              "5,us,50.00", "6,,60.00");
      assertThat(LakeServer.rows(statement, "select * from ice.sales for version as of "
          + before + " order by id")).containsExactly("1,eu,10.00", "2,us,20.00");
      statement.execute("drop table ice.sales purge");
    }
  }

  @Test
  void aCopyBeyondMaxErrorCommitsNothingAndDeletesTheFilesItWrote() throws SQLException {
    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create table ice.failed (id bigint, qty integer) "
          + "partitioned by (bucket(4, id)) "
          + "location 's3://lake/iceberg/failed/' tblproperties ('table_type'='ICEBERG')");
      statement.executeUpdate("insert into ice.failed values (1, 1)");
      Snapshot before = table("failed").currentSnapshot();
      List<String> objectsBefore = objectsUnder("s3://lake/iceberg/failed/");
      // Thousands of good rows, in every bucket, reach the writer before the bad one fails the
      // COPY: closing the writer without a commit must delete the files it wrote them to.
      StringBuilder rows = new StringBuilder();
      for (int i = 0; i < 20_000; i++) {
        rows.append(i).append(',').append(i % 100).append('\n');
      }
      rows.append("20000,many\n");
      writeFile("s3://lake/load/failed.csv", rows.toString());

      assertThatThrownBy(() -> statement.executeUpdate(
          "copy ice.failed from 's3://lake/load/failed.csv' csv maxerror 0"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22P02"))
          .hasMessageContaining("Cannot load into \"ice.failed\": line 20001 of "
              + "s3://lake/load/failed.csv, column \"qty\"");

      assertThat(table("failed").currentSnapshot().snapshotId())
          .isEqualTo(before.snapshotId());
      assertThat(objectsUnder("s3://lake/iceberg/failed/")).isEqualTo(objectsBefore);
      assertThat(LakeServer.rows(statement, "select * from ice.failed")).containsExactly("1,1");
      assertThat(LakeServer.rows(statement, "select line_number, trim(raw_field_value) "
          + "from stl_load_errors where filename = 's3://lake/load/failed.csv'"))
          .containsExactly("20001,many");
      statement.execute("drop table ice.failed purge");
    }
  }
}
