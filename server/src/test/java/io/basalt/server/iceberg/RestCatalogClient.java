package io.basalt.server.iceberg;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;

/**
 * Another engine, in a JVM of its own: Iceberg's {@link RESTCatalog} pointed at Basalt's REST
 * catalog with nothing but its URI, reading (or appending to) a table with Iceberg's generic
 * reader and writer through the FileIO the config response names. Prints what it sees, one
 * {@code key=value} line each, for {@link TestIcebergRestCatalog} to compare.
 *
 * <p>Arguments: {@code URI NAMESPACE TABLE read} or {@code URI NAMESPACE TABLE append ID NAME
 * AMOUNT}.
 */
final class RestCatalogClient {
  private RestCatalogClient() {}

  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (RESTCatalog catalog = new RESTCatalog()) {
      catalog.initialize("basalt", Map.of("uri", args[0]));
      TableIdentifier identifier = TableIdentifier.of(Namespace.of(args[1]), args[2]);
      switch (args[3]) {
        case "read" -> read(catalog, identifier, out);
        case "append" -> append(catalog.loadTable(identifier), Long.parseLong(args[4]), args[5],
            new BigDecimal(args[6]), out);
        default -> throw new IllegalArgumentException("unknown command " + args[3]);
      }
    }
  }

  private static void read(RESTCatalog catalog, TableIdentifier identifier, PrintStream out)
      throws IOException {
    out.println("namespaces=" + catalog.listNamespaces().stream().map(Namespace::toString)
        .sorted().collect(Collectors.joining(",")));
    out.println("tables=" + catalog.listTables(identifier.namespace()).stream()
        .map(TableIdentifier::toString).sorted().collect(Collectors.joining(",")));
    out.println("exists=" + catalog.tableExists(identifier));
    out.println("missing-table=" + failure(() -> catalog.loadTable(
        TableIdentifier.of(identifier.namespace(), "no_such_table"))));
    out.println("missing-namespace=" + failure(() -> catalog.listTables(
        Namespace.of("no_such_namespace"))));
    Table table = catalog.loadTable(identifier);
    out.println("io=" + table.io().getClass().getName());
    out.println("schema=" + table.schema().columns().stream()
        .map(field -> field.name() + ":" + field.type())
        .collect(Collectors.joining(",")));
    List<Record> records = new ArrayList<>();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
      rows.forEach(records::add);
    }
    records.sort(Comparator.comparing(record -> (Long) record.getField("id")));
    for (Record record : records) {
      List<String> values = new ArrayList<>();
      for (Types.NestedField field : table.schema().columns()) {
        Object value = record.getField(field.name());
        values.add(value == null ? "null" : value.toString());
      }
      out.println("row=" + String.join("|", values));
    }
  }

  /** Writes one row into a new Parquet file and commits it as a snapshot of its own. */
  static void append(Table table, long id, String name, BigDecimal amount,
      PrintStream out) throws IOException {
    GenericRecord record = GenericRecord.create(table.schema());
    record.setField("id", id);
    record.setField("name", name);
    record.setField("amount", amount);
    GenericFileWriterFactory writers = new GenericFileWriterFactory.Builder(table)
        .dataFileFormat(FileFormat.PARQUET).build();
    OutputFileFactory files = OutputFileFactory.builderFor(table, 0, 0)
        .format(FileFormat.PARQUET).build();
    DataWriter<Record> writer = writers.newDataWriter(files.newOutputFile(), table.spec(), null);
    try (writer) {
      writer.write(record);
    }
    table.newAppend().appendFile(writer.toDataFile()).commit();
    out.println("appended=" + table.currentSnapshot().snapshotId());
  }

  private static String failure(Runnable call) {
    try {
      call.run();
      return "none";
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }
}
