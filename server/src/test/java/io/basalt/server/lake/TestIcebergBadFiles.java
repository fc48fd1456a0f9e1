package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;

/**
 * Files of an Iceberg table that go missing or are damaged behind Basalt's back: each read is
 * an error naming the table and the file, the table keeps its snapshots, and the server keeps
 * serving.
 */
class TestIcebergBadFiles extends IcebergLakeTest {

  private List<String> dataFiles(Table table) throws IOException {
    List<String> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(t -> files.add(t.file().location()));
    }
    return files;
  }

  @Test
  void aVanishedDataFileIsAnErrorNamingTheTableAndTheFile() throws Exception {
    try (Connection connection = ice.lake.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create table ice.gone (id int, region varchar(4)) "
          + "partitioned by (region) location 's3://lake/iceberg/gone/' "
          + "tblproperties ('table_type'='ICEBERG')");
      statement.executeUpdate("insert into ice.gone values (1, 'eu'), (2, 'us')");
      Table table = ice.table("gone");
      long snapshots = table.snapshots().spliterator().estimateSize();
      String lost = dataFiles(table).stream().filter(f -> f.contains("region=us")).findFirst()
          .orElseThrow();
      ice.lake.store().delete(ObjectUri.parse(lost));

      assertThatThrownBy(() -> LakeServer.rows(statement, "select * from ice.gone"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("ice.gone")
          .hasMessageContaining(lost.substring(lost.lastIndexOf('/') + 1));
      // A scan the partition filter keeps off the lost file still reads.
      assertThat(LakeServer.rows(statement, "select id from ice.gone where region = 'eu'"))
          .containsExactly("1");
      assertThat(ice.table("gone").snapshots().spliterator().estimateSize())
          .isEqualTo(snapshots);
      assertThat(LakeServer.rows(statement, "select 1")).containsExactly("1");
    }
  }

  @Test
  void aCorruptOrMissingMetadataFileIsAnErrorNamingTheTable() throws Exception {
    try (Connection connection = ice.lake.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create table ice.meta (id int) location 's3://lake/iceberg/meta/' "
          + "tblproperties ('table_type'='ICEBERG')");
      statement.executeUpdate("insert into ice.meta values (1)");
      String metadata = ((org.apache.iceberg.HasTableOperations) ice.table("meta"))
          .operations().current().metadataFileLocation();
      String copy = metadata.replace(".metadata.json", "-copy.metadata.json");
      ice.lake.store().write(ObjectUri.parse(copy), "{ not json".getBytes(StandardCharsets.UTF_8));

      assertThatThrownBy(() -> statement.execute("create table ice.broken "
          + "tblproperties ('metadata_location'='" + copy + "')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("ice.broken");
      String absent = metadata.replace(".metadata.json", "-absent.metadata.json");
      assertThatThrownBy(() -> statement.execute("create table ice.absent "
          + "tblproperties ('metadata_location'='" + absent + "')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("ice.absent");
      assertThat(LakeServer.rows(statement, "select count(*) from ice.meta"))
          .containsExactly("1");
      assertThat(TableMetadataParser.read(ice.table("meta").io(), metadata).snapshots())
          .hasSize(1);
    }
  }
}
