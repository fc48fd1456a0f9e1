package io.basalt.federation.iceberg;

import io.basalt.planner.catalog.StatementEnvironment;
import io.basalt.planner.catalog.StatementEnvironment.PlannedQuery;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.ContentFile;
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
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.io.FanoutDataWriter;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.util.PropertyUtil;

/**
 * Rows written into an Iceberg table as new Parquet data files, with Iceberg's own writers (so
 * the files carry field ids and the manifests column metrics), fanned out by the partition
 * spec. INSERT and COPY commit them as one append snapshot; DELETE, UPDATE and MERGE commit
 * them with their deletes. Files of a statement that fails are deleted; no snapshot refers to them.
 */
final class IcebergWrites {
  private IcebergWrites() {}

  /** New data files of one table, written row by row in the storage representation. */
  static final class RowWriter {
    private final Table table;
    private final String action;
    private final List<ColumnDefinition> columns;
    private final Type[] types;
    private final boolean[] required;
    private final PartitionSpec spec;
    private final FanoutDataWriter<Record> writer;
    private final PartitionKey key;
    private final InternalRecordWrapper wrapper;
    private final GenericRecord template;
    private long rows;
    private boolean closed;

    RowWriter(Table table, long queryId, String name) {
      this.table = table;
      this.action = "Cannot write Iceberg table '" + name + "': ";
      Schema schema = table.schema();
      this.spec = table.spec();
      this.columns = IcebergTypes.columns(schema, name);
      this.types = schema.columns().stream().map(f -> f.type()).toArray(Type[]::new);
      this.required = new boolean[types.length];
      for (int c = 0; c < types.length; c++) {
        required[c] = schema.columns().get(c).isRequired();
      }
      String format = table.properties().getOrDefault(TableProperties.DEFAULT_FILE_FORMAT,
          "parquet");
      if (!format.equalsIgnoreCase("parquet")) {
        throw new StorageException("0A000", action + "its write format is " + format
            + "; Basalt writes Parquet data files only");
      }
      OutputFileFactory files = OutputFileFactory.builderFor(table, 0, queryId)
          .format(FileFormat.PARQUET)
          .operationId(queryId + "-" + UUID.randomUUID().toString().substring(0, 8))
          .build();
      long targetBytes = PropertyUtil.propertyAsLong(table.properties(),
          TableProperties.WRITE_TARGET_FILE_SIZE_BYTES,
          TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT);
      this.writer = new FanoutDataWriter<>(writerFactory(table), files, table.io(),
          targetBytes);
      this.key = new PartitionKey(spec, schema);
      this.wrapper = new InternalRecordWrapper(schema.asStruct());
      this.template = GenericRecord.create(schema);
    }

    /** Writes one row: the table's columns in order, storage representation. */
    void write(Object[] values) {
      GenericRecord record = template.copy();
      for (int c = 0; c < types.length; c++) {
        if (values[c] == null && required[c]) {
          throw new StorageException("23502", action + "null value in column \""
              + columns.get(c).name() + "\" violates its NOT NULL constraint");
        }
        record.set(c, IcebergTypes.toGeneric(values[c], types[c]));
      }
      try {
        if (spec.isUnpartitioned()) {
          writer.write(record, spec, null);
        } else {
          key.partition(wrapper.wrap(record));
          writer.write(record, spec, key);
        }
      } catch (UncheckedIOException e) {
        throw new StorageException("58030", action + e.getMessage(), e);
      }
      rows++;
    }

    long rows() {
      return rows;
    }

    /** The files written, once all rows are. */
    List<DataFile> finish() {
      try {
        closed = true;
        writer.close();
      } catch (IOException | UncheckedIOException e) {
        abort();
        throw new StorageException("58030", action + e.getMessage(), e);
      }
      return writer.result().dataFiles();
    }

    /** Closes the writer and deletes what it wrote. */
    void abort() {
      try {
        if (!closed) {
          closed = true;
          writer.close();
        }
        deleteAll(table, writer.result().dataFiles());
      } catch (IOException | RuntimeException ignored) {
        // A writer that failed to close reports nothing; its files are orphans for VACUUM.
      }
    }
  }

  static GenericFileWriterFactory writerFactory(Table table) {
    return new GenericFileWriterFactory.Builder(table).dataFileFormat(FileFormat.PARQUET)
        .deleteFileFormat(FileFormat.PARQUET).build();
  }

  /**
   * Appends the rows of {@code query}, converted by {@code convert} to the table's column
   * types (storage representation), as one new snapshot; the count of rows.
   */
  static long append(Table table, PlannedQuery query, UnaryOperator<Object[]> convert,
      StatementEnvironment env, String name) {
    RowWriter writer = new RowWriter(table, env.queryId(), name);
    try {
      query.forEachRow(row -> writer.write(convert.apply(row)));
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
    return commitAppend(table, writer, env.queryId(), name);
  }

  /**
   * Commits every file {@code writer} wrote as one append snapshot (none when it wrote no row)
   * and returns the count of rows; INSERT's and COPY's commit. Appends do not conflict with
   * other writers' commits: Iceberg retries them, and a commit it still cannot make is 40001.
   * On any failure the files written are deleted and the table is left as it was.
   */
  static long commitAppend(Table table, RowWriter writer, long queryId, String name) {
    List<DataFile> written;
    try {
      written = writer.finish();
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
    if (written.isEmpty()) {
      return 0;
    }
    try {
      AppendFiles append = table.newAppend();
      written.forEach(append::appendFile);
      append.set("basalt.query-id", Long.toString(queryId));
      append.commit();
    } catch (RuntimeException e) {
      deleteAll(table, written);
      throw commitFailure(name, e);
    }
    return writer.rows();
  }

  /**
   * A failed commit as the SQL error to report: a conflict with another writer that Iceberg
   * could not retry is 40001 naming the table; anything else is reported as it is.
   */
  static RuntimeException commitFailure(String name, RuntimeException e) {
    if (e instanceof CommitFailedException || e instanceof ValidationException) {
      return new StorageException("40001", "Cannot commit to Iceberg table '" + name
          + "': it changed since this statement read it (" + e.getMessage()
          + "); retry the statement", e);
    }
    return e;
  }

  static void deleteAll(Table table, Collection<? extends ContentFile<?>> files) {
    for (ContentFile<?> file : new ArrayList<>(files)) {
      try {
        table.io().deleteFile(file.location());
      } catch (RuntimeException ignored) {
        // An orphan file is harmless: no snapshot refers to it, and VACUUM removes it.
      }
    }
  }
}
