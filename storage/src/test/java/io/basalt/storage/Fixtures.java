package io.basalt.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** Shared helpers of the storage tests: table definitions and reading scans into lists. */
final class Fixtures {
  private Fixtures() {}

  static ColumnDefinition column(String name, ColumnType type) {
    return new ColumnDefinition(name, type, true, null);
  }

  static ColumnDefinition notNull(String name, ColumnType type) {
    return new ColumnDefinition(name, type, false, null);
  }

  static TableDefinition table(String name, List<ColumnDefinition> columns) {
    return new TableDefinition(0, "public", name, columns, DistStyle.EVEN, null,
        SortKeyKind.NONE, List.of(), false);
  }

  static TableDefinition sorted(String name, List<ColumnDefinition> columns, SortKeyKind kind,
      String... sortColumns) {
    return new TableDefinition(0, "public", name, columns, DistStyle.EVEN, null, kind,
        List.of(sortColumns), false);
  }

  static StorageEngine open(Path directory, int blockRows) {
    return StorageEngine.open(directory, new StorageConfig(blockRows, 3, 2));
  }

  static ScanRequest request(int[] columns, ColumnPredicate... predicates) {
    return new ScanRequest(columns, List.of(predicates), -1, () -> false);
  }

  static List<List<Object>> rows(Iterator<RowBatch> batches) {
    List<List<Object>> rows = new ArrayList<>();
    while (batches.hasNext()) {
      RowBatch batch = batches.next();
      for (int r = 0; r < batch.rowCount(); r++) {
        Object[] row = new Object[countColumns(batch)];
        for (int c = 0; c < row.length; c++) {
          row[c] = batch.column(c).get(r);
        }
        rows.add(Arrays.asList(row));
      }
    }
    return rows;
  }

  private static int countColumns(RowBatch batch) {
    int count = 0;
    while (true) {
      try {
        batch.column(count);
        count++;
      } catch (IndexOutOfBoundsException e) {
        return count;
      }
    }
  }

  static List<List<Object>> readAll(StorageEngine engine, String table) {
    TableSnapshot snapshot = engine.snapshot("public", table);
    return rows(snapshot.scan(ScanRequest.allColumns(snapshot.definition())));
  }

  static void insert(StorageEngine engine, String table, WriteMode mode, List<Object[]> rows) {
    try (TableWriter writer = engine.newWriter("public", table, mode)) {
      int slice = 0;
      for (Object[] row : rows) {
        writer.append(slice, row);
        slice = (slice + 1) % engine.config().slices();
      }
      writer.commit();
    }
  }
}
