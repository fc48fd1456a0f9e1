package io.basalt.storage;

import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A rough speed check, run by hand (not by the test suite): writes and scans a lineitem-shaped
 * table. Usage: {@code java -cp ... io.basalt.storage.StorageBenchmarkMain [rows] [slices]}.
 */
final class StorageBenchmarkMain {
  private StorageBenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 6_000_000;
    int slices = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path directory = Files.createTempDirectory("basalt-bench");
    List<ColumnDefinition> columns = List.of(
        Fixtures.notNull("l_orderkey", ColumnType.of(TypeName.BIGINT)),
        Fixtures.notNull("l_partkey", ColumnType.of(TypeName.BIGINT)),
        Fixtures.notNull("l_quantity", ColumnType.decimal(15, 2)),
        Fixtures.notNull("l_extendedprice", ColumnType.decimal(15, 2)),
        Fixtures.notNull("l_discount", ColumnType.decimal(15, 2)),
        Fixtures.notNull("l_returnflag", ColumnType.character(1)),
        Fixtures.notNull("l_shipdate", ColumnType.of(TypeName.DATE)),
        Fixtures.notNull("l_shipmode", ColumnType.character(10)),
        Fixtures.notNull("l_comment", ColumnType.varchar(44)));
    String[] modes = {"AIR", "MAIL", "SHIP", "TRUCK", "RAIL", "FOB", "REG AIR"};
    Random random = new Random(1);
    try (StorageEngine engine = StorageEngine.open(directory,
        StorageConfig.defaults().withSlices(slices))) {
      engine.createTable(new TableDefinition(0, "public", "lineitem", columns, DistStyle.KEY,
          "l_orderkey", SortKeyKind.COMPOUND, List.of("l_shipdate"), false), false);
      long start = cpuNanos();
      long wallStart = System.nanoTime();
      try (TableWriter writer = engine.newWriter("public", "lineitem", WriteMode.APPEND)) {
        for (int i = 0; i < rows; i++) {
          long orderKey = i / 4 + 1;
          writer.append((int) (orderKey % slices), new Object[] {orderKey,
              (long) random.nextInt(200_000), BigDecimal.valueOf(1 + random.nextInt(50), 0)
              .setScale(2), BigDecimal.valueOf(random.nextInt(10_000_000), 2),
              BigDecimal.valueOf(random.nextInt(11), 2), random.nextBoolean() ? "N" : "R",
              8000 + random.nextInt(2500), modes[random.nextInt(modes.length)],
              "comment " + random.nextInt(1_000_000) + " quickly final"});
        }
        writer.commit();
      }
      report("write", rows, start);
      System.out.printf("write wall time: %.2f s%n", (System.nanoTime() - wallStart) / 1e9);
      TableSnapshot snapshot = engine.snapshot("public", "lineitem");
      System.out.println("stats " + snapshot.stats());
      for (int round = 0; round < 8; round++) {
        start = cpuNanos();
        long sum = 0;
        var scan = snapshot.scan(Fixtures.request(new int[] {0}));
        while (scan.hasNext()) {
          RowBatch batch = scan.next();
          ColumnVector vector = batch.column(0);
          for (int r = 0; r < batch.rowCount(); r++) {
            sum += vector.getLong(r);
          }
        }
        report("scan l_orderkey sum=" + sum, rows, start);
        start = cpuNanos();
        long count = 0;
        scan = snapshot.scan(Fixtures.request(new int[] {3, 4, 5, 8},
            new ColumnPredicate(6, List.of(new ValueRange(9000, true, 9100, false)), false)));
        while (scan.hasNext()) {
          count += scan.next().rowCount();
        }
        report("filtered scan rows=" + count + " " + ((ScanIterator) scan).statistics(), rows,
            start);
      }
    } finally {
      deleteRecursively(directory);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Reports CPU time, not wall time: other processes may share the machine. */
  private static void report(String what, long rows, long startCpuNanos) {
    double seconds = (cpuNanos() - startCpuNanos) / 1e9;
    System.out.printf("%s: %.2f s CPU, %.1f M rows/s%n", what, seconds, rows / seconds / 1e6);
  }

  /** CPU time of the whole process, since writers encode slices on pool threads. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
