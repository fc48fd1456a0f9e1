package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.federation.iceberg.IcebergCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema and partition evolution of an Iceberg table change no data file: the files of every
 * earlier write stay in the table, and their rows read right, columns found by field id.
 */
class TestIcebergEvolution {
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

  private static Set<String> dataFiles(String name) throws IOException {
    Table table = catalog.table("evo", name).orElseThrow();
    Set<String> files = new TreeSet<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(t -> files.add(t.file().location()));
    }
    return files;
  }

  @Test
  void columnsAndPartitionsEvolveWithoutRewritingDataFiles() throws SQLException, IOException {
    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create external schema evo from data catalog database 'evo' "
          + "create external database if not exists");
      statement.execute("create table evo.items (id integer, name varchar(10), price real) "
          + "location 's3://lake/iceberg/items/' tblproperties ('table_type'='ICEBERG')");
      statement.executeUpdate("insert into evo.items values (1, 'pen', 1.5), (2, 'ink', 7)");
      Set<String> first = dataFiles("items");
      Snapshot firstWrite = catalog.table("evo", "items").orElseThrow()
          .currentSnapshot();
      long firstSnapshot = firstWrite.snapshotId();
      String firstInstant = DateTimeFormatter.ofPattern(
          "yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC)
          .format(Instant.ofEpochMilli(firstWrite.timestampMillis()));

      statement.execute("alter table evo.items add columns (color varchar(10), stock bigint)");
      statement.execute("alter table evo.items rename column name to label");
      statement.execute("alter table evo.items drop column price");
      statement.execute("alter table evo.items alter column id type bigint");
      statement.execute("alter table evo.items add partition field bucket(4, id)");
      statement.executeUpdate("insert into evo.items values (3, 'cap', 'red', 10)");

      assertThat(dataFiles("items")).containsAll(first).hasSize(first.size() + 1);
      assertThat(LakeServer.rows(statement, "select * from evo.items order by id"))
          .containsExactly("1,pen,null,null", "2,ink,null,null", "3,cap,red,10");
      assertThat(LakeServer.rows(statement, "select id, label from evo.items where label = 'ink'"))
          .containsExactly("2,ink");
      // The first snapshot reads with the columns it was written with: no label, color or
      // stock, the dropped price, id still an integer.
      assertThat(LakeServer.rows(statement, "select * from evo.items for version as of "
          + firstSnapshot + " order by id")).containsExactly("1,pen,1.5", "2,ink,7.0");
      try (ResultSet old = statement.executeQuery("select * from evo.items for version as of "
          + firstSnapshot)) {
        ResultSetMetaData columns = old.getMetaData();
        assertThat(columns.getColumnCount()).isEqualTo(3);
        assertThat(List.of(columns.getColumnName(1), columns.getColumnName(2),
            columns.getColumnName(3))).containsExactly("id", "name", "price");
        assertThat(columns.getColumnType(1)).isEqualTo(Types.INTEGER);
      }
      assertThat(LakeServer.rows(statement, "select i.name, i.price, n.label, n.stock "
          + "from evo.items for version as of " + firstSnapshot + " i "
          + "join evo.items n on n.id = i.id where i.price > 2"))
          .containsExactly("ink,7.0,ink,null");
      assertThatThrownBy(() -> statement.executeQuery("select label from evo.items "
          + "for version as of " + firstSnapshot)).isInstanceOf(SQLException.class)
          .hasMessageContaining("label");
      assertThat(LakeServer.rows(statement, "select * from evo.items for timestamp as of "
          + "timestamp '" + firstInstant + "' where price < 2"))
          .containsExactly("1,pen,1.5");
      // A view of the old version keeps reading it with its own columns.
      statement.execute("create view public.first_items as select * from evo.items "
          + "for version as of " + firstSnapshot);
      assertThat(LakeServer.rows(statement, "select name, price from public.first_items "
          + "order by id")).containsExactly("pen,1.5", "ink,7.0");
      statement.execute("drop view public.first_items");
      // A version given by an expression is only known when the query runs: current columns.
      assertThat(LakeServer.rows(statement, "select id, label, color from evo.items "
          + "for timestamp as of current_timestamp order by id"))
          .containsExactly("1,pen,null", "2,ink,null", "3,cap,red");
      assertThat(LakeServer.rows(statement, "select columnname, external_type from svv_external_columns "
          + "where schemaname = 'evo' and tablename = 'items' order by columnnum"))
          .containsExactly("id,long", "label,string", "color,string", "stock,long");

      statement.execute("alter table evo.items set partition spec (truncate(2, label))");
      statement.executeUpdate("insert into evo.items values (4, 'mug', 'blue', 3)");
      assertThat(dataFiles("items")).containsAll(first).hasSize(first.size() + 2);
      assertThat(catalog.table("evo", "items").orElseThrow().spec().fields())
          .extracting(f -> f.transform().toString()).containsExactly("truncate[2]");
      assertThat(LakeServer.rows(statement, "select count(*), sum(stock) from evo.items"))
          .containsExactly("4,13");

      assertThatThrownBy(() -> statement.execute("alter table evo.items alter column label "
          + "type integer")).isInstanceOf(SQLException.class)
          .hasMessageContaining("Cannot alter Iceberg table 'evo.items'");
      assertThatThrownBy(() -> statement.execute("alter table evo.items add columns "
          + "(label varchar(5))")).isInstanceOf(SQLException.class)
          .hasMessageContaining("Cannot alter Iceberg table 'evo.items'")
          .hasMessageContaining("label");
      statement.execute("drop table evo.items purge");
    }
  }
}
