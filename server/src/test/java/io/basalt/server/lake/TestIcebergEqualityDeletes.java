package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.federation.iceberg.IcebergCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileMetadata;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.deletes.EqualityDeleteWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables written with the Iceberg Java library directly, with equality delete files (what Flink
 * writes for upserts), are registered in Basalt and read as Iceberg's own generic reader reads
 * them: keys on one and two columns (NULL matching NULL), partition-scoped deletes, a column
 * renamed or promoted since, timestamps equal to the microsecond, later rows with a deleted key
 * kept; Basalt's DELETE, UPDATE, MERGE and OPTIMIZE on such tables keep them applied.
 */
class TestIcebergEqualityDeletes {
  private static final LocalDateTime BASE = LocalDateTime.of(2025, 1, 2, 3, 4, 5);
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  @TempDir
  static Path dataDirectory;
  @TempDir
  static Path otherCatalog;
  static LakeServer lake;
  static IcebergCatalog other;
  static IcebergCatalog basalt;

  @BeforeAll
  static void start() throws IOException, SQLException {
    lake = LakeServer.folders(dataDirectory);
    other = IcebergCatalog.open(otherCatalog, lake.store());
    other.catalog().createNamespace(Namespace.of("foreign"));
    basalt = IcebergCatalog.open(dataDirectory.resolve("catalog"), lake.store());
    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create external schema reg from data catalog database 'reg' "
          + "create external database if not exists");
    }
  }

  @AfterAll
  static void stop() {
    basalt.close();
    other.close();
    lake.close();
  }

  @Test
  void aKeyOnOneColumnDeletesTheRowsOfOlderDataFilesOnly() throws Exception {
    Table table = create("keyed", new Schema(
        Types.NestedField.required(1, "id", Types.IntegerType.get()),
        Types.NestedField.optional(2, "name", Types.StringType.get()),
        Types.NestedField.optional(3, "ts", Types.TimestampType.withoutZone())),
        null, Map.of());
    List<Record> first = new ArrayList<>();
    for (int id = 1; id <= 6; id++) {
      // All six in one millisecond, a tenth of one apart.
      first.add(row(table, id, "n" + id, BASE.plusNanos(id * 100_000L)));
    }
    append(table, data(table, null, first));
    long firstWrite = table.currentSnapshot().snapshotId();
    commit(table, equalityDeletes(table, null, List.of("id"), List.of(
        new Object[] {2}, new Object[] {4}, new Object[] {99})));
    // Equal to the microsecond: row 5 only, not the other rows of its millisecond.
    commit(table, equalityDeletes(table, null, List.of("ts"), List.<Object[]>of(
        new Object[] {BASE.plusNanos(500_000L)})));
    long beforePromotion = table.currentSnapshot().snapshotId();
    table.updateSchema().updateColumn("id", Types.LongType.get()).commit();
    // A later data file with a deleted key: its sequence number is higher, so it stays.
    append(table, data(table, null, List.of(row(table, 2L, "again", BASE),
        row(table, 7L, "seven", BASE))));
    // Long keys now; the first data file still holds ints.
    commit(table, equalityDeletes(table, null, List.of("id"), List.of(
        new Object[] {1L}, new Object[] {7L})));

    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      register(statement, table);
      assertThat(rows(statement, "select id, name, ts from reg.keyed")).containsExactly(
          "2,again,2025-01-02 03:04:05.000", "3,n3,2025-01-02 03:04:05.000",
          "6,n6,2025-01-02 03:04:05.000")
          .isEqualTo(icebergRows(table, "id", "name", "ts"));
      assertThat(rows(statement, "select count(*) from reg.keyed")).containsExactly("3");
      assertThat(rows(statement, "select id from reg.keyed where name like 'n%'"))
          .containsExactly("3", "6");
      // Older snapshots apply the deletes they had.
      assertThat(rows(statement, "select id from reg.keyed for version as of "
          + beforePromotion)).containsExactly("1", "3", "6");
      assertThat(rows(statement, "select count(*) from reg.keyed for version as of "
          + firstWrite)).containsExactly("6");
    }
  }

  @Test
  void aKeyOnTwoColumnsMatchesNullToNull() throws Exception {
    Table table = create("pairs", pairsSchema(), null, Map.of(
        TableProperties.DELETE_MODE, "merge-on-read", TableProperties.UPDATE_MODE,
        "merge-on-read"));
    append(table, data(table, null, List.of(row(table, 1, null, "eu"), row(table, 2, null, "us"),
        row(table, 3, "x", "eu"), row(table, 4, null, null), row(table, 5, "y", null),
        row(table, 6, "y", "us"))));
    commit(table, equalityDeletes(table, null, List.of("name", "region"), List.of(
        new Object[] {null, "eu"}, new Object[] {null, null}, new Object[] {"y", "us"})));

    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      register(statement, table);
      assertThat(rows(statement, "select * from reg.pairs")).containsExactly(
          "2,null,us", "3,x,eu", "5,y,null")
          .isEqualTo(icebergRows(table, "id", "name", "region"));

      // Basalt's row changes name the rows the foreign deletes left, and commit position
      // deletes beside them: the equality delete file stays, still applied.
      assertThat(statement.executeUpdate("delete from reg.pairs where region = 'eu' "
          + "or region is null")).isEqualTo(2);
      assertThat(statement.executeUpdate("update reg.pairs set name = 'w' where id = 2"))
          .isEqualTo(1);
      Table changed = basalt.table("reg", "pairs").orElseThrow();
      assertThat(rows(statement, "select * from reg.pairs")).containsExactly("2,w,us")
          .isEqualTo(icebergRows(changed, "id", "name", "region"));
      assertThat(rows(statement, "select content, count(*) from reg.\"pairs$files\" "
          + "group by content order by content")).containsExactly("0,2", "1,2", "2,1");
      // Row 6 is deleted by the equality delete: MERGE does not match it, so inserts it anew.
      assertThat(statement.executeUpdate("merge into reg.pairs t using (select * from "
          + "(values (2, 'm'), (6, 'n')) as v (id, name)) s on t.id = s.id "
          + "when matched then update set name = s.name "
          + "when not matched then insert values (s.id, s.name, 'us')")).isEqualTo(2);
      Table merged = basalt.table("reg", "pairs").orElseThrow();
      assertThat(rows(statement, "select * from reg.pairs")).containsExactly("2,m,us", "6,n,us")
          .isEqualTo(icebergRows(merged, "id", "name", "region"));
    }
  }

  @Test
  void aDeleteInOnePartitionLeavesTheOthers() throws Exception {
    Schema schema = pairsSchema();
    PartitionSpec spec = PartitionSpec.builderFor(schema).identity("region").build();
    Table table = create("parts", schema, spec, Map.of());
    for (String region : List.of("eu", "us")) {
      append(table, data(table, partition(table, region), List.of(row(table, 1, "a", region),
          row(table, 2, "b", region))));
    }
    commit(table, equalityDeletes(table, partition(table, "eu"), List.of("id"),
        List.<Object[]>of(new Object[] {1})));

    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      register(statement, table);
      assertThat(rows(statement, "select * from reg.parts")).containsExactly(
          "1,a,us", "2,b,eu", "2,b,us")
          .isEqualTo(icebergRows(table, "id", "name", "region"));
      assertThat(rows(statement, "select count(*) from reg.parts where region = 'eu'"))
          .containsExactly("1");
      // OPTIMIZE rewrites the file with deletes without the deleted row.
      assertThat(statement.executeUpdate("optimize reg.parts rewrite data using bin_pack"))
          .isEqualTo(1);
      Table optimized = basalt.table("reg", "parts").orElseThrow();
      assertThat(rows(statement, "select * from reg.parts")).containsExactly(
          "1,a,us", "2,b,eu", "2,b,us")
          .isEqualTo(icebergRows(optimized, "id", "name", "region"));
    }
  }

  @Test
  void aDeleteOnARenamedColumnMatchesByFieldId() throws Exception {
    Table table = create("renamed", pairsSchema(), null, Map.of());
    append(table, data(table, null, List.of(row(table, 1, "a", "eu"), row(table, 2, "b", "eu"),
        row(table, 3, "c", "us"))));
    table.updateSchema().renameColumn("name", "label").commit();
    commit(table, equalityDeletes(table, null, List.of("label"),
        List.<Object[]>of(new Object[] {"b"})));
    append(table, data(table, null, List.of(row(table, 4, "b", "us"))));

    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      register(statement, table);
      assertThat(rows(statement, "select id, label from reg.renamed")).containsExactly(
          "1,a", "3,c", "4,b")
          .isEqualTo(icebergRows(table, "id", "label"));
    }
  }

  @Test
  void aCopyOnWriteDeleteRewritesWithoutTheDeletedRows() throws Exception {
    Table table = create("orders", pairsSchema(), null, Map.of());
    List<Record> first = new ArrayList<>();
    for (int id = 1; id <= 5; id++) {
      first.add(row(table, id, "item" + id, "eu"));
    }
    append(table, data(table, null, first));
    commit(table, equalityDeletes(table, null, List.of("id"),
        List.<Object[]>of(new Object[] {2})));
    append(table, data(table, null, List.of(row(table, 2, "again", "us"))));

    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      register(statement, table);
      // Iceberg's default, copy-on-write: the changed files are rewritten (new sequence
      // numbers, which the equality delete no longer applies to) without the deleted rows.
      assertThat(statement.executeUpdate("delete from reg.orders where id in (2, 3)"))
          .isEqualTo(2);
      assertThat(statement.executeUpdate("update reg.orders set name = 'upd' where id = 1"))
          .isEqualTo(1);
      Table changed = basalt.table("reg", "orders").orElseThrow();
      assertThat(rows(statement, "select id, name from reg.orders")).containsExactly(
          "1,upd", "4,item4", "5,item5")
          .isEqualTo(icebergRows(changed, "id", "name"));
      assertThat(rows(statement, "select count(*) from reg.orders")).containsExactly("3");
    }
  }

  @Test
  void deleteKeysCountAgainstTheQueryMemoryLimit() throws Exception {
    Table table = create("big", pairsSchema(), null, Map.of());
    List<Record> rows = new ArrayList<>();
    List<Object[]> keys = new ArrayList<>();
    for (int id = 0; id < 40_000; id++) {
      rows.add(row(table, id, null, null));
      if (id % 4 != 0) {
        keys.add(new Object[] {id});
      }
    }
    append(table, data(table, null, rows));
    commit(table, equalityDeletes(table, null, List.of("id"), keys));

    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      register(statement, table);
      assertThat(rows(statement, "select count(*), sum(id) from reg.big"))
          .containsExactly("10000," + 4L * (9_999L * 10_000 / 2));
      statement.execute("SET query_memory_limit_mb TO 1");
      assertThatThrownBy(() -> rows(statement, "select count(*) from reg.big"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Cannot apply equality delete file '")
          .hasMessageContaining("of Iceberg table 'reg.big': Query exceeded its memory limit")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("53200"));
      statement.execute("RESET query_memory_limit_mb");
      assertThat(rows(statement, "select count(*) from reg.big")).containsExactly("10000");
    }
  }

  @Test
  void aDeleteFileInAnotherFormatIsRefusedNamingIt() throws Exception {
    Table table = create("orcdeletes", pairsSchema(), null, Map.of());
    append(table, data(table, null, List.of(row(table, 1, "a", "eu"))));
    DeleteFile orc = FileMetadata.deleteFileBuilder(table.spec())
        .ofEqualityDeletes(1)
        .withPath(table.location() + "/data/deletes.orc")
        .withFormat(FileFormat.ORC)
        .withFileSizeInBytes(100)
        .withRecordCount(1)
        .build();
    commit(table, orc);

    try (Connection connection = lake.connect();
        Statement statement = connection.createStatement()) {
      register(statement, table);
      assertThatThrownBy(() -> rows(statement, "select * from reg.orcdeletes"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Cannot read Iceberg table 'reg.orcdeletes': delete file '"
              + orc.location() + "' is ORC; Basalt reads Parquet delete files only")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"));
    }
  }

  private static Schema pairsSchema() {
    return new Schema(
        Types.NestedField.required(1, "id", Types.IntegerType.get()),
        Types.NestedField.optional(2, "name", Types.StringType.get()),
        Types.NestedField.optional(3, "region", Types.StringType.get()));
  }

  /** Creates a format version 2 table in the other catalog. */
  private static Table create(String name, Schema schema, PartitionSpec spec,
      Map<String, String> properties) {
    return other.catalog().buildTable(TableIdentifier.of("foreign", name), schema)
        .withPartitionSpec(spec == null ? PartitionSpec.unpartitioned() : spec)
        .withLocation("s3://lake/foreign/" + name)
        .withProperty(TableProperties.FORMAT_VERSION, "2")
        .withProperties(properties)
        .create();
  }

  /** A row of the table's current schema, values in its column order. */
  private static Record row(Table table, Object... values) {
    GenericRecord record = GenericRecord.create(table.schema());
    for (int i = 0; i < values.length; i++) {
      record.set(i, values[i]);
    }
    return record;
  }

  private static PartitionKey partition(Table table, String region) {
    PartitionKey key = new PartitionKey(table.spec(), table.schema());
    key.partition(new InternalRecordWrapper(table.schema().asStruct())
        .wrap(row(table, 0, null, region)));
    return key;
  }

  private static OutputFileFactory files(Table table) {
    return OutputFileFactory.builderFor(table, 1, 1)
        .format(FileFormat.PARQUET).build();
  }

  /** Writes one data file of {@code rows} with the library's Parquet writer. */
  private static DataFile data(Table table, StructLike partition, List<Record> rows)
      throws IOException {
    GenericFileWriterFactory writers = new GenericFileWriterFactory.Builder(table)
        .dataFileFormat(FileFormat.PARQUET).build();
    DataWriter<Record> writer = writers.newDataWriter(
        files(table).newOutputFile(table.spec(), partition), table.spec(), partition);
    try (writer) {
      rows.forEach(writer::write);
    }
    return writer.toDataFile();
  }

  /**
   * Writes one equality delete file on {@code columns} (holding only those columns, as Flink's
   * upsert writers do) with the library's Parquet writer.
   */
  private static DeleteFile equalityDeletes(Table table, StructLike partition,
      List<String> columns, List<Object[]> keys) throws IOException {
    Schema keySchema = table.schema().select(columns);
    int[] ids = keySchema.columns().stream().mapToInt(Types.NestedField::fieldId).toArray();
    GenericFileWriterFactory writers = new GenericFileWriterFactory.Builder(table)
        .deleteFileFormat(FileFormat.PARQUET).equalityFieldIds(ids)
        .equalityDeleteRowSchema(keySchema).build();
    EqualityDeleteWriter<Record> writer = writers.newEqualityDeleteWriter(
        files(table).newOutputFile(table.spec(), partition), table.spec(), partition);
    try (writer) {
      for (Object[] key : keys) {
        GenericRecord record = GenericRecord.create(keySchema);
        for (int i = 0; i < key.length; i++) {
          record.set(i, key[i]);
        }
        writer.write(record);
      }
    }
    return writer.toDeleteFile();
  }

  private static void append(Table table, DataFile file) {
    table.newAppend().appendFile(file).commit();
  }

  private static void commit(Table table, DeleteFile deletes) {
    table.newRowDelta().addDeletes(deletes).commit();
  }

  /** Registers the table in Basalt as {@code reg.<its name>} from its current metadata file. */
  private static void register(Statement statement, Table table) throws SQLException {
    String metadata = ((HasTableOperations) table).operations().current()
        .metadataFileLocation();
    String name = table.name().substring(table.name().lastIndexOf('.') + 1);
    statement.execute("create table reg." + name + " tblproperties ('table_type'='ICEBERG', "
        + "'metadata_location'='" + metadata + "')");
  }

  /** Basalt's rows, sorted, as {@link LakeServer#rows} gives them. */
  private static List<String> rows(Statement statement, String sql) throws SQLException {
    return LakeServer.rows(statement, sql).stream().sorted().toList();
  }

  /** The rows Iceberg's generic reader reads, sorted, formatted as Basalt's are. */
  private static List<String> icebergRows(Table table, String... columns) {
    List<String> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).select(columns)
        .build()) {
      for (Record record : records) {
        rows.add(Arrays.stream(columns).map(c -> text(record.getField(c)))
            .collect(Collectors.joining(",")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows.stream().sorted().toList();
  }

  private static String text(Object value) {
    return value instanceof LocalDateTime timestamp ? MILLIS.format(timestamp)
        : String.valueOf(value);
  }
}
