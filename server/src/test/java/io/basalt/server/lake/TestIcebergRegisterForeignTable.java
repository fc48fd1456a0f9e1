package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.federation.iceberg.IcebergCatalog;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table written with the Iceberg Java library directly, through a catalog of its own (as
 * another engine would), with a partition spec, several types and a position delete file, is
 * registered in Basalt from its metadata file and reads correctly.
 */
class TestIcebergRegisterForeignTable {
  @TempDir
  static Path dataDirectory;
  @TempDir
  static Path otherCatalog;
  static LakeServer lake;

  @BeforeAll
  static void start() throws IOException {
    lake = LakeServer.folders(dataDirectory);
  }

  @AfterAll
  static void stop() {
    lake.close();
  }

  /** Writes the table with Iceberg's API and returns its current metadata file. */
  private static String writeWithTheIcebergLibrary() throws IOException {
    try (IcebergCatalog other = IcebergCatalog.open(otherCatalog, lake.store())) {
      Schema schema = new Schema(
          Types.NestedField.required(1, "id", Types.LongType.get()),
          Types.NestedField.optional(2, "name", Types.StringType.get()),
          Types.NestedField.optional(3, "price", Types.DecimalType.of(9, 2)),
          Types.NestedField.optional(4, "day", Types.DateType.get()),
          Types.NestedField.optional(5, "ts", Types.TimestampType.withoutZone()),
          Types.NestedField.optional(6, "flag", Types.BooleanType.get()),
          Types.NestedField.optional(7, "score", Types.DoubleType.get()),
          Types.NestedField.optional(8, "qty", Types.IntegerType.get()));
      PartitionSpec spec = PartitionSpec.builderFor(schema).month("ts").build();
      other.catalog().createNamespace(Namespace.of("foreign"));
      Table table = other.catalog().buildTable(TableIdentifier.of("foreign", "sales"),
          schema).withPartitionSpec(spec).withLocation("s3://lake/foreign/sales")
          .withProperty("format-version", "2").create();

      GenericFileWriterFactory writers = new GenericFileWriterFactory.Builder(table)
          .dataFileFormat(FileFormat.PARQUET).deleteFileFormat(FileFormat.PARQUET).build();
      OutputFileFactory files = OutputFileFactory.builderFor(table, 7, 1).build();
      PartitionKey key = new PartitionKey(spec, schema);
      InternalRecordWrapper wrapper = new InternalRecordWrapper(schema.asStruct());
      List<DataFile> written = new ArrayList<>();
      for (int month = 1; month <= 2; month++) {
        GenericRecord first = record(schema, month * 10L, "a" + month, "1.25", month, true);
        key.partition(wrapper.wrap(first));
        DataWriter<Record> writer = writers.newDataWriter(files.newOutputFile(spec, key), spec,
            key);
        try (writer) {
          writer.write(first);
          writer.write(record(schema, month * 10L + 1, null, "9.99", month, false));
          writer.write(record(schema, month * 10L + 2, "c" + month, null, month, null));
        }
        written.add(writer.toDataFile());
      }
      var append = table.newAppend();
      written.forEach(append::appendFile);
      append.commit();

      // A position delete of the second row of the first file, written by the library.
      DataFile target = written.get(0);
      PositionDeleteWriter<Record> deletes = writers.newPositionDeleteWriter(
          files.newOutputFile(spec, target.partition()), spec, target.partition());
      try (deletes) {
        deletes.write(PositionDelete.<Record>create().set(target.location(), 1));
      }
      table.newRowDelta().addDeletes(deletes.toDeleteFile()).commit();
      return ((HasTableOperations) table).operations().current().metadataFileLocation();
    }
  }

  private static GenericRecord record(Schema schema, long id, String name, String price,
      int month, Boolean flag) {
    GenericRecord record = GenericRecord.create(schema);
    record.setField("id", id);
    record.setField("name", name);
    record.setField("price", price == null ? null : new BigDecimal(price));
    record.setField("day", LocalDate.of(2025, month, 3));
    record.setField("ts", LocalDateTime.of(2025, month, 3, 4, 5, 6));
    record.setField("flag", flag);
    record.setField("score", id / 4.0);
    record.setField("qty", (int) id * 2);
    return record;
  }

  @Test
  void aTableWrittenByTheIcebergLibraryIsRegisteredAndRead() throws Exception {
    String metadata = writeWithTheIcebergLibrary();
    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create external schema reg from data catalog database 'reg' "
          + "create external database if not exists");
      statement.execute("create table reg.sales tblproperties ('table_type'='ICEBERG', "
          + "'metadata_location'='" + metadata + "')");
      assertThat(LakeServer.rows(statement, "select * from reg.sales order by id")).containsExactly(
          "10,a1,1.25,2025-01-03,2025-01-03 04:05:06.000,true,2.5,20",
          "12,c1,null,2025-01-03,2025-01-03 04:05:06.000,null,3.0,24",
          "20,a2,1.25,2025-02-03,2025-02-03 04:05:06.000,true,5.0,40",
          "21,null,9.99,2025-02-03,2025-02-03 04:05:06.000,false,5.25,42",
          "22,c2,null,2025-02-03,2025-02-03 04:05:06.000,null,5.5,44");
      assertThat(LakeServer.rows(statement, "select count(*), sum(qty) from reg.sales "
          + "where ts < timestamp '2025-02-01 00:00:00'")).containsExactly("2,44");
      assertThatThrownBy(() -> statement.execute("create table reg.missing tblproperties "
          + "('table_type'='ICEBERG', 'metadata_location'='s3://lake/nothing/v1.metadata.json')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Cannot register Iceberg table 'reg.missing'")
          .hasMessageContaining("does not exist");
      statement.execute("drop table reg.sales");
    }
  }
}
