package io.basalt.storage.format;

import static io.basalt.storage.format.FormatFixtures.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.ValueRange;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectUri;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet files written by DuckDB, read through the object store. */
class TestParquetInterop {
  @TempDir
  Path directory;
  private FolderObjectStore store;

  @BeforeEach
  void open() {
    store = FormatFixtures.store(directory);
  }

  private ObjectInfo duckdb(String name, String query, String options) throws SQLException {
    Path target = directory.resolve("b").resolve(name);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("COPY (" + query + ") TO '" + target + "' (FORMAT PARQUET" + options
          + ")");
    }
    return FormatFixtures.info(store, ObjectUri.parse("s3://b/" + name));
  }

  private static final String LINEITEM_LIKE = "SELECT i::BIGINT AS orderkey,"
      + " (i % 7)::INTEGER AS linenumber,"
      + " CASE WHEN i % 10 = 0 THEN NULL ELSE (i * 1.25)::DECIMAL(15,2) END AS extendedprice,"
      + " (i % 11 / 100.0)::DECIMAL(4,2) AS discount,"
      + " (i * 3)::DECIMAL(38,4) AS wide,"
      + " DATE '1992-01-01' + (i % 2500)::INTEGER AS shipdate,"
      + " TIMESTAMP '2024-01-01 00:00:00' + to_microseconds(i * 1001) AS at,"
      + " TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_milliseconds(i) AS at_tz,"
      + " CASE WHEN i % 3 = 0 THEN 'AIR' WHEN i % 3 = 1 THEN 'MAIL' ELSE 'SHIP' END"
      + " AS shipmode,"
      + " 'comment ' || i AS Comment,"
      + " i % 2 = 0 AS flag,"
      + " (i / 4.0)::DOUBLE AS ratio, (i / 8.0)::REAL AS r,"
      + " (i % 100)::SMALLINT AS small, (i % 100)::TINYINT AS tiny"
      + " FROM range(0, 50000) t(i)";

  private static final List<ColumnDefinition> TABLE = List.of(
      column("orderkey", ColumnType.of(TypeName.BIGINT)),
      column("linenumber", ColumnType.of(TypeName.INTEGER)),
      column("extendedprice", ColumnType.decimal(15, 2)),
      column("discount", ColumnType.decimal(4, 2)),
      column("wide", ColumnType.decimal(38, 4)),
      column("shipdate", ColumnType.of(TypeName.DATE)),
      column("at", ColumnType.of(TypeName.TIMESTAMP)),
      column("at_tz", ColumnType.of(TypeName.TIMESTAMPTZ)),
      column("shipmode", ColumnType.character(10)),
      column("comment", ColumnType.varchar(44)),
      column("flag", ColumnType.of(TypeName.BOOLEAN)),
      column("ratio", ColumnType.of(TypeName.DOUBLE)),
      column("r", ColumnType.of(TypeName.REAL)),
      column("small", ColumnType.of(TypeName.SMALLINT)),
      column("tiny", ColumnType.of(TypeName.SMALLINT)));

  @Test
  void readsAFileDuckDbWrote() throws SQLException {
    ObjectInfo file = duckdb("lineitem.parquet", LINEITEM_LIKE, ", ROW_GROUP_SIZE 10000");
    List<List<Object>> rows = FormatFixtures.readAll(store, file, TABLE,
        FormatOptions.parquet());
    assertThat(rows).hasSize(50_000);
    long at = LocalDateTime.of(2024, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    int day = (int) LocalDate.of(1992, 1, 1).toEpochDay();
    assertThat(rows.get(0)).containsExactly(0L, 0, null, new BigDecimal("0.00"),
        new BigDecimal("0.0000"), day, at, at, "AIR", "comment 0", true, 0.0, 0.0f, (short) 0,
        (short) 0);
    assertThat(rows.get(12_345)).containsExactly(12_345L, 12_345 % 7,
        new BigDecimal("15431.25"), new BigDecimal("0.03"), new BigDecimal("37035.0000"),
        day + 12_345 % 2500, at + 12_345L * 1001 / 1000, at + 12_345L, "AIR", "comment 12345",
        false, 12_345 / 4.0, 12_345 / 8.0f, (short) 45, (short) 45);
  }

  @Test
  void statisticsOfDuckDbFilesSkipRowGroups() throws SQLException {
    ObjectInfo file = duckdb("sorted.parquet", LINEITEM_LIKE, ", ROW_GROUP_SIZE 10000");
    ScanCounters counters = new ScanCounters();
    FileReadRequest request = new FileReadRequest(TABLE, new int[] {0, 5},
        List.of(new ColumnPredicate(0, List.of(ValueRange.point(31_000L)), false),
            new ColumnPredicate(5, List.of(new ValueRange(0, false, null, false)), false)),
        FormatOptions.parquet(), () -> false, counters, 8192);
    List<List<Object>> rows = FormatFixtures.readAll(store, file, request, 1 << 20);
    assertThat(rows).anyMatch(row -> row.get(0).equals(31_000L));
    assertThat(counters.snapshot().rowGroupsSkipped()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void widensAndRescalesIntoTheTableType() throws SQLException {
    ObjectInfo file = duckdb("narrow.parquet", "SELECT i::INTEGER AS n, (i / 4.0)::DECIMAL(6,2)"
        + " AS d, (TIMESTAMP '1969-12-31 23:59:59' + to_microseconds(i * 1001))::TIMESTAMP_NS"
        + " AS ns FROM range(0, 10) t(i)", "");
    List<ColumnDefinition> table = List.of(column("n", ColumnType.of(TypeName.BIGINT)),
        column("d", ColumnType.decimal(20, 4)), column("ns", ColumnType.of(TypeName.TIMESTAMP)),
        column("N2", ColumnType.of(TypeName.DOUBLE)));
    List<List<Object>> rows = FormatFixtures.readAll(store, file, table, FormatOptions.parquet());
    assertThat(rows.get(9)).containsExactly(9L, new BigDecimal("2.2500"), -1000L + 9, null);
    List<ColumnDefinition> rounded = List.of(column("d", ColumnType.decimal(5, 1)),
        column("n", ColumnType.of(TypeName.DOUBLE)));
    assertThat(FormatFixtures.readAll(store, file, rounded, FormatOptions.parquet()).get(9))
        .containsExactly(new BigDecimal("2.3"), 9.0);
  }

  @Test
  void aStringInTheFileCannotBeReadAsBigint() throws SQLException {
    ObjectInfo file = duckdb("strings.parquet", "SELECT 'x' || i AS x FROM range(0, 3) t(i)",
        "");
    List<ColumnDefinition> table = List.of(column("X", ColumnType.of(TypeName.BIGINT)));
    assertThatThrownBy(() -> FormatFixtures.readAll(store, file, table, FormatOptions.parquet()))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("42804"))
        .hasMessage("Cannot read 's3://b/strings.parquet': column 'X' is BINARY (STRING) in the"
            + " file but BIGINT in the table");
  }

  @Test
  void valuesBeyondTheTableTypeAreOutOfRange() throws SQLException {
    ObjectInfo file = duckdb("big.parquet", "SELECT (i * 100000)::INTEGER AS n FROM"
        + " range(0, 3) t(i)", "");
    List<ColumnDefinition> table = List.of(column("n", ColumnType.of(TypeName.SMALLINT)));
    assertThatThrownBy(() -> FormatFixtures.readAll(store, file, table, FormatOptions.parquet()))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22003"))
        .hasMessage("Cannot read 's3://b/big.parquet' row group 0: value 100000 is out of range"
            + " for SMALLINT in column 'n'");
  }

  @Test
  void nestedColumnsCannotBeReadAsScalars() throws SQLException {
    ObjectInfo file = duckdb("nested.parquet", "SELECT [i, i] AS l, {'a': i} AS s, i AS n"
        + " FROM range(0, 3) t(i)", "");
    List<ColumnDefinition> table = List.of(column("l", ColumnType.varchar(10)));
    assertThatThrownBy(() -> FormatFixtures.readAll(store, file, table, FormatOptions.parquet()))
        .hasMessage("Cannot read 's3://b/nested.parquet': column 'l' is a group (LIST) in the"
            + " file but VARCHAR(10) in the table");
    assertThat(FileSchemas.infer(store, file, FormatOptions.parquet()))
        .containsExactly(column("n", ColumnType.of(TypeName.BIGINT)));
  }
}
