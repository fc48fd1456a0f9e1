package io.basalt.storage.format;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.RowBatch;
import io.basalt.storage.TypeName;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

/**
 * Times decoding of lineitem-like Parquet (written by DuckDB, then rewritten by
 * {@link ParquetFileWriter}) through {@link FileReaders}: all columns and a Q1-like projection.
 * Run with the test classpath: {@code FormatBenchmarkMain [rows]}.
 */
final class FormatBenchmarkMain {
  private static final List<ColumnDefinition> LINEITEM = List.of(
      column("l_orderkey", ColumnType.of(TypeName.BIGINT)),
      column("l_partkey", ColumnType.of(TypeName.BIGINT)),
      column("l_suppkey", ColumnType.of(TypeName.BIGINT)),
      column("l_linenumber", ColumnType.of(TypeName.INTEGER)),
      column("l_quantity", ColumnType.decimal(15, 2)),
      column("l_extendedprice", ColumnType.decimal(15, 2)),
      column("l_discount", ColumnType.decimal(15, 2)),
      column("l_tax", ColumnType.decimal(15, 2)),
      column("l_returnflag", ColumnType.character(1)),
      column("l_linestatus", ColumnType.character(1)),
      column("l_shipdate", ColumnType.of(TypeName.DATE)),
      column("l_commitdate", ColumnType.of(TypeName.DATE)),
      column("l_receiptdate", ColumnType.of(TypeName.DATE)),
      column("l_shipinstruct", ColumnType.character(25)),
      column("l_shipmode", ColumnType.character(10)),
      column("l_comment", ColumnType.varchar(44)));

  private FormatBenchmarkMain() {}

  private static ColumnDefinition column(String name, ColumnType type) {
    return new ColumnDefinition(name, type, false, null);
  }

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 3_000_000;
    Path root = Files.createTempDirectory("format-bench");
    FolderObjectStore store = new FolderObjectStore(root);
    store.createBucket("b");
    Path duck = root.resolve("b").resolve("duck.parquet");
    long start = System.nanoTime();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("COPY (SELECT i // 4 AS l_orderkey, (hash(i) % 200000)::BIGINT AS l_partkey,"
          + " (hash(i + 1) % 10000)::BIGINT AS l_suppkey, (i % 4 + 1)::INTEGER AS l_linenumber,"
          + " (1 + (hash(i) % 50)::BIGINT)::DECIMAL(15,2) AS l_quantity,"
          + " (((hash(i) % 10000000)::BIGINT) / 100.0)::DECIMAL(15,2) AS l_extendedprice,"
          + " (((hash(i) % 11)::BIGINT) / 100.0)::DECIMAL(15,2) AS l_discount,"
          + " (((hash(i) % 9)::BIGINT) / 100.0)::DECIMAL(15,2) AS l_tax,"
          + " ['A','N','R'][1 + (hash(i) % 3)::BIGINT] AS l_returnflag, ['F','O'][1 + i % 2] AS l_linestatus,"
          + " DATE '1992-01-02' + ((hash(i) % 2500)::BIGINT)::INTEGER AS l_shipdate,"
          + " DATE '1992-01-31' + ((hash(i) % 2400)::BIGINT)::INTEGER AS l_commitdate,"
          + " DATE '1992-01-03' + ((hash(i) % 2520)::BIGINT)::INTEGER AS l_receiptdate,"
          + " ['DELIVER IN PERSON','COLLECT COD','NONE','TAKE BACK RETURN'][1 + i % 4]"
          + " AS l_shipinstruct,"
          + " ['AIR','MAIL','SHIP','TRUCK','RAIL','REG AIR','FOB'][1 + (hash(i) % 7)::BIGINT] AS l_shipmode,"
          + " 'carefully final ' || ((hash(i) % 100000)::BIGINT)::VARCHAR || ' deposits' AS l_comment"
          + " FROM range(0, " + rows + ") t(i)) TO '" + duck + "' (FORMAT PARQUET)");
    }
    System.out.printf("DuckDB wrote %,d rows (%,d bytes) in %d ms%n", rows, Files.size(duck),
        (System.nanoTime() - start) / 1_000_000);
    ObjectInfo duckFile = store.stat(ObjectUri.parse("s3://b/duck.parquet")).orElseThrow();

    ObjectUri ours = ObjectUri.parse("s3://b/basalt.parquet");
    start = System.nanoTime();
    try (ParquetFileWriter writer = ParquetFileWriter.create(store, ours, LINEITEM,
        ParquetWriteOptions.defaults())) {
      for (FileSplit split : FileReaders.splits(store, duckFile, FormatOptions.parquet(),
          Long.MAX_VALUE)) {
        try (FileBatchReader reader = FileReaders.open(store, split, FileReadRequest.allColumns(
            LINEITEM, FormatOptions.parquet(), new ScanCounters()))) {
          while (reader.hasNext()) {
            writer.write(reader.next());
          }
        }
      }
    }
    ObjectInfo ourFile = store.stat(ours).orElseThrow();
    System.out.printf("ParquetFileWriter rewrote it (%,d bytes, ZSTD) in %d ms%n",
        ourFile.size(), (System.nanoTime() - start) / 1_000_000);

    int[] all = new int[LINEITEM.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    int[] q1 = {4, 5, 6, 7, 8, 9, 10};
    for (int round = 0; round < 3; round++) {
      for (ObjectInfo file : List.of(duckFile, ourFile)) {
        time(store, file, all, "all 16 columns");
        time(store, file, q1, "Q1's 7 columns");
      }
    }
  }

  private static void time(FolderObjectStore store, ObjectInfo file, int[] columns,
      String label) {
    ScanCounters counters = new ScanCounters();
    FileReadRequest request = new FileReadRequest(LINEITEM, columns, List.of(),
        FormatOptions.parquet(), () -> false, counters, 8192);
    long start = System.nanoTime();
    long rows = 0;
    ParquetFooters footers = new ParquetFooters(counters);
    for (FileSplit split : FileReaders.splits(store, file, request.options(), Long.MAX_VALUE,
        footers)) {
      try (FileBatchReader reader = FileReaders.open(store, split, request, footers)) {
        while (reader.hasNext()) {
          RowBatch batch = reader.next();
          rows += batch.rowCount();
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%-20s %-14s %,10.0f rows/s  %,6.0f MB/s fetched  (%,d rows, %.2f s)%n",
        file.uri().fileName(), label, rows / seconds,
        counters.snapshot().bytesRead() / seconds / 1e6, rows, seconds);
  }
}
