package io.basalt.storage.format;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Infers a table's columns from one of its data files, for a crawler, and lists a Parquet file's
 * field names, for a loader that matches them to a table's columns.
 */
public final class FileSchemas {
  private static final Logger LOG = LoggerFactory.getLogger(FileSchemas.class);

  /**
   * What one file says about its table: its columns and, when the file records it without being
   * read through (the row counts of a Parquet footer), how many rows it holds.
   */
  public record FileSchema(List<ColumnDefinition> columns, OptionalLong rowCount) {
    public FileSchema {
      columns = List.copyOf(columns);
      requireNonNull(rowCount, "rowCount is null");
    }
  }

  private FileSchemas() {}

  /**
   * The columns the file holds. Parquet: the footer's top-level fields, logical types mapped to
   * the table types (strings as VARCHAR(65535)); nested or repeated fields and types no column
   * holds (TIME, UUID, INTERVAL, plain FIXED) are left out and logged. Text: see
   * {@link FileFormats#detect} for the options; names come from the header (lower case) or are
   * {@code col0..coln}, types from the first 1000 records. JSON: keys and value types of the
   * first 1000 objects. Every inferred column is nullable.
   */
  public static List<ColumnDefinition> infer(ObjectStore store, ObjectInfo file,
      FormatOptions options) {
    return inspect(store, file, options).columns();
  }

  /**
   * The columns as {@link #infer} gives them, and the row count of a Parquet file (the sum over
   * its footer's row groups); text and JSON files have none without reading them through.
   */
  public static FileSchema inspect(ObjectStore store, ObjectInfo file, FormatOptions options) {
    requireNonNull(store, "store is null");
    requireNonNull(file, "file is null");
    return switch (options.format()) {
      case PARQUET -> parquet(store, file);
      case TEXT -> new FileSchema(TextSchemas.infer(store, file, options), OptionalLong.empty());
      case JSON -> new FileSchema(JsonSchemas.infer(store, file, options), OptionalLong.empty());
    };
  }

  /**
   * The names of the Parquet file's top-level fields in file order, nested and repeated ones
   * included, so that a loader can tell a column the file lacks (which a reader returns as NULL)
   * from one that holds only NULLs. The footer is read once into {@code footers}; 22P04 naming
   * the file when it is not Parquet.
   */
  public static List<String> parquetFieldNames(ObjectStore store, ObjectInfo file,
      ParquetFooters footers) {
    requireNonNull(store, "store is null");
    requireNonNull(file, "file is null");
    requireNonNull(footers, "footers is null");
    List<String> names = new ArrayList<>();
    for (Type field : footers.footer(store, file).getFileMetaData().getSchema().getFields()) {
      names.add(field.getName());
    }
    return names;
  }

  private static FileSchema parquet(ObjectStore store, ObjectInfo file) {
    ParquetMetadata footer = new ParquetFooters().footer(store, file);
    long rows = 0;
    for (BlockMetaData block : footer.getBlocks()) {
      rows += block.getRowCount();
    }
    List<ColumnDefinition> columns = new ArrayList<>();
    for (Type field : footer.getFileMetaData().getSchema().getFields()) {
      ColumnType type = ParquetSchemas.inferType(field);
      if (type == null) {
        LOG.info("Skipping column '{}' of '{}': {} has no table type", field.getName(),
            file.uri(), ParquetColumnBinding.describe(field));
        continue;
      }
      columns.add(new ColumnDefinition(field.getName(), type, true, null));
    }
    return new FileSchema(columns, OptionalLong.of(rows));
  }
}
