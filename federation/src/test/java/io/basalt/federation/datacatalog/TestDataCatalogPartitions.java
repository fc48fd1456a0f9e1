package io.basalt.federation.datacatalog;

import static io.basalt.federation.datacatalog.TestDataCatalog.assertFails;
import static io.basalt.federation.datacatalog.TestDataCatalog.sales;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDataCatalogPartitions {
  @TempDir
  Path directory;

  private final AtomicLong clock = new AtomicLong(1_000);
  private DataCatalog catalog;

  @BeforeEach
  void open() {
    catalog = DataCatalog.open(directory, clock::get);
    catalog.createDatabase("sales", false, null, null);
    catalog.createTable(sales("sales", "orders"), false);
  }

  private static CatalogPartition partition(String year, String month) {
    return CatalogPartition.of(List.of(year, month),
        "s3://lake/sales/year=" + year + "/month=" + month + "/");
  }

  private static List<String> values(String year, String month) {
    return List.of(year, month);
  }

  @Test
  void addsPartitionsInValueOrder() {
    clock.set(3_000);
    int added = catalog.addPartitions("Sales", "Orders", List.of(partition("2025", "10"),
        partition("2025", "9"), partition("2024", "12"), partition("2025", "__HIVE_DEFAULT__"),
        partition("2025", "-1")), false);

    assertThat(added).isEqualTo(5);
    assertThat(catalog.partitions("sales", "orders")).extracting(CatalogPartition::values)
        .containsExactly(values("2024", "12"), values("2025", "-1"), values("2025", "9"),
            values("2025", "10"), values("2025", "__HIVE_DEFAULT__"));
    assertThat(catalog.partitions("sales", "orders").get(0)).isEqualTo(new CatalogPartition(
        values("2024", "12"), "s3://lake/sales/year=2024/month=12/", 3_000));
  }

  @Test
  void rejectsDuplicatePartitionsAllOrNone() {
    catalog.addPartitions("sales", "orders", List.of(partition("2025", "1")), false);
    long version = catalog.version();

    assertFails(() -> catalog.addPartitions("sales", "orders",
        List.of(partition("2025", "2"), partition("2025", "1")), false), "42P07",
        "Cannot add partition (year=2025, month=1) to table 'sales.orders': it already exists");
    assertFails(() -> catalog.addPartitions("sales", "orders",
        List.of(partition("2025", "3"), partition("2025", "3")), false), "42P07",
        "Cannot add partition (year=2025, month=3) to table 'sales.orders': it already exists");
    assertThat(catalog.partitions("sales", "orders")).hasSize(1);
    assertThat(catalog.version()).isEqualTo(version);

    assertThat(catalog.addPartitions("sales", "orders",
        List.of(partition("2025", "1"), partition("2025", "2"), partition("2025", "2")), true))
        .isEqualTo(1);
    assertThat(catalog.addPartitions("sales", "orders", List.of(partition("2025", "1")), true))
        .isZero();
    assertThat(catalog.partitions("sales", "orders")).hasSize(2);
  }

  @Test
  void rejectsAWrongNumberOfValues() {
    assertFails(() -> catalog.addPartitions("sales", "orders",
        List.of(CatalogPartition.of(List.of("2025"), "s3://x/")), true), "22023",
        "Cannot add partition (2025) to table 'sales.orders': the table has 2 partition keys"
            + " (year, month)");
    assertFails(() -> catalog.dropPartitions("sales", "orders",
        List.of(List.of("2025", "1", "x")), true), "22023",
        "Cannot drop partition (2025, 1, x) from table 'sales.orders': the table has 2 partition"
            + " keys (year, month)");
    catalog.createTable(sales("sales", "flat").withPartitionKeys(List.of()), false);
    assertFails(() -> catalog.addPartitions("sales", "flat",
        List.of(CatalogPartition.of(List.of("2025"), "s3://x/")), false), "22023",
        "Cannot add partition (2025) to table 'sales.flat': the table is not partitioned");
  }

  @Test
  void dropsPartitions() {
    catalog.addPartitions("sales", "orders",
        List.of(partition("2025", "1"), partition("2025", "2"), partition("2025", "3")), false);

    assertFails(() -> catalog.dropPartitions("sales", "orders",
        List.of(values("2025", "1"), values("2030", "1")), false), "42P01",
        "Cannot drop partition (year=2030, month=1) from table 'sales.orders': it does not exist");
    assertThat(catalog.partitions("sales", "orders")).hasSize(3);
    assertThat(catalog.dropPartitions("sales", "orders",
        List.of(values("2025", "1"), values("2025", "3")), false)).isEqualTo(2);
    assertThat(catalog.dropPartitions("sales", "orders",
        List.of(values("2025", "1"), values("2025", "2")), true)).isEqualTo(1);
    long version = catalog.version();
    assertThat(catalog.dropPartitions("sales", "orders", List.of(values("2025", "2")), true))
        .isZero();
    assertThat(catalog.version()).isEqualTo(version);
    assertThat(catalog.partitions("sales", "orders")).isEmpty();
  }

  @Test
  void requiresTheTable() {
    assertFails(() -> catalog.addPartitions("sales", "missing", List.of(), false), "42P01",
        "Cannot add partitions to table 'sales.missing': it does not exist");
    assertFails(() -> catalog.dropPartitions("sales", "missing", List.of(), true), "42P01",
        "Cannot drop partitions from table 'sales.missing': it does not exist");
    assertFails(() -> catalog.partitions("nowhere", "orders"), "42P01",
        "Cannot list the partitions of table 'nowhere.orders': it does not exist");
  }

  @Test
  void droppingTheTableDropsItsPartitions() {
    catalog.addPartitions("sales", "orders", List.of(partition("2025", "1")), false);

    catalog.dropTable("sales", "orders", false);
    catalog.createTable(sales("sales", "orders"), false);

    assertThat(catalog.partitions("sales", "orders")).isEmpty();
    assertThat(DataCatalog.open(directory).partitions("sales", "orders")).isEmpty();
  }

  @Test
  void addingPartitionsRewritesOnlyThatTablesFile() throws IOException {
    catalog.createTable(sales("sales", "returns"), false);
    Path tables = directory.resolve(CatalogFiles.TABLES_DIRECTORY).resolve("sales");
    FileTime databases = Files.getLastModifiedTime(directory.resolve(CatalogFiles.DATABASES_FILE));
    FileTime returns = Files.getLastModifiedTime(tables.resolve("returns.json"));
    String before = Files.readString(tables.resolve("orders.json"));

    catalog.addPartitions("sales", "orders", List.of(partition("2025", "1")), false);

    assertThat(Files.readString(tables.resolve("orders.json"))).isNotEqualTo(before);
    assertThat(Files.getLastModifiedTime(directory.resolve(CatalogFiles.DATABASES_FILE)))
        .isEqualTo(databases);
    assertThat(Files.getLastModifiedTime(tables.resolve("returns.json"))).isEqualTo(returns);
  }

  @Test
  void concurrentAddsLoseNothing() throws Exception {
    catalog.createTable(sales("sales", "returns"), false);
    int threads = 4;
    int perThread = 25;
    long startVersion = catalog.version();
    ExecutorService executor = Executors.newFixedThreadPool(threads + 1);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        String table = t % 2 == 0 ? "orders" : "returns";
        String year = String.valueOf(2000 + t);
        futures.add(executor.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            // Every thread adds month 0 too, racing the others on the same partition.
            catalog.addPartitions("sales", table,
                List.of(partition(year, String.valueOf(i + 1)), partition("1999", "0")), true);
          }
          return null;
        }));
      }
      futures.add(executor.submit(() -> {
        start.await();
        for (int i = 0; i < 200; i++) {
          assertThat(catalog.partitions("sales", "orders")).isSortedAccordingTo(
              CatalogPartitions.ORDER);
        }
        return null;
      }));
      start.countDown();
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }

    int expected = threads / 2 * perThread + 1;
    assertThat(catalog.partitions("sales", "orders")).hasSize(expected);
    assertThat(catalog.partitions("sales", "returns")).hasSize(expected);
    assertThat(catalog.version()).isEqualTo(startVersion + (long) threads * perThread);
    DataCatalog reopened = DataCatalog.open(directory);
    assertThat(reopened.partitions("sales", "orders"))
        .isEqualTo(catalog.partitions("sales", "orders"));
    assertThat(reopened.partitions("sales", "returns"))
        .isEqualTo(catalog.partitions("sales", "returns"));
  }
}
