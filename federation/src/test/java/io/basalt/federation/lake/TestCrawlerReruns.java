package io.basalt.federation.lake;

import static io.basalt.federation.lake.CrawlFixture.assertFails;
import static io.basalt.federation.lake.LakeFiles.columns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.basalt.federation.datacatalog.CatalogColumn;
import io.basalt.federation.datacatalog.CatalogPartition;
import io.basalt.federation.datacatalog.CatalogTable;
import io.basalt.federation.datacatalog.CatalogTableVersion;
import io.basalt.storage.ColumnType;
import io.basalt.storage.TypeName;
import io.basalt.storage.objectstore.ObjectUri;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CRAWL again over a crawled prefix: new columns, new partitions, widened keys, conflicts. */
class TestCrawlerReruns {
  private static final ColumnType BIGINT = ColumnType.of(TypeName.BIGINT);
  private static final ColumnType TEXT = ColumnType.varchar(65535);

  @TempDir
  Path directory;
  private CrawlFixture lake;

  @BeforeEach
  void open() {
    lake = new CrawlFixture(directory);
  }

  @Test
  void newColumnsAndPartitionsUpdateTheTableAndRecordAVersion() {
    LakeFiles.parquet(lake.store, "s3://lake/events/year=2024/month=1/a.parquet",
        columns("id", BIGINT, "kind", TEXT), new Object[] {1L, "click"});
    LakeFiles.parquet(lake.store, "s3://lake/logs/l.parquet", columns("line", TEXT),
        new Object[] {"x"});
    assertThat(lake.crawl("s3://lake/", "lake")).containsExactly(
        List.of("events", "created", "parquet", "s3://lake/events/", 2, 1),
        List.of("logs", "created", "parquet", "s3://lake/logs/", 1, 0));
    assertThat(lake.crawl("s3://lake/", "lake")).containsExactly(
        List.of("events", "unchanged", "parquet", "s3://lake/events/", 0, 0),
        List.of("logs", "unchanged", "parquet", "s3://lake/logs/", 0, 0));
    int version = lake.table("lake", "events").version();

    LakeFiles.parquet(lake.store, "s3://lake/events/year=2024/month=2/b.parquet",
        columns("id", BIGINT, "kind", TEXT, "amount", ColumnType.decimal(10, 2)),
        new Object[] {2L, "buy", new BigDecimal("9.99")}, new Object[] {3L, "buy", null});
    LakeFiles.parquet(lake.store, "s3://lake/events/year=2025/month=1/c.parquet",
        columns("id", BIGINT), new Object[] {4L});
    assertThat(lake.crawl("s3://lake/", "lake")).containsExactly(
        List.of("events", "updated", "parquet", "s3://lake/events/", 1, 2),
        List.of("logs", "unchanged", "parquet", "s3://lake/logs/", 0, 0));

    CatalogTable events = lake.table("lake", "events");
    assertThat(events.columns()).containsExactly(CatalogColumn.of("id", "bigint"),
        CatalogColumn.of("kind", "string"), CatalogColumn.of("amount", "decimal(10,2)"));
    assertThat(events.version()).isEqualTo(version + 1);
    assertThat(events.parameters()).containsEntry("numRows", "4");
    assertThat(lake.catalog.tableVersions("lake", "events"))
        .extracting(CatalogTableVersion::version, CatalogTableVersion::reason)
        .containsExactly(tuple(1, "created"), tuple(version + 1, "CRAWL added columns amount"));
    assertThat(lake.catalog.partitions("lake", "events")).extracting(CatalogPartition::values)
        .containsExactly(List.of("2024", "1"), List.of("2024", "2"), List.of("2025", "1"));
    assertThat(lake.crawl("s3://lake/events/", "lake")).containsExactly(
        List.of("events", "unchanged", "parquet", "s3://lake/events/", 0, 0));
  }

  @Test
  void textColumnsAreAppendedByPosition() {
    LakeFiles.text(lake.store, "s3://lake/people/a.csv", "id,name\n1,Ann\n");
    lake.crawl("s3://lake/people/", "lake");
    LakeFiles.text(lake.store, "s3://lake/people/b.csv", "id,name,email\n2,Bo,bo@x.org\n");
    assertThat(lake.crawl("s3://lake/people/", "lake")).containsExactly(
        List.of("people", "updated", "csv", "s3://lake/people/", 1, 0));
    assertThat(lake.table("lake", "people").columns()).containsExactly(
        CatalogColumn.of("id", "bigint"), CatalogColumn.of("name", "string"),
        CatalogColumn.of("email", "string"));
  }

  @Test
  void aFolderValueThatDoesNotParseDegradesTheKeyToString() {
    LakeFiles.text(lake.store, "s3://lake/t/month=01/a.json", "{\"id\": 1}\n");
    LakeFiles.text(lake.store, "s3://lake/t/month=02/a.json", "{\"id\": 2}\n");
    lake.crawl("s3://lake/t/", "lake");
    assertThat(lake.table("lake", "t").partitionKeys())
        .containsExactly(CatalogColumn.of("month", "int"));

    LakeFiles.text(lake.store, "s3://lake/t/month=unknown/a.json", "{\"id\": 3}\n");
    assertThat(lake.crawl("s3://lake/t/", "lake")).containsExactly(
        List.of("t", "updated", "json", "s3://lake/t/", 0, 1));
    assertThat(lake.table("lake", "t").partitionKeys())
        .containsExactly(CatalogColumn.of("month", "string"));
    // Partitions registered as int 1 and 2 are registered again with their folders' text.
    assertThat(lake.catalog.partitions("lake", "t"))
        .extracting(CatalogPartition::values, CatalogPartition::location)
        .containsExactlyInAnyOrder(
            tuple(List.of("01"), "s3://lake/t/month=01/"),
            tuple(List.of("02"), "s3://lake/t/month=02/"),
            tuple(List.of("unknown"), "s3://lake/t/month=unknown/"));
    assertThat(lake.catalog.tableVersions("lake", "t")).extracting(CatalogTableVersion::reason)
        .containsExactly("created", "CRAWL widened partition key types");
  }

  @Test
  void propertiesAndSerdeSetByOthersAreKept() {
    LakeFiles.text(lake.store, "s3://lake/t/a.csv", "id,name\n1,Ann\n");
    lake.crawl("s3://lake/t/", "lake");
    CatalogTable table = lake.table("lake", "t");
    lake.catalog.replaceTable(table.withParameter("owner", "analytics")
        .withParameter("classification", "stale"), "by hand");
    assertThat(lake.crawl("s3://lake/t/", "lake")).containsExactly(
        List.of("t", "updated", "csv", "s3://lake/t/", 0, 0));
    assertThat(lake.table("lake", "t").parameters()).containsEntry("owner", "analytics")
        .containsEntry("classification", "csv");
    assertThat(lake.crawl("s3://lake/t/", "lake")).extracting(row -> row.get(1))
        .containsExactly("unchanged");
  }

  @Test
  void aTableOfTheSameNameElsewhereOrOfAnotherShapeIsAnError() {
    LakeFiles.text(lake.store, "s3://lake/a/t/a.csv", "id\n1\n");
    LakeFiles.text(lake.store, "s3://lake/b/t/a.csv", "id\n1\n");
    lake.crawl("s3://lake/a/", "lake");
    assertFails(() -> lake.crawl("s3://lake/b/", "lake"), "42P07",
        "Cannot crawl 's3://lake/b/': table 'lake.t' already exists with location "
            + "'s3://lake/a/t/', not 's3://lake/b/t/'");

    LakeFiles.text(lake.store, "s3://lake/p/year=2024/a.csv", "id\n1\n");
    lake.crawl("s3://lake/p/", "lake");
    lake.store.delete(ObjectUri.parse("s3://lake/p/year=2024/a.csv"));
    LakeFiles.text(lake.store, "s3://lake/p/day=1/a.csv", "id\n1\n");
    assertFails(() -> lake.crawl("s3://lake/p/", "lake"), "55000",
        "Cannot crawl 's3://lake/p/': table 'lake.p' is partitioned by (year) in the catalog "
            + "but its folders by (day); drop the table to crawl it again");

    LakeFiles.parquet(lake.store, "s3://lake/f/t/a.parquet", columns("id", BIGINT),
        new Object[] {1L});
    lake.catalog.dropTable("lake", "t", false);
    lake.crawl("s3://lake/a/", "lake");
    lake.catalog.replaceTable(lake.table("lake", "t").withLocation("s3://lake/f/t/"), "moved");
    assertFails(() -> lake.crawl("s3://lake/f/", "lake"), "42804",
        "Cannot crawl 's3://lake/f/': table 'lake.t' is TEXTFILE in the catalog but its files "
            + "are PARQUET");
  }
}
