package io.basalt.storage.format;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Infers a table's columns from one of its data files, for a crawler, and lists a Parquet file's
 * field names, for a loader that matches them to a table's columns.
 */
public final class FileSchemas {
  private static final Logger LOG = LoggerFactory.getLogger(FileSchemas.class);

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
    requireNonNull(store, "store is null");
    requireNonNull(file, "file is null");
    return switch (options.format()) {
      case PARQUET -> parquet(store, file);
      case TEXT -> TextSchemas.infer(store, file, options);
      case JSON -> JsonSchemas.infer(store, file, options);
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

  private static List<ColumnDefinition> parquet(ObjectStore store, ObjectInfo file) {
    List<ColumnDefinition> columns = new ArrayList<>();
    for (Type field : new ParquetFooters().footer(store, file).getFileMetaData().getSchema()
        .getFields()) {
      ColumnType type = ParquetSchemas.inferType(field);
      if (type == null) {
        LOG.info("Skipping column '{}' of '{}': {} has no table type", field.getName(),
            file.uri(), ParquetColumnBinding.describe(field));
        continue;
      }
      columns.add(new ColumnDefinition(field.getName(), type, true, null));
    }
    return columns;
  }
}
