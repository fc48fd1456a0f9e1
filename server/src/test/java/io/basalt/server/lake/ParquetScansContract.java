package io.basalt.server.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.TypeName;
import io.basalt.storage.format.ParquetFileWriter;
import io.basalt.storage.format.ParquetWriteOptions;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * External Parquet tables as a user sees them over JDBC: partition pruning, column projection
 * and row-group skipping shown in SVL_S3QUERY_SUMMARY, and bad files named in errors. Each
 * subclass runs it over one object store (folders, or a real S3-compatible endpoint).
 */
abstract class ParquetScansContract {
  abstract LakeServer lake();

  private static ColumnDefinition column(String name, ColumnType type) {
    return new ColumnDefinition(name, type, true, null);
  }

  static void writeParquet(ObjectStore store, String uri, List<ColumnDefinition> columns,
      List<Object[]> rows, long rowGroupRows) {
    ParquetWriteOptions options = ParquetWriteOptions.defaults();
    if (rowGroupRows > 0) {
      options = options.withRowGroupRows(rowGroupRows);
    }
    try (ParquetFileWriter writer = ParquetFileWriter.create(store, ObjectUri.parse(uri),
        columns, options)) {
      for (Object[] row : rows) {
        writer.write(row);
      }
    }
  }

  private static long[] summary(Statement statement) throws SQLException {
    try (ResultSet rows = statement.executeQuery("select total_partitions, qualified_partitions,"
        + " files, s3_scanned_bytes, row_groups_read, row_groups_skipped, s3_scanned_rows"
        + " from svl_s3query_summary where query = (select max(query) from svl_s3query_summary)")) {
      assertThat(rows.next()).isTrue();
      long[] values = new long[7];
      for (int i = 0; i < values.length; i++) {
        values[i] = rows.getLong(i + 1);
      }
      return values;
    }
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      StringBuilder text = new StringBuilder(String.valueOf(rows.getObject(1)));
      for (int c = 2; c <= rows.getMetaData().getColumnCount(); c++) {
        text.append(',').append(rows.getObject(c));
      }
      assertThat(rows.next()).isFalse();
      return text.toString();
    }
  }

  @Test
  void aFilterOnOneDayReadsOnlyThatDaysFiles() throws SQLException {
    List<ColumnDefinition> columns = List.of(column("id", ColumnType.of(TypeName.BIGINT)),
        column("amount", ColumnType.decimal(10, 2)));
    LocalDate day = LocalDate.of(2025, 1, 1);
    for (int d = 0; d < 365; d++, day = day.plusDays(1)) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        rows.add(new Object[] {(long) d * 10 + i, BigDecimal.valueOf(d * 10 + i, 2)});
      }
      writeParquet(lake().store(), "s3://lake/daily/dt=" + day + "/part-0.parquet", columns,
          rows, 0);
    }
    try (Connection connection = lake().connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create external schema if not exists pq from data catalog database "
          + "'pq' create external database if not exists");
      statement.execute("create external table pq.daily (id bigint, amount decimal(10,2)) "
          + "partitioned by (dt date) stored as parquet location 's3://lake/daily/'");
      assertThat(statement.executeUpdate("msck repair table pq.daily")).isEqualTo(365);
      assertThat(single(statement, "select count(*), sum(amount) from pq.daily"))
          .isEqualTo("3650,66594.25");
      assertThat(single(statement,
          "select count(*), min(id), sum(amount) from pq.daily where dt = date '2025-03-15'"))
          .isEqualTo("10,730,73.45");
      long[] counts = summary(statement);
      assertThat(counts[0]).as("total partitions").isEqualTo(365);
      assertThat(counts[1]).as("qualified partitions").isEqualTo(1);
      assertThat(counts[2]).as("files").isEqualTo(1);
    }
  }

  @Test
  void externalTablesAreListedByDatabaseMetaData() throws SQLException {
    writeParquet(lake().store(), "s3://lake/meta/part-0.parquet",
        List.of(column("id", ColumnType.of(TypeName.BIGINT)), column("note", ColumnType.varchar(9))),
        List.<Object[]>of(new Object[] {1L, "one"}), 0);
    try (Connection connection = lake().connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create external schema if not exists meta from data catalog database "
          + "'meta' create external database if not exists");
      statement.execute("create external table meta.listed (id bigint, note varchar(9)) "
          + "stored as parquet location 's3://lake/meta/'");
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = connection.getMetaData().getTables(null, "meta", "%", null)) {
        while (rows.next()) {
          tables.add(rows.getString("TABLE_SCHEM") + "." + rows.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).containsExactly("meta.listed");
      List<String> columns = new ArrayList<>();
      try (ResultSet rows = connection.getMetaData().getColumns(null, "meta", "listed", "%")) {
        while (rows.next()) {
          columns.add(rows.getString("COLUMN_NAME") + " " + rows.getString("TYPE_NAME"));
        }
      }
      assertThat(columns).containsExactly("id bigint", "note varchar");
    }
  }

  @Test
  void twoOfSixteenColumnsReadWellUnderAQuarterOfTheBytes() throws SQLException {
    List<ColumnDefinition> columns = new ArrayList<>();
    StringBuilder ddl = new StringBuilder("create external table pq.wide (");
    StringBuilder all = new StringBuilder("select count(*)");
    for (int c = 1; c <= 16; c++) {
      columns.add(column("c" + c, ColumnType.of(TypeName.BIGINT)));
      ddl.append(c == 1 ? "" : ", ").append("c").append(c).append(" bigint");
      all.append(", sum(c").append(c).append(')');
    }
    ddl.append(") stored as parquet location 's3://lake/wide/'");
    all.append(" from pq.wide");
    List<Object[]> rows = new ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    for (int r = 0; r < 50_000; r++) {
      Object[] row = new Object[16];
      for (int c = 0; c < 16; c++) {
        row[c] = (long) random.nextInt();
      }
      rows.add(row);
    }
    writeParquet(lake().store(), "s3://lake/wide/part-0.parquet", columns, rows, 0);
    try (Connection connection = lake().connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create external schema if not exists pq from data catalog database "
          + "'pq' create external database if not exists");
      statement.execute(ddl.toString());
      statement.executeQuery(all.toString()).close();
      long fullBytes = summary(statement)[3];
      assertThat(single(statement, "select count(*), count(c3) from pq.wide where c7 is not null"))
          .isEqualTo("50000,50000");
      long twoColumnBytes = summary(statement)[3];
      assertThat(fullBytes).isPositive();
      assertThat(twoColumnBytes).isLessThan(fullBytes / 4);
    }
  }

  @Test
  void aSelectiveFilterOnASortedColumnSkipsRowGroups() throws SQLException {
    List<ColumnDefinition> columns = List.of(column("id", ColumnType.of(TypeName.BIGINT)),
        column("name", ColumnType.varchar(20)));
    List<Object[]> rows = new ArrayList<>();
    for (long id = 0; id < 100_000; id++) {
      rows.add(new Object[] {id, "n" + (id % 97)});
    }
    writeParquet(lake().store(), "s3://lake/sorted/part-0.parquet", columns, rows, 5_000);
    try (Connection connection = lake().connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create external schema if not exists pq from data catalog database "
          + "'pq' create external database if not exists");
      statement.execute("create external table pq.sorted (id bigint, name varchar(20)) "
          + "stored as parquet location 's3://lake/sorted/'");
      assertThat(single(statement,
          "select count(*), min(id), max(id) from pq.sorted where id between 50000 and 50100"))
          .isEqualTo("101,50000,50100");
      long[] counts = summary(statement);
      assertThat(counts[4]).as("row groups read").isEqualTo(1);
      assertThat(counts[5]).as("row groups skipped").isEqualTo(19);
      List<String> plan = new ArrayList<>();
      try (ResultSet lines = statement.executeQuery("explain analyze select count(*) "
          + "from pq.sorted where id between 50000 and 50100")) {
        while (lines.next()) {
          plan.add(lines.getString(1));
        }
      }
      // The reader filters exactly: no BasaltFilter above the scan, which returns only the
      // 101 matching rows while it decodes the whole surviving row group (5,000 rows).
      assertThat(plan).noneSatisfy(line -> assertThat(line).contains("BasaltFilter"));
      assertThat(plan).anySatisfy(line -> assertThat(line).contains("BasaltTableScan")
          .contains("(actual rows=101 ")
          .contains("[parquet: splits=1 files=1").contains("rows read=5000")
          .contains("blocks read=1 skipped=19"));
      assertThat(plan.get(plan.size() - 1)).matches("Execution time: [0-9.]+ ms, 1 rows");
    }
  }

  @Test
  void badParquetFilesAreNamedAndTheServerGoesOn() throws SQLException {
    List<ColumnDefinition> strings = List.of(column("id", ColumnType.varchar(10)));
    writeParquet(lake().store(), "s3://lake/mismatch/part-0.parquet", strings,
        List.<Object[]>of(new Object[] {"x"}), 0);
    lake().store().write(ObjectUri.parse("s3://lake/truncated/part-0.parquet"),
        "PAR1 this is not really parquet".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try (Connection connection = lake().connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create external schema if not exists pq from data catalog database "
          + "'pq' create external database if not exists");
      statement.execute("create external table pq.mismatch (id bigint) stored as parquet "
          + "location 's3://lake/mismatch/'");
      statement.execute("create external table pq.truncated (id bigint) stored as parquet "
          + "location 's3://lake/truncated/'");
      assertThatThrownBy(() -> statement.executeQuery("select * from pq.mismatch").next())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("s3://lake/mismatch/part-0.parquet")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42804"));
      assertThatThrownBy(() -> statement.executeQuery("select * from pq.truncated").next())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("s3://lake/truncated/part-0.parquet")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22P04"));
      assertThat(single(statement, "select 1 + 1")).isEqualTo("2");
    }
  }
}
