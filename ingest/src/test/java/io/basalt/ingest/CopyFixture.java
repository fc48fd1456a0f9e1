package io.basalt.ingest;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.DistStyle;
import io.basalt.storage.RowBatch;
import io.basalt.storage.ScanRequest;
import io.basalt.storage.SortKeyKind;
import io.basalt.storage.StorageConfig;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableSnapshot;
import io.basalt.storage.format.ParquetFileWriter;
import io.basalt.storage.format.ParquetWriteOptions;
import io.basalt.storage.objectstore.FolderObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * What the COPY format tests share: a store of 3 slices, an object store whose bucket
 * {@code bucket} is the folder {@code s3/bucket}, and helpers that write source files and read
 * tables back.
 */
final class CopyFixture implements AutoCloseable {
  static final int SLICES = 3;

  final Path directory;
  final StorageEngine engine;
  final FolderObjectStore store;
  final IngestService ingest;

  CopyFixture(Path directory) {
    this.directory = directory;
    this.engine = StorageEngine.open(directory.resolve("store"),
        StorageConfig.defaults().withSlices(SLICES));
    this.store = new FolderObjectStore(directory.resolve("s3"));
    store.createBucket("bucket");
    this.ingest = new IngestService(engine, store, SLICES);
  }

  @Override
  public void close() {
    engine.close();
  }

  static ColumnDefinition column(String name, ColumnType type) {
    return new ColumnDefinition(name, type, true, null);
  }

  static ColumnDefinition notNull(String name, ColumnType type) {
    return new ColumnDefinition(name, type, false, null);
  }

  /** Creates {@code public.<name>}, distributed EVEN, without a sort key. */
  void createTable(String name, List<ColumnDefinition> columns) {
    engine.createTable(new TableDefinition(0, "public", name, columns, DistStyle.EVEN, null,
        SortKeyKind.NONE, List.of(), false), false);
  }

  CopyResult copy(String table, String source, Map<String, String> options) {
    return copy(table, List.of(), source, options);
  }

  CopyResult copy(String table, List<String> columns, String source,
      Map<String, String> options) {
    return ingest.copy(new CopyCommand("public", table, columns, source,
        new HashMap<>(options)), 42, () -> false);
  }

  /** Writes a Parquet file of {@code rows} (storage representation) at {@code uri}. */
  void parquet(String uri, List<ColumnDefinition> columns, ParquetWriteOptions options,
      List<Object[]> rows) {
    try (ParquetFileWriter writer = ParquetFileWriter.create(store, ObjectUri.parse(uri), columns,
        options)) {
      for (Object[] row : rows) {
        writer.write(row);
      }
    }
  }

  /** Has DuckDB write the result of {@code query} as the Parquet file {@code s3://bucket/<name>}. */
  String duckdb(String name, String query) throws SQLException, IOException {
    Path file = directory.resolve("s3/bucket").resolve(name);
    Files.createDirectories(file.getParent());
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("COPY (" + query + ") TO '" + file + "' (FORMAT PARQUET)");
    }
    return "s3://bucket/" + name;
  }

  /** Writes {@code content} to {@code s3/bucket/<name>} and returns its s3 URL. */
  String write(String name, String content) throws IOException {
    return write(name, content.getBytes(StandardCharsets.UTF_8));
  }

  String write(String name, byte[] content) throws IOException {
    Path file = directory.resolve("s3/bucket").resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    return "s3://bucket/" + name;
  }

  static byte[] gzip(String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  /** The bytes of the object at {@code uri}. */
  byte[] read(String uri) {
    return store.read(ObjectUri.parse(uri), 0, Integer.MAX_VALUE);
  }

  /** All rows of {@code public.<table>}, sorted by their first column. */
  List<List<Object>> rows(String table) {
    return rows("public", table, 0);
  }

  /** The rows logged to STL_LOAD_ERRORS, sorted by line number. */
  List<List<Object>> loadErrors() {
    return rows(LoadErrors.SCHEMA, LoadErrors.TABLE, 7);
  }

  private List<List<Object>> rows(String schema, String table, int sortColumn) {
    if (engine.table(schema, table).isEmpty()) {
      return List.of();
    }
    TableSnapshot snapshot = engine.snapshot(schema, table);
    List<List<Object>> rows = new ArrayList<>();
    Iterator<RowBatch> batches = snapshot.scan(ScanRequest.allColumns(snapshot.definition()));
    while (batches.hasNext()) {
      RowBatch batch = batches.next();
      for (int row = 0; row < batch.rowCount(); row++) {
        List<Object> values = new ArrayList<>();
        for (int column = 0; column < batch.columnCount(); column++) {
          values.add(batch.column(column).get(row));
        }
        rows.add(values);
      }
    }
    rows.sort(Comparator.comparing(row -> ((Number) row.get(sortColumn)).longValue()));
    return rows;
  }
}
