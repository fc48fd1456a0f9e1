package io.basalt.federation.lake;

import static io.basalt.federation.lake.CrawlFixture.assertFails;
import static io.basalt.federation.lake.LakeFiles.columns;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.federation.datacatalog.CatalogColumn;
import io.basalt.federation.datacatalog.CatalogPartition;
import io.basalt.federation.datacatalog.CatalogTable;
import io.basalt.storage.ColumnType;
import io.basalt.storage.TypeName;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CRAWL on a first run: grouping into tables, formats, partitions, options and errors. */
class TestCrawler {
  private static final ColumnType BIGINT = ColumnType.of(TypeName.BIGINT);
  private static final ColumnType INT = ColumnType.of(TypeName.INTEGER);
  private static final ColumnType TEXT = ColumnType.varchar(65535);

  @TempDir
  Path directory;
  private CrawlFixture lake;

  @BeforeEach
  void open() {
    lake = new CrawlFixture(directory);
  }

  @Test
  void eachFolderBelowThePrefixIsATable() {
    LakeFiles.parquet(lake.store, "s3://lake/raw/orders/part-0.parquet",
        columns("id", BIGINT, "amount", ColumnType.decimal(12, 2)),
        new Object[] {1L, new BigDecimal("1.50")}, new Object[] {2L, new BigDecimal("2.00")});
    LakeFiles.parquet(lake.store, "s3://lake/raw/orders/part-1.parquet",
        columns("id", INT, "amount", ColumnType.decimal(12, 2), "Note", TEXT),
        new Object[] {3, new BigDecimal("3.25"), "late"});
    LakeFiles.text(lake.store, "s3://lake/raw/orders/_SUCCESS", "");
    LakeFiles.text(lake.store, "s3://lake/raw/customers/customers.csv",
        "id,name,signup\n1,Ann,2024-01-05\n2,\"Bo, Jr\",2024-02-01\n");
    LakeFiles.text(lake.store, "s3://lake/raw/events/e1.json",
        "{\"id\": 1, \"kind\": \"click\", \"at\": \"2024-01-01 10:00:00\"}\n"
            + "{\"id\": 2, \"kind\": \"view\", \"at\": \"2024-01-01 10:05:00\", \"ok\": true}\n");
    LakeFiles.text(lake.store, "s3://lake/raw/_staging/x.csv", "not,a,table\n");
    LakeFiles.text(lake.store, "s3://lake/raw/.trash/y.json", "{\"a\": 1}\n");

    assertThat(lake.crawl("s3://lake/raw/", "Sales")).containsExactly(
        List.of("customers", "created", "csv", "s3://lake/raw/customers/", 3, 0),
        List.of("events", "created", "json", "s3://lake/raw/events/", 4, 0),
        List.of("orders", "created", "parquet", "s3://lake/raw/orders/", 3, 0));

    assertThat(lake.catalog.database("sales").orElseThrow().locationUri())
        .isEqualTo("s3://lake/raw/");
    CatalogTable orders = lake.table("sales", "orders");
    assertThat(orders.columns()).containsExactly(CatalogColumn.of("id", "bigint"),
        CatalogColumn.of("amount", "decimal(12,2)"), CatalogColumn.of("note", "string"));
    assertThat(orders.partitionKeys()).isEmpty();
    assertThat(orders.format()).isEqualTo("PARQUET");
    assertThat(orders.serde()).isEqualTo(TableInference.PARQUET_SERDE);
    assertThat(orders.parameters()).containsExactlyInAnyOrderEntriesOf(
        Map.of("classification", "parquet", "numRows", "3"));

    CatalogTable customers = lake.table("sales", "customers");
    assertThat(customers.columns()).containsExactly(CatalogColumn.of("id", "bigint"),
        CatalogColumn.of("name", "string"), CatalogColumn.of("signup", "date"));
    assertThat(customers.format()).isEqualTo("TEXTFILE");
    assertThat(customers.serde()).isEqualTo(LakeTables.OPEN_CSV_SERDE);
    assertThat(customers.serdeParameters()).containsExactlyInAnyOrderEntriesOf(
        Map.of("separatorChar", ",", "quoteChar", "\""));
    assertThat(customers.parameters()).containsExactlyInAnyOrderEntriesOf(
        Map.of("classification", "csv", "skip.header.line.count", "1"));

    CatalogTable events = lake.table("sales", "events");
    assertThat(events.columns()).containsExactly(CatalogColumn.of("id", "bigint"),
        CatalogColumn.of("kind", "string"), CatalogColumn.of("at", "timestamp"),
        CatalogColumn.of("ok", "boolean"));
    assertThat(events.format()).isEqualTo("JSON");
    assertThat(events.serde()).isEqualTo(LakeTables.OPENX_JSON_SERDE);
    assertThat(events.parameters()).containsEntry("classification", "json")
        .doesNotContainKey("numRows");
  }

  @Test
  void aPrefixOfPartitionFoldersIsOnePartitionedTable() {
    for (String partition : List.of("year=2024/month=01", "year=2024/month=02",
        "year=2025/month=01")) {
      LakeFiles.parquet(lake.store, "s3://lake/events/" + partition + "/data_0.parquet",
          columns("id", BIGINT, "year", BIGINT), new Object[] {1L, 1999L},
          new Object[] {2L, 1999L});
    }

    assertThat(lake.crawl("s3://lake/events", "lake")).containsExactly(
        List.of("events", "created", "parquet", "s3://lake/events/", 1, 3));
    CatalogTable events = lake.table("lake", "events");
    // The folders hold the partition key's values; the file's own column of that name is left out.
    assertThat(events.columns()).containsExactly(CatalogColumn.of("id", "bigint"));
    assertThat(events.partitionKeys()).containsExactly(CatalogColumn.of("year", "int"),
        CatalogColumn.of("month", "int"));
    assertThat(events.parameters()).containsEntry("numRows", "6");
    assertThat(lake.catalog.partitions("lake", "events"))
        .extracting(CatalogPartition::values, CatalogPartition::location)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(List.of("2024", "1"),
                "s3://lake/events/year=2024/month=01/"),
            org.assertj.core.groups.Tuple.tuple(List.of("2024", "2"),
                "s3://lake/events/year=2024/month=02/"),
            org.assertj.core.groups.Tuple.tuple(List.of("2025", "1"),
                "s3://lake/events/year=2025/month=01/"));
  }

  @Test
  void filesDirectlyUnderThePrefixAreATableNamedAfterIt() {
    LakeFiles.gzip(lake.store, "s3://lake/Daily-Sales/a.txt.gz", "1|north\n2|south\n");
    LakeFiles.gzip(lake.store, "s3://lake/Daily-Sales/b.txt.gz", "3|east\n");

    assertThat(lake.crawl("s3://lake/Daily-Sales/", "lake")).containsExactly(
        List.of("daily_sales", "created", "csv", "s3://lake/Daily-Sales/", 2, 0));
    CatalogTable table = lake.table("lake", "daily_sales");
    assertThat(table.columns()).containsExactly(CatalogColumn.of("col0", "bigint"),
        CatalogColumn.of("col1", "string"));
    assertThat(table.serde()).isEqualTo(LakeTables.LAZY_SIMPLE_SERDE);
    assertThat(table.serdeParameters()).containsEntry("field.delim", "|");
    assertThat(table.parameters()).containsExactlyInAnyOrderEntriesOf(
        Map.of("classification", "csv", "compression_type", "gzip"));
  }

  @Test
  void fileUrisAreCrawledToo() {
    String folder = "file://" + directory.resolve("local").toAbsolutePath() + "/";
    LakeFiles.text(lake.store, folder + "trips/day=2025-01-01/t.csv", "id,km\n1,2.5\n");
    assertThat(lake.crawl(folder, "lake")).containsExactly(
        List.of("trips", "created", "csv", folder + "trips/", 2, 1));
    assertThat(lake.table("lake", "trips").partitionKeys())
        .containsExactly(CatalogColumn.of("day", "date"));
  }

  @Test
  void excludedKeysAreLeftOutAndTheTablePrefixIsPrepended() {
    LakeFiles.parquet(lake.store, "s3://lake/raw/orders/a.parquet", columns("id", BIGINT),
        new Object[] {1L});
    LakeFiles.text(lake.store, "s3://lake/raw/orders/copy.tmp", "scratch");
    LakeFiles.text(lake.store, "s3://lake/raw/staging/x.csv", "a,b\n1,2\n");

    assertThat(lake.crawl("s3://lake/raw/", "lake",
        Map.of("exclude", "**/*.tmp, staging", "table_prefix", "raw_"))).containsExactly(
        List.of("raw_orders", "created", "parquet", "s3://lake/raw/orders/", 1, 0));
    assertThat(lake.catalog.tables("lake")).extracting(CatalogTable::name)
        .containsExactly("raw_orders");
  }

  @Test
  void theSampleTakesTheNewestFilesOfEachPartitionFirst() {
    // The older file is not Parquet at all: a sample of one never reads it.
    LakeFiles.text(lake.store, "s3://lake/t/year=2024/a.parquet", "not parquet");
    lake.touch("s3://lake/t/year=2024/a.parquet", 1_000_000);
    LakeFiles.parquet(lake.store, "s3://lake/t/year=2025/b.parquet",
        columns("id", BIGINT, "extra", TEXT), new Object[] {1L, "x"});
    lake.touch("s3://lake/t/year=2025/b.parquet", 2_000_000);

    assertThat(lake.crawl("s3://lake/t/", "lake", Map.of("sample_size", "1"))).containsExactly(
        List.of("t", "created", "parquet", "s3://lake/t/", 2, 2));
    lake.catalog.dropTable("lake", "t", false);
    assertFails(() -> lake.crawl("s3://lake/t/", "lake", Map.of("sample_size", "2")), "22P04",
        "Cannot read 's3://lake/t/year=2024/a.parquet': not a Parquet file (11 bytes is too "
            + "short)");
  }

  @Test
  void aMissingBucketOrAnEmptyPrefixIsAnError() {
    assertFails(() -> lake.crawl("s3://nowhere/data/", "lake"), "58P01",
        "Cannot crawl 's3://nowhere/data/': bucket 'nowhere' does not exist");
    assertFails(() -> lake.crawl("s3://lake/missing/", "lake"), "58P01",
        "Cannot crawl 's3://lake/missing/': there are no files under it");
    LakeFiles.text(lake.store, "s3://lake/hidden/_SUCCESS", "");
    LakeFiles.text(lake.store, "s3://lake/hidden/t/.part.crc", "x");
    assertFails(() -> lake.crawl("s3://lake/hidden/", "lake"), "58P01",
        "Cannot crawl 's3://lake/hidden/': there are no data files under it (2 hidden, "
            + "excluded or folder markers)");
    LakeFiles.text(lake.store, "s3://lake/empty/t/a.csv", "");
    assertFails(() -> lake.crawl("s3://lake/empty/", "lake"), "58P01",
        "Cannot crawl 's3://lake/empty/': every data file under it is empty");
    assertThat(lake.catalog.databases()).isEmpty();
  }

  @Test
  void anUnreadableFileFailsTheCrawlBeforeTheCatalogChanges() {
    LakeFiles.parquet(lake.store, "s3://lake/raw/a/a.parquet", columns("id", BIGINT),
        new Object[] {1L});
    LakeFiles.text(lake.store, "s3://lake/raw/b/b.parquet", "PAR1 but then nothing useful PAR1");

    assertFails(() -> lake.crawl("s3://lake/raw/", "lake"), "22P04",
        "Cannot read 's3://lake/raw/b/b.parquet': not a Parquet file (its footer length "
            + "543978854 does not fit in its 33 bytes)");
    assertThat(lake.catalog.databases()).isEmpty();
  }

  @Test
  void filesThatDoNotMakeOneTableAreAnError() {
    LakeFiles.parquet(lake.store, "s3://lake/mixed/t/a.parquet", columns("id", BIGINT),
        new Object[] {1L});
    LakeFiles.text(lake.store, "s3://lake/mixed/t/b.csv", "id\n1\n");
    assertFails(() -> lake.crawl("s3://lake/mixed/", "lake"), "42804",
        "Cannot crawl table at 's3://lake/mixed/t/': its files are of different formats "
            + "(Parquet 's3://lake/mixed/t/a.parquet', text 's3://lake/mixed/t/b.csv'); leave "
            + "some out with exclude");

    LakeFiles.parquet(lake.store, "s3://lake/types/t/a.parquet", columns("id", BIGINT),
        new Object[] {1L});
    LakeFiles.parquet(lake.store, "s3://lake/types/t/b.parquet", columns("id", TEXT),
        new Object[] {"x"});
    assertFails(() -> lake.crawl("s3://lake/types/", "lake"), "42804",
        "Cannot crawl table at 's3://lake/types/t/': column 'id' is bigint in "
            + "'s3://lake/types/t/a.parquet' but character varying(65535) in "
            + "'s3://lake/types/t/b.parquet'");

    LakeFiles.text(lake.store, "s3://lake/delims/t/a.csv", "1,2\n3,4\n");
    LakeFiles.text(lake.store, "s3://lake/delims/t/b.csv", "1|2\n3|4\n");
    assertFails(() -> lake.crawl("s3://lake/delims/", "lake"), "42804",
        "Cannot crawl table at 's3://lake/delims/t/': its text files use different delimiters "
            + "(',' in 's3://lake/delims/t/a.csv', '|' in 's3://lake/delims/t/b.csv')");
    assertThat(lake.catalog.databases()).isEmpty();
  }

  @Test
  void filesBesideTableFoldersAreAnError() {
    LakeFiles.text(lake.store, "s3://lake/raw/readme.csv", "a\n1\n");
    LakeFiles.text(lake.store, "s3://lake/raw/t/a.csv", "a\n1\n");
    assertFails(() -> lake.crawl("s3://lake/raw/", "lake"), "22023",
        "Cannot crawl 's3://lake/raw/': it holds data files (s3://lake/raw/readme.csv) beside "
            + "the folders of tables; crawl the folders one by one, or leave the files out "
            + "with exclude");
    assertThat(lake.crawl("s3://lake/raw/", "lake", Map.of("exclude", "*.csv")))
        .extracting(row -> row.get(0)).containsExactly("t");
  }

  @Test
  void foldersThatMakeTheSameTableNameAreAnError() {
    LakeFiles.text(lake.store, "s3://lake/raw/a-b/x.csv", "a\n1\n");
    LakeFiles.text(lake.store, "s3://lake/raw/a_b/x.csv", "a\n1\n");
    assertFails(() -> lake.crawl("s3://lake/raw/", "lake"), "42710",
        "Cannot crawl 's3://lake/raw/': folders 's3://lake/raw/a-b/' and 's3://lake/raw/a_b/' "
            + "would both be table 'a_b'");
  }

  @Test
  void cancelingStopsTheCrawlBeforeTheCatalogChanges() {
    for (int i = 0; i < 5; i++) {
      LakeFiles.text(lake.store, "s3://lake/raw/t" + i + "/a.csv", "a\n1\n");
    }
    AtomicInteger polls = new AtomicInteger();
    assertFails(() -> lake.crawler.crawl("s3://lake/raw/", "lake", Map.of(),
        () -> polls.incrementAndGet() > 3, Crawler.Progress.NONE), "57014", "Query was canceled");
    assertThat(lake.catalog.databases()).isEmpty();
  }

  @Test
  void progressIsReportedAsFilesAreListedAndTablesFound() {
    for (int i = 0; i < 250; i++) {
      LakeFiles.text(lake.store, String.format("s3://lake/raw/t%d/f%03d.csv", i % 2, i),
          "a\n" + i + "\n");
    }
    List<String> reports = new ArrayList<>();
    lake.crawler.crawl("s3://lake/raw/", "lake", Map.of(), () -> false,
        (files, tables) -> reports.add(files + "/" + tables));
    assertThat(reports).containsExactly("100/0", "200/0", "250/0", "250/1", "250/2");
  }
}
