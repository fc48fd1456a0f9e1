package io.basalt.ingest;

import static io.basalt.ingest.CopyFixture.column;
import static io.basalt.ingest.CopyFixture.notNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.distribution.SliceMap;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.DistStyle;
import io.basalt.storage.RowBatch;
import io.basalt.storage.ScanRequest;
import io.basalt.storage.SortKeyKind;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableSnapshot;
import io.basalt.storage.TypeName;
import io.basalt.storage.format.ParquetWriteOptions;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY ... FORMAT AS PARQUET through storage.format's reader. */
class TestCopyParquet {
  private static final Map<String, String> PARQUET = Map.of("FORMAT", "PARQUET");
  private static final ParquetWriteOptions SMALL_ROW_GROUPS = ParquetWriteOptions.defaults()
      .withRowGroupRows(3000);

  /** A column of every type, in the table's order. */
  private static final List<ColumnDefinition> EVERY_TYPE = List.of(
      notNull("id", ColumnType.of(TypeName.BIGINT)),
      column("small", ColumnType.of(TypeName.SMALLINT)),
      column("n", ColumnType.of(TypeName.INTEGER)),
      column("price", ColumnType.decimal(12, 2)),
      column("wide", ColumnType.decimal(38, 6)),
      column("r", ColumnType.of(TypeName.REAL)),
      column("d", ColumnType.of(TypeName.DOUBLE)),
      column("ok", ColumnType.of(TypeName.BOOLEAN)),
      column("code", ColumnType.character(3)),
      column("name", ColumnType.varchar(20)),
      column("day", ColumnType.of(TypeName.DATE)),
      column("at", ColumnType.of(TypeName.TIMESTAMP)),
      column("at_tz", ColumnType.of(TypeName.TIMESTAMPTZ)));

  private static final List<ColumnDefinition> ITEMS = List.of(
      notNull("id", ColumnType.of(TypeName.BIGINT)),
      column("name", ColumnType.varchar(5)),
      column("price", ColumnType.decimal(8, 2)));

  private static final long AT = LocalDateTime.of(2024, 1, 1, 0, 0).toInstant(ZoneOffset.UTC)
      .toEpochMilli();
  private static final int DAY = (int) LocalDate.of(1992, 1, 1).toEpochDay();

  @TempDir
  Path directory;
  private CopyFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CopyFixture(directory);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  /** Row {@code i} of the file the first test writes, in table order; every 7th has NULLs. */
  private static List<Object> everyTypeRow(long i) {
    if (i % 7 == 3) {
      return Arrays.asList(i, null, null, null, null, null, null, null, null, null, null, null,
          null);
    }
    return Arrays.asList(i, (short) (i % 1000), (int) (i * 3), BigDecimal.valueOf(i * 25, 2),
        new BigDecimal(i + "123456789012345678901234567.000001"), i / 8.0f, i / 4.0,
        i % 2 == 0, "c" + i % 10, "name " + i, (int) (DAY + i), AT + i * 1001, AT - i);
  }

  @Test
  void loadsAFileOfParquetFileWriterMatchingColumnsByName() {
    // The file's fields are in another order, spelled in another case, plus one the table lacks.
    int[] order = {9, 0, 12, 3, 1, 4, 5, 11, 2, 6, 7, 8, 10};
    List<ColumnDefinition> fileColumns = new ArrayList<>();
    for (int column : order) {
      ColumnDefinition definition = EVERY_TYPE.get(column);
      String name = column % 2 == 0 ? definition.name().toUpperCase() : definition.name();
      fileColumns.add(new ColumnDefinition(name, definition.type(), true, null));
    }
    fileColumns.add(column("extra", ColumnType.varchar(5)));
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < 10_000; i++) {
      List<Object> row = everyTypeRow(i);
      Object[] fileRow = new Object[order.length + 1];
      for (int c = 0; c < order.length; c++) {
        fileRow[c] = row.get(order[c]);
      }
      fileRow[order.length] = "x";
      rows.add(fileRow);
    }
    fixture.parquet("s3://bucket/every/part-0.parquet", fileColumns, SMALL_ROW_GROUPS, rows);
    fixture.createTable("every", EVERY_TYPE);
    AtomicInteger progress = new AtomicInteger();
    CopyResult result = fixture.ingest.copy(new CopyCommand("public", "every", List.of(),
        "s3://bucket/every/", PARQUET), 42, () -> false,
        (file, rowsSoFar) -> progress.incrementAndGet());
    assertThat(result).isEqualTo(new CopyResult(10_000, 0,
        List.of("s3://bucket/every/part-0.parquet")));
    assertThat(progress.get()).isGreaterThanOrEqualTo(2);
    List<List<Object>> loaded = fixture.rows("every");
    assertThat(loaded).hasSize(10_000);
    for (long i : new long[] {0, 3, 2999, 3000, 9999}) {
      assertThat(loaded.get((int) i)).containsExactlyElementsOf(everyTypeRow(i));
    }
  }

  @Test
  void loadsAFileDuckDbWroteWithEveryType() throws SQLException, IOException {
    String file = fixture.duckdb("duck.parquet", "SELECT i::BIGINT AS ID,"
        + " (i % 100)::TINYINT AS tiny, (i % 1000)::SMALLINT AS small, (i * 3)::INTEGER AS n,"
        + " CASE WHEN i % 10 = 0 THEN NULL ELSE (i * 1.25)::DECIMAL(15,2) END AS Price,"
        + " (i * 3)::DECIMAL(38,4) AS wide, (i / 8.0)::REAL AS r, (i / 4.0)::DOUBLE AS d,"
        + " i % 2 = 0 AS ok, CASE WHEN i % 3 = 0 THEN 'AIR' ELSE 'SEA' END AS code,"
        + " 'comment ' || i AS name, DATE '1992-01-01' + (i % 2500)::INTEGER AS day,"
        + " TIMESTAMP '2024-01-01 00:00:00' + to_microseconds(i * 1001) AS at,"
        + " TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_milliseconds(i) AS at_tz"
        + " FROM range(0, 20000) t(i)");
    fixture.createTable("duck", List.of(
        notNull("id", ColumnType.of(TypeName.BIGINT)),
        column("tiny", ColumnType.of(TypeName.SMALLINT)),
        column("small", ColumnType.of(TypeName.SMALLINT)),
        column("n", ColumnType.of(TypeName.INTEGER)),
        column("price", ColumnType.decimal(15, 2)),
        column("wide", ColumnType.decimal(38, 4)),
        column("r", ColumnType.of(TypeName.REAL)),
        column("d", ColumnType.of(TypeName.DOUBLE)),
        column("ok", ColumnType.of(TypeName.BOOLEAN)),
        column("code", ColumnType.character(3)),
        column("name", ColumnType.varchar(20)),
        column("day", ColumnType.of(TypeName.DATE)),
        column("at", ColumnType.of(TypeName.TIMESTAMP)),
        column("at_tz", ColumnType.of(TypeName.TIMESTAMPTZ))));
    assertThat(fixture.copy("duck", file, PARQUET).rowsLoaded()).isEqualTo(20_000);
    List<List<Object>> rows = fixture.rows("duck");
    assertThat(rows).hasSize(20_000);
    assertThat(rows.get(0)).containsExactly(0L, (short) 0, (short) 0, 0, null,
        new BigDecimal("0.0000"), 0.0f, 0.0, true, "AIR", "comment 0", DAY, AT, AT);
    assertThat(rows.get(12_345)).containsExactly(12_345L, (short) 45, (short) 345, 37_035,
        new BigDecimal("15431.25"), new BigDecimal("37035.0000"), 12_345 / 8.0f, 12_345 / 4.0,
        false, "AIR", "comment 12345", DAY + 12_345 % 2500, AT + 12_345L * 1001 / 1000,
        AT + 12_345L);
  }

  @Test
  void aColumnOfAnotherTypeFailsNamingTheFileAndLoadsNothing() throws SQLException,
      IOException {
    fixture.createTable("items", ITEMS);
    fixture.duckdb("mixed/a.parquet", "SELECT 1::BIGINT AS id, 'a' AS name, 1.5 AS price");
    fixture.duckdb("mixed/b.parquet", "SELECT 'x' AS id, 'b' AS name, 1.5 AS price");
    assertFails(() -> fixture.copy("items", "s3://bucket/mixed/", PARQUET), "42804",
        "Cannot COPY into \"public.items\": cannot read 's3://bucket/mixed/b.parquet': column"
            + " 'id' is BINARY (STRING) in the file but BIGINT in the table");
    assertThat(fixture.rows("items")).isEmpty();
  }

  @Test
  void aColumnTheFileLacksFailsUnlessFillRecord() throws SQLException, IOException {
    fixture.createTable("items", ITEMS);
    String file = fixture.duckdb("short.parquet",
        "SELECT i::BIGINT AS id, 'n' || i AS NAME FROM range(0, 3) t(i)");
    assertFails(() -> fixture.copy("items", file, PARQUET), "22P04",
        "Cannot COPY into \"public.items\": 's3://bucket/short.parquet' has no column \"price\""
            + " (Parquet columns are matched by name, ignoring case; FILLRECORD loads the"
            + " missing ones as NULL)");
    assertThat(fixture.copy("items", file, Map.of("FORMAT", "PARQUET", "FILLRECORD", ""))
        .rowsLoaded()).isEqualTo(3);
    assertThat(fixture.rows("items")).containsExactly(Arrays.asList(0L, "n0", null),
        Arrays.asList(1L, "n1", null), Arrays.asList(2L, "n2", null));
    // A NOT NULL column the file lacks is NULL in every row, which fails the first.
    String names = fixture.duckdb("names.parquet", "SELECT 'a' AS name");
    assertFails(() -> fixture.copy("items", names, Map.of("FORMAT", "PARQUET", "FILLRECORD",
        "")), "23502", "Cannot load into \"public.items\": row 1 of s3://bucket/names.parquet,"
            + " column \"id\": Missing data for not-null field \u2014 see STL_LOAD_ERRORS for"
            + " details");
  }

  @Test
  void aColumnListLoadsTheListedColumnsByName() throws SQLException, IOException {
    fixture.createTable("items", ITEMS);
    String file = fixture.duckdb("list.parquet",
        "SELECT 2.5 AS price, i::INTEGER AS id, 'n' || i AS name FROM range(0, 2) t(i)");
    fixture.copy("items", List.of("price", "ID"), file, PARQUET);
    assertThat(fixture.rows("items")).containsExactly(
        Arrays.asList(0L, null, new BigDecimal("2.50")),
        Arrays.asList(1L, null, new BigDecimal("2.50")));
  }

  @Test
  void aTruncatedOrCorruptFileFailsNamingItAndLoadsNothing() {
    fixture.createTable("items", ITEMS);
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < 20_000; i++) {
      rows.add(new Object[] {i, "n" + i % 100, BigDecimal.valueOf(i, 2)});
    }
    ParquetWriteOptions uncompressed = SMALL_ROW_GROUPS
        .withCodec(ParquetWriteOptions.Codec.UNCOMPRESSED);
    fixture.parquet("s3://bucket/t/a.parquet", ITEMS, uncompressed, rows);
    fixture.parquet("s3://bucket/t/b.parquet", ITEMS, uncompressed, rows);
    byte[] whole = fixture.read("s3://bucket/t/b.parquet");
    fixture.store.write(ObjectUri.parse("s3://bucket/t/b.parquet"),
        Arrays.copyOf(whole, whole.length / 2));
    assertFails(() -> fixture.copy("items", "s3://bucket/t/", PARQUET), "22P04",
        "Cannot COPY into \"public.items\": cannot read 's3://bucket/t/b.parquet': not a Parquet"
            + " file (no PAR1 magic at its end)");
    assertThat(fixture.rows("items")).isEmpty();
    // Bytes spoiled in the last row group fail its page checksums after the others loaded.
    byte[] corrupt = whole.clone();
    int at = (int) (whole.length * 0.8);
    for (int i = 0; i < 64; i++) {
      corrupt[at + i] ^= (byte) 0x5a;
    }
    fixture.store.write(ObjectUri.parse("s3://bucket/t/b.parquet"),
        corrupt);
    assertThatThrownBy(() -> fixture.copy("items", "s3://bucket/t/", PARQUET))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22P04"))
        .hasMessageStartingWith("Cannot COPY into \"public.items\": cannot read"
            + " 's3://bucket/t/b.parquet': corrupt Parquet data in row group ");
    assertThat(fixture.rows("items")).isEmpty();
  }

  @Test
  void aStringTooLongFailsWithItsRowAndIsLogged() {
    fixture.createTable("items", ITEMS);
    fixture.parquet("s3://bucket/long.parquet", List.of(column("id",
        ColumnType.of(TypeName.BIGINT)), column("name", ColumnType.varchar(50)),
        column("price", ColumnType.decimal(8, 2))), ParquetWriteOptions.defaults(),
        List.of(new Object[] {1L, "ok", null}, new Object[] {2L, "héllo", null},
            new Object[] {3L, "toolong", null}));
    assertFails(() -> fixture.copy("items", "s3://bucket/long.parquet", PARQUET), "22001",
        "Cannot load into \"public.items\": row 2 of s3://bucket/long.parquet, column \"name\":"
            + " String length exceeds DDL length \u2014 see STL_LOAD_ERRORS for details");
    assertThat(fixture.rows("items")).isEmpty();
    assertThat(fixture.loadErrors()).singleElement().satisfies(error -> {
      assertThat(error.get(6)).isEqualTo("s3://bucket/long.parquet");
      assertThat(error.subList(7, 12)).containsExactly(2L, "name", "varchar", "5", 0);
      assertThat(error.subList(13, 16)).containsExactly("héllo", 1204,
          "String length exceeds DDL length");
    });
  }

  @Test
  void invalidUtf8IsRejectedUnlessAcceptInvChars() throws SQLException, IOException {
    fixture.createTable("items", ITEMS);
    String file = fixture.duckdb("blob.parquet",
        "SELECT 1::BIGINT AS id, 'a\\xFF'::BLOB AS name, 1.5 AS price");
    assertFails(() -> fixture.copy("items", file, PARQUET), "22021",
        "Cannot load into \"public.items\": row 1 of s3://bucket/blob.parquet, column \"name\":"
            + " String contains invalid UTF-8 (use ACCEPTINVCHARS to replace it) \u2014 see"
            + " STL_LOAD_ERRORS for details");
    fixture.copy("items", file, Map.of("FORMAT", "PARQUET", "ACCEPTINVCHARS", "?"));
    assertThat(fixture.rows("items")).containsExactly(
        List.of(1L, "a?", new BigDecimal("1.50")));
  }

  @Test
  void optionsThatDoNotApplyToParquetAreRefused() {
    fixture.createTable("items", ITEMS);
    assertFails(() -> fixture.copy("items", "s3://bucket/x", Map.of("FORMAT", "PARQUET",
        "DELIMITER", ",")), "0A000", "Cannot COPY into \"public.items\": DELIMITER argument is"
            + " not supported for PARQUET based COPY");
    assertFails(() -> fixture.copy("items", "s3://bucket/x", Map.of("FORMAT", "PARQUET",
        "MAXERROR", "10")), "0A000", "Cannot COPY into \"public.items\": MAXERROR argument is"
            + " not supported for PARQUET based COPY");
    assertFails(() -> fixture.copy("items", "s3://bucket/x", Map.of("FORMAT", "PARQUET",
        "NULL", "\\N")), "0A000", "Cannot COPY into \"public.items\": NULL AS argument is not"
            + " supported for PARQUET based COPY");
    for (String option : new String[] {"GZIP", "IGNOREHEADER", "DATEFORMAT", "REGION",
        "TRUNCATECOLUMNS", "EMPTYASNULL", "ACCEPTANYDATE"}) {
      assertThatThrownBy(() -> fixture.copy("items", "s3://bucket/x", Map.of("FORMAT",
          "PARQUET", option, "1")))
          .hasMessageContaining(option + " argument is not supported for PARQUET based COPY");
    }
    // Those Redshift accepts pass the options and reach the missing source.
    assertFails(() -> fixture.copy("items", "s3://bucket/x", Map.of("FORMAT", "PARQUET",
        "IAM_ROLE", "arn:aws:iam::0:role/r", "STATUPDATE", "OFF", "FILLRECORD", "",
        "ACCEPTINVCHARS", "")), "58P01",
        "Cannot COPY into \"public.items\": no files found at 's3://bucket/x'");
  }

  @Test
  void loadsThroughAManifest() throws SQLException, IOException {
    fixture.createTable("items", ITEMS);
    fixture.duckdb("m/one.parquet", "SELECT 1::BIGINT AS id");
    fixture.duckdb("m/two.parquet", "SELECT 2::BIGINT AS id");
    String manifest = fixture.write("load.manifest", """
        {"entries": [{"url": "s3://bucket/m/two.parquet", "mandatory": true},
                     {"url": "s3://bucket/m/one.parquet", "mandatory": true}]}""");
    CopyResult result = fixture.copy("items", List.of("id"), manifest,
        Map.of("FORMAT", "PARQUET", "MANIFEST", ""));
    assertThat(result).isEqualTo(new CopyResult(2, 0,
        List.of("s3://bucket/m/two.parquet", "s3://bucket/m/one.parquet")));
  }

  @Test
  void keyDistributedRowsGoToTheirKeysSlice() throws SQLException, IOException {
    fixture.engine.createTable(new TableDefinition(0, "public", "keyed", ITEMS, DistStyle.KEY,
        "name", SortKeyKind.COMPOUND, List.of("id"), false), false);
    String file = fixture.duckdb("keyed.parquet", "SELECT i AS id, 'k' || (i % 7) AS name,"
        + " 1.0 AS price FROM range(0, 300) t(i)");
    fixture.copy("keyed", file, PARQUET);
    TableSnapshot snapshot = fixture.engine.snapshot("public", "keyed");
    SliceMap slices = SliceMap.of(snapshot.definition(), CopyFixture.SLICES);
    int total = 0;
    for (int slice = 0; slice < CopyFixture.SLICES; slice++) {
      Iterator<RowBatch> batches = snapshot.scan(new ScanRequest(new int[] {1}, List.of(), slice,
          () -> false));
      while (batches.hasNext()) {
        RowBatch batch = batches.next();
        for (int row = 0; row < batch.rowCount(); row++) {
          assertThat(slices.sliceOfKey(batch.column(0).get(row))).isEqualTo(slice);
          total++;
        }
      }
    }
    assertThat(total).isEqualTo(300);
  }

  @Test
  void cancelStopsTheLoadWithoutCommitting() throws SQLException, IOException {
    fixture.createTable("items", ITEMS);
    String file = fixture.duckdb("big.parquet",
        "SELECT i AS id FROM range(0, 100000) t(i)");
    AtomicInteger polls = new AtomicInteger();
    assertFails(() -> fixture.ingest.copy(new CopyCommand("public", "items", List.of("id"),
        file, PARQUET), 1, () -> polls.incrementAndGet() > 3), "57014",
        "Cannot COPY into \"public.items\": canceling statement due to user request");
    assertThat(fixture.rows("items")).isEmpty();
  }

  private static void assertFails(ThrowingCallable copy, String sqlState, String message) {
    assertThatThrownBy(copy)
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo(sqlState))
        .hasMessage(message);
  }
}
