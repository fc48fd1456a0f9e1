package io.basalt.federation.iceberg;

import io.basalt.planner.catalog.StatementEnvironment;
import io.basalt.planner.catalog.StatementEnvironment.PlannedQuery;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.io.DataWriteResult;
import org.apache.iceberg.io.FanoutDataWriter;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.util.PropertyUtil;

/**
 * Rows written into an Iceberg table as new Parquet data files, with Iceberg's own writers (so
 * the files carry field ids and the manifests column metrics), fanned out by the partition
 * spec, and committed as one snapshot. Files of a statement that fails are deleted; no snapshot
 * refers to them.
 */
final class IcebergWrites {
  private IcebergWrites() {}

  /**
   * Appends the rows of {@code query}, converted by {@code convert} to the table's column
   * types (storage representation), as one new snapshot; the count of rows.
   */
  static long append(Table table, PlannedQuery query, UnaryOperator<Object[]> convert,
      StatementEnvironment env, String name) {
    String action = "Cannot write Iceberg table '" + name + "': ";
    Schema schema = table.schema();
    PartitionSpec spec = table.spec();
    List<ColumnDefinition> columns = IcebergTypes.columns(schema, name);
    Type[] types = schema.columns().stream().map(f -> f.type()).toArray(Type[]::new);
    boolean[] required = new boolean[types.length];
    for (int c = 0; c < types.length; c++) {
      required[c] = schema.columns().get(c).isRequired();
    }
    String format = table.properties().getOrDefault(TableProperties.DEFAULT_FILE_FORMAT,
        "parquet");
    if (!format.equalsIgnoreCase("parquet")) {
      throw new StorageException("0A000", action + "its write format is " + format
          + "; Basalt writes Parquet data files only");
    }
    GenericFileWriterFactory writers = new GenericFileWriterFactory.Builder(table)
        .dataFileFormat(FileFormat.PARQUET).build();
    OutputFileFactory files = OutputFileFactory.builderFor(table, 0, env.queryId())
        .format(FileFormat.PARQUET)
        .operationId(env.queryId() + "-" + UUID.randomUUID().toString().substring(0, 8))
        .build();
    long targetBytes = PropertyUtil.propertyAsLong(table.properties(),
        TableProperties.WRITE_TARGET_FILE_SIZE_BYTES,
        TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT);
    FanoutDataWriter<Record> writer = new FanoutDataWriter<>(writers, files, table.io(),
        targetBytes);
    PartitionKey key = new PartitionKey(spec, schema);
    InternalRecordWrapper wrapper = new InternalRecordWrapper(schema.asStruct());
    GenericRecord template = GenericRecord.create(schema);
    long[] rows = {0};
    boolean written = false;
    try {
      query.forEachRow(row -> {
        Object[] values = convert.apply(row);
        GenericRecord record = template.copy();
        for (int c = 0; c < types.length; c++) {
          if (values[c] == null && required[c]) {
            throw new StorageException("23502", action + "null value in column \""
                + columns.get(c).name() + "\" violates its NOT NULL constraint");
          }
          record.set(c, IcebergTypes.toGeneric(values[c], types[c]));
        }
        if (spec.isUnpartitioned()) {
          writer.write(record, spec, null);
        } else {
          key.partition(wrapper.wrap(record));
          writer.write(record, spec, key);
        }
        rows[0]++;
      });
      writer.close();
      written = true;
    } catch (UncheckedIOException e) {
      throw new StorageException("58030", action + e.getMessage(), e);
    } catch (IOException e) {
      throw new StorageException("58030", action + e.getMessage(), e);
    } finally {
      if (!written) {
        closeQuietly(writer);
        try {
          deleteAll(table, writer.result().dataFiles());
        } catch (RuntimeException ignored) {
          // A writer that failed to close reports nothing; its files are orphans for VACUUM.
        }
      }
    }
    DataWriteResult result = writer.result();
    if (result.dataFiles().isEmpty()) {
      return 0;
    }
    try {
      AppendFiles append = table.newAppend();
      result.dataFiles().forEach(append::appendFile);
      append.set("basalt.query-id", Long.toString(env.queryId()));
      append.commit();
    } catch (CommitFailedException e) {
      deleteAll(table, result.dataFiles());
      throw new StorageException("40001", action + "another writer committed first and the "
          + "commit could not be retried: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteAll(table, result.dataFiles());
      throw e;
    }
    return rows[0];
  }

  private static void closeQuietly(FanoutDataWriter<Record> writer) {
    try {
      writer.close();
    } catch (IOException | RuntimeException ignored) {
      // The statement already failed; its files are deleted next.
    }
  }

  private static void deleteAll(Table table, List<DataFile> files) {
    for (DataFile file : files) {
      try {
        table.io().deleteFile(file.location());
      } catch (RuntimeException ignored) {
        // An orphan file is harmless: no snapshot refers to it, and VACUUM removes it.
      }
    }
  }
}
