package io.basalt.federation.datacatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDataCatalog {
  @TempDir
  Path directory;

  private final AtomicLong clock = new AtomicLong(1_000);
  private DataCatalog catalog;

  @BeforeEach
  void open() {
    catalog = DataCatalog.open(directory, clock::get);
  }

  private DataCatalog reopen() {
    catalog = DataCatalog.open(directory, clock::get);
    return catalog;
  }

  static CatalogTable sales(String database, String name) {
    return CatalogTable.of(database, name,
        List.of(CatalogColumn.of("id", "bigint"), new CatalogColumn("Amount", "DECIMAL(12,2)",
            "in dollars")),
        List.of(CatalogColumn.of("year", "int"), CatalogColumn.of("month", "int")),
        "s3://lake/sales/", "parquet");
  }

  static AbstractThrowableAssert<?, ? extends Throwable> assertFails(Runnable action,
      String sqlState, String message) {
    return assertThatThrownBy(action::run)
        .isInstanceOf(StorageException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((StorageException) e).sqlState()).isEqualTo(sqlState));
  }

  @Test
  void createsAndListsDatabases() {
    clock.set(5_000);
    catalog.createDatabase("Sales", false, "the sales", "s3://lake/sales/");
    catalog.createDatabase("analytics", false, null, null);

    assertThat(catalog.database("SALES"))
        .contains(new CatalogDatabase("sales", "the sales", "s3://lake/sales/", 5_000));
    assertThat(catalog.databases()).extracting(CatalogDatabase::name)
        .containsExactly("analytics", "sales");
    assertThat(catalog.database("missing")).isEmpty();
  }

  @Test
  void rejectsDuplicateAndEmptyDatabases() {
    catalog.createDatabase("sales", false, "first", null);
    long version = catalog.version();

    assertFails(() -> catalog.createDatabase("SALES", false, null, null), "42P06",
        "Cannot create database 'sales': it already exists");
    catalog.createDatabase("sales", true, "second", null);
    assertThat(catalog.database("sales").orElseThrow().description()).isEqualTo("first");
    assertThat(catalog.version()).isEqualTo(version);
    assertFails(() -> catalog.createDatabase(" ", false, null, null), "42602",
        "Cannot create database ' ': the name is empty");
  }

  @Test
  void dropsDatabases() {
    catalog.createDatabase("sales", false, null, null);
    catalog.createTable(sales("sales", "orders"), false);

    assertFails(() -> catalog.dropDatabase("sales", false, false), "2BP01",
        "Cannot drop database 'sales': it contains tables (use CASCADE to drop them too)");
    catalog.dropDatabase("Sales", false, true);
    assertThat(catalog.databases()).isEmpty();
    assertFails(() -> catalog.dropDatabase("sales", false, false), "3F000",
        "Cannot drop database 'sales': it does not exist");
    long version = catalog.version();
    catalog.dropDatabase("sales", true, false);
    assertThat(catalog.version()).isEqualTo(version);

    catalog.createDatabase("sales", false, null, null);
    assertThat(catalog.tables("sales")).isEmpty();
    assertThat(reopen().tables("sales")).isEmpty();
  }

  @Test
  void createsTables() {
    catalog.createDatabase("sales", false, null, null);
    clock.set(7_000);
    catalog.createTable(sales("Sales", "Orders").withParameter("classification", "parquet"),
        false);
    catalog.createTable(sales("sales", "archive"), false);

    CatalogTable orders = catalog.table("SALES", "ORDERS").orElseThrow();
    assertThat(orders).isEqualTo(new CatalogTable("sales", "orders",
        List.of(CatalogColumn.of("id", "bigint"),
            new CatalogColumn("amount", "decimal(12,2)", "in dollars")),
        List.of(CatalogColumn.of("year", "int"), CatalogColumn.of("month", "int")),
        "s3://lake/sales/", "PARQUET", null, Map.of(), Map.of("classification", "parquet"),
        7_000, 7_000, 1));
    assertThat(catalog.tables("sales")).extracting(CatalogTable::name)
        .containsExactly("archive", "orders");
    assertThat(catalog.table("sales", "missing")).isEmpty();
    assertThat(catalog.table("missing", "orders")).isEmpty();
    assertThat(catalog.tableVersions("sales", "orders")).containsExactly(new CatalogTableVersion(
        1, orders.columns(), orders.partitionKeys(), 7_000, "created"));
  }

  @Test
  void rejectsInvalidTables() {
    catalog.createDatabase("sales", false, null, null);
    catalog.createTable(sales("sales", "orders"), false);

    assertFails(() -> catalog.createTable(sales("nowhere", "orders"), false), "3F000",
        "Cannot create table 'nowhere.orders': database 'nowhere' does not exist");
    assertFails(() -> catalog.createTable(sales("sales", "ORDERS"), false), "42P07",
        "Cannot create table 'sales.orders': it already exists");
    long version = catalog.version();
    catalog.createTable(sales("sales", "orders").withLocation("s3://other/"), true);
    assertThat(catalog.table("sales", "orders").orElseThrow().location())
        .isEqualTo("s3://lake/sales/");
    assertThat(catalog.version()).isEqualTo(version);

    CatalogTable orc = new CatalogTable("sales", "t", List.of(CatalogColumn.of("a", "int")),
        List.of(), "s3://x/", "orc", null, Map.of(), Map.of(), 0, 0, 0);
    assertFails(() -> catalog.createTable(orc, false), "0A000",
        "Cannot create table 'sales.t': format 'ORC' is not supported");
    CatalogTable noColumns = sales("sales", "t").withColumns(List.of());
    assertFails(() -> catalog.createTable(noColumns, false), "42P16",
        "Cannot create table 'sales.t': it has no columns");
    CatalogTable duplicate = sales("sales", "t")
        .withPartitionKeys(List.of(CatalogColumn.of("ID", "int")));
    assertFails(() -> catalog.createTable(duplicate, false), "42701",
        "Cannot create table 'sales.t': column 'id' is specified more than once");
    assertFails(() -> catalog.createTable(sales("sales", ""), false), "42602",
        "Cannot create table 'sales.': the name is empty");
    assertThat(catalog.tables("sales")).hasSize(1);
    assertFails(() -> catalog.tables("nowhere"), "3F000",
        "Cannot list the tables of database 'nowhere': it does not exist");
  }

  @Test
  void replacingPropertiesKeepsTheSchemaVersions() {
    catalog.createDatabase("sales", false, null, null);
    catalog.createTable(sales("sales", "orders"), false);
    clock.set(9_000);
    CatalogTable current = catalog.table("sales", "orders").orElseThrow();

    CatalogTable replaced = catalog.replaceTable(
        current.withParameter("numRows", "10").withLocation("s3://lake/sales2/"), "properties");

    assertThat(replaced.version()).isEqualTo(2);
    assertThat(replaced.createTimeMillis()).isEqualTo(1_000);
    assertThat(replaced.updateTimeMillis()).isEqualTo(9_000);
    assertThat(replaced.parameters()).containsExactly(Map.entry("numRows", "10"));
    assertThat(catalog.table("sales", "orders")).contains(replaced);
    assertThat(catalog.tableVersions("sales", "orders")).extracting(CatalogTableVersion::version)
        .containsExactly(1);
    assertThat(catalog.replaceTable(replaced.withoutParameter("numRows"), "unset").parameters())
        .isEmpty();
  }

  @Test
  void replacingTheSchemaRecordsATableVersion() {
    catalog.createDatabase("sales", false, null, null);
    catalog.createTable(sales("sales", "orders"), false);
    CatalogTable current = catalog.table("sales", "orders").orElseThrow();
    catalog.replaceTable(current.withParameter("a", "b"), "properties");
    clock.set(11_000);
    List<CatalogColumn> columns = List.of(CatalogColumn.of("id", "bigint"),
        CatalogColumn.of("amount", "decimal(12,2)"), CatalogColumn.of("note", "string"));

    CatalogTable replaced = catalog.replaceTable(
        catalog.table("sales", "orders").orElseThrow().withColumns(columns), "add column note");
    clock.set(12_000);
    catalog.replaceTable(replaced.withPartitionKeys(List.of(CatalogColumn.of("y", "int"),
        CatalogColumn.of("m", "int"))), "rename partition keys");

    assertThat(replaced.version()).isEqualTo(3);
    assertThat(catalog.tableVersions("SALES", "Orders")).containsExactly(
        new CatalogTableVersion(1, current.columns(), current.partitionKeys(), 1_000, "created"),
        new CatalogTableVersion(3, columns, current.partitionKeys(), 11_000, "add column note"),
        new CatalogTableVersion(4, columns,
            List.of(CatalogColumn.of("y", "int"), CatalogColumn.of("m", "int")), 12_000,
            "rename partition keys"));
    assertThat(reopen().tableVersions("sales", "orders")).hasSize(3);
    assertThat(catalog.table("sales", "orders").orElseThrow().version()).isEqualTo(4);
  }

  @Test
  void rejectsInvalidReplacements() {
    catalog.createDatabase("sales", false, null, null);
    catalog.createTable(sales("sales", "orders"), false);
    catalog.addPartitions("sales", "orders",
        List.of(CatalogPartition.of(List.of("2025", "1"), "s3://lake/sales/2025/1/")), false);

    assertFails(() -> catalog.replaceTable(sales("sales", "missing"), "x"), "42P01",
        "Cannot replace table 'sales.missing': it does not exist");
    CatalogTable fewerKeys = sales("sales", "orders")
        .withPartitionKeys(List.of(CatalogColumn.of("year", "int")));
    assertFails(() -> catalog.replaceTable(fewerKeys, "x"), "55000",
        "Cannot replace table 'sales.orders': it has partitions, so the number of its partition"
            + " keys cannot change");
    CatalogTable duplicate = sales("sales", "orders").withColumns(
        List.of(CatalogColumn.of("a", "int"), CatalogColumn.of("A", "int")));
    assertFails(() -> catalog.replaceTable(duplicate, "x"), "42701",
        "Cannot replace table 'sales.orders': column 'a' is specified more than once");
    assertFails(() -> catalog.tableVersions("sales", "missing"), "42P01",
        "Cannot list the versions of table 'sales.missing': it does not exist");
    assertThat(catalog.table("sales", "orders").orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void dropsTables() {
    catalog.createDatabase("sales", false, null, null);
    catalog.createTable(sales("sales", "orders"), false);

    catalog.dropTable("Sales", "Orders", false);
    assertThat(catalog.table("sales", "orders")).isEmpty();
    assertFails(() -> catalog.dropTable("sales", "orders", false), "42P01",
        "Cannot drop table 'sales.orders': it does not exist");
    long version = catalog.version();
    catalog.dropTable("sales", "orders", true);
    catalog.dropTable("nowhere", "orders", true);
    assertThat(catalog.version()).isEqualTo(version);
    assertThat(reopen().tables("sales")).isEmpty();
  }

  @Test
  void versionIncreasesOnEveryChange() {
    long start = catalog.version();
    catalog.createDatabase("sales", false, null, null);
    long afterDatabase = catalog.version();
    catalog.createTable(sales("sales", "orders"), false);
    long afterTable = catalog.version();
    catalog.addPartitions("sales", "orders",
        List.of(CatalogPartition.of(List.of("2025", "1"), "s3://x/")), false);
    long afterPartitions = catalog.version();
    catalog.createExternalSchema(ExternalSchemaDefinition.dataCatalog("lake", "sales"), false);

    assertThat(List.of(start, afterDatabase, afterTable, afterPartitions, catalog.version()))
        .isSorted().doesNotHaveDuplicates();
  }

  @Test
  void survivesReopening() {
    catalog.createDatabase("sales", false, "the sales", "s3://lake/");
    CatalogTable table = sales("sales", "orders")
        .withSerde("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", Map.of("field.delim", "|"))
        .withParameters(Map.of("b", "2", "a", "1"));
    catalog.createTable(table, false);
    catalog.addPartitions("sales", "orders",
        List.of(CatalogPartition.of(List.of("2025", "1"), "s3://lake/sales/2025/1/")), false);
    catalog.createExternalSchema(ExternalSchemaDefinition.dataCatalog("lake", "sales"), false);
    List<CatalogDatabase> databases = catalog.databases();
    List<CatalogTable> tables = catalog.tables("sales");
    List<CatalogPartition> partitions = catalog.partitions("sales", "orders");
    List<CatalogTableVersion> versions = catalog.tableVersions("sales", "orders");
    List<ExternalSchemaDefinition> schemas = catalog.externalSchemas();

    reopen();

    assertThat(catalog.databases()).isEqualTo(databases);
    assertThat(catalog.tables("sales")).isEqualTo(tables);
    assertThat(catalog.partitions("sales", "orders")).isEqualTo(partitions);
    assertThat(catalog.tableVersions("sales", "orders")).isEqualTo(versions);
    assertThat(catalog.externalSchemas()).isEqualTo(schemas);
  }

  @Test
  void keepsNamesThatAreNotSafeFileNames() {
    catalog.createDatabase("my db", false, null, null);
    for (String name : List.of("a/b", "..", "x.y", "%2f", "Ünïcode")) {
      catalog.createTable(sales("my db", name), false);
    }
    assertThat(reopen().tables("my db")).extracting(CatalogTable::name)
        .containsExactly("%2f", "..", "a/b", "x.y", "ünïcode");
  }

  @Test
  void ignoresFilesLeftByACrash() throws IOException {
    catalog.createDatabase("sales", false, null, null);
    catalog.createTable(sales("sales", "orders"), false);
    catalog.createDatabase("gone", false, null, null);
    catalog.createTable(sales("gone", "t"), false);
    Path tables = directory.resolve(CatalogFiles.TABLES_DIRECTORY);
    Path goneTables = tables.resolve("gone");
    byte[] goneTable = Files.readAllBytes(goneTables.resolve("t.json"));
    catalog.dropDatabase("gone", false, true);
    // A crash after databases.json was written but before the tables were deleted.
    Files.createDirectories(goneTables);
    Files.write(goneTables.resolve("t.json"), goneTable);
    Files.writeString(directory.resolve("databases.json.tmp"), "{\"databases\": [");
    Files.writeString(tables.resolve("sales").resolve("orders.json.tmp"), "garbage");
    Files.writeString(tables.resolve("sales").resolve("new.json.tmp"), "garbage");

    reopen();

    assertThat(catalog.databases()).extracting(CatalogDatabase::name).containsExactly("sales");
    assertThat(catalog.tables("sales")).extracting(CatalogTable::name).containsExactly("orders");
    assertThat(goneTables).doesNotExist();
    catalog.createDatabase("gone", false, null, null);
    assertThat(catalog.tables("gone")).isEmpty();
  }

  @Test
  void reportsACorruptFile() throws IOException {
    catalog.createDatabase("sales", false, null, null);
    Files.writeString(directory.resolve(CatalogFiles.DATABASES_FILE), "{\"databases\": [");

    assertThatThrownBy(this::reopen)
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("Cannot open data catalog '" + directory + "': ")
        .satisfies(e -> assertThat(((StorageException) e).sqlState()).isEqualTo("58030"));
  }

  @Test
  void aFailedWriteChangesNothing() throws IOException {
    catalog.createDatabase("sales", false, null, null);
    Path tables = directory.resolve(CatalogFiles.TABLES_DIRECTORY);
    // A regular file where the database's table directory goes makes the write fail.
    Files.writeString(tables.resolve("sales"), "in the way");
    long version = catalog.version();

    assertThatThrownBy(() -> catalog.createTable(sales("sales", "orders"), false))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("Cannot create table 'sales.orders': writing the catalog failed:")
        .satisfies(e -> assertThat(((StorageException) e).sqlState()).isEqualTo("58030"));
    assertThat(catalog.tables("sales")).isEmpty();
    assertThat(catalog.version()).isEqualTo(version);
  }

  @Test
  void createsAMissingDirectory() {
    Path nested = directory.resolve("data").resolve("catalog");
    DataCatalog fresh = DataCatalog.open(nested);
    fresh.createDatabase("sales", false, null, null);
    assertThat(nested.resolve(CatalogFiles.DATABASES_FILE)).exists();
    assertThat(DataCatalog.open(nested).databases()).extracting(CatalogDatabase::name)
        .containsExactly("sales");
  }
}
