package io.basalt.federation.lake;

import static java.util.Objects.requireNonNull;

import io.basalt.federation.datacatalog.CatalogColumn;
import io.basalt.federation.datacatalog.CatalogPartition;
import io.basalt.federation.datacatalog.CatalogTable;
import io.basalt.federation.datacatalog.CatalogTypes;
import io.basalt.federation.datacatalog.DataCatalog;
import io.basalt.federation.lake.PartitionedFileSink.Columns;
import io.basalt.federation.lake.PartitionedFileSink.Layout;
import io.basalt.federation.lake.PartitionedFileSink.WrittenFile;
import io.basalt.planner.catalog.StatementEnvironment;
import io.basalt.planner.catalog.StatementEnvironment.PlannedQuery;
import io.basalt.planner.catalog.StatementEnvironment.QualifiedName;
import io.basalt.planner.sql.SqlCreateExternalTable;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.format.FileFormat;
import io.basalt.storage.format.FormatOptions;
import io.basalt.storage.format.ParquetWriteOptions;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * UNLOAD, CREATE EXTERNAL TABLE AS and INSERT INTO an external table: a query's rows written as
 * new files through a {@link StagedObjectStore}, so that they appear together when the statement
 * succeeds and not at all when it fails, then (for tables) the catalog updated: the table, its new
 * partitions and its {@code numRows} property, which the planner's costing reads.
 *
 * <p>Tables' files are named {@code <query id>_<random>_NNNN_part_NN<ext>}, so an INSERT never
 * replaces a file. TABLE PROPERTIES {@code write.parallel} ({@code on}/{@code off}),
 * {@code write.maxfilesize.mb} (5 to 6200) and, for Parquet, {@code compression_type}
 * ({@code zstd}, the default, {@code snappy}, {@code gzip} or {@code none}) shape the writing.
 */
final class LakeWrites {
  static final String NUM_ROWS = "numRows";
  static final String WRITE_PARALLEL = "write.parallel";
  static final String WRITE_MAX_FILE_SIZE_MB = "write.maxfilesize.mb";

  private final DataCatalog catalog;
  private final ObjectStore store;
  private final LakeDdl ddl;
  private final int writers;
  private final Unload unload;

  LakeWrites(DataCatalog catalog, ObjectStore store, LakeDdl ddl) {
    this(catalog, store, ddl, Math.max(2, Math.min(8,
        Runtime.getRuntime().availableProcessors())));
  }

  LakeWrites(DataCatalog catalog, ObjectStore store, LakeDdl ddl, int writers) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.store = requireNonNull(store, "store is null");
    this.ddl = requireNonNull(ddl, "ddl is null");
    this.writers = writers;
    this.unload = new Unload(store, writers);
  }

  long unload(io.basalt.planner.sql.SqlUnload statement, StatementEnvironment env) {
    return unload.run(statement, env);
  }

  long createTableAs(QualifiedName name, SqlCreateExternalTable create,
      StatementEnvironment env) {
    String action = "Cannot create external table '" + name + "': ";
    String database = ddl.database(name.schema());
    if (catalog.table(database, name.name()).isPresent()) {
      if (create.ifNotExists) {
        return 0;
      }
      throw new StorageException("42P07", action + "it already exists");
    }
    ObjectUri location = ObjectUri.parse(create.location).asPrefix();
    if (location.isS3() && !store.bucketExists(location.bucket())) {
      throw new StorageException("58P01", action + "bucket '" + location.bucket()
          + "' of location '" + location + "' does not exist");
    }
    List<ObjectInfo> existing = store.list(location, null).objects();
    if (!existing.isEmpty()) {
      throw new StorageException("58P02", action + "location '" + location
          + "' is not empty (it holds '" + existing.get(0).uri() + "')");
    }

    PlannedQuery query = env.plan(env.sql(create.query));
    List<ColumnDefinition> columns = query.columns();
    int keyCount = create.partitionColumns.size();
    checkPartitionColumns(create, columns, action);
    List<CatalogColumn> dataColumns = new ArrayList<>();
    List<CatalogColumn> keys = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      ColumnDefinition column = columns.get(c);
      CatalogColumn catalogColumn = CatalogColumn.of(column.name().toLowerCase(Locale.ROOT),
          CatalogTypes.toCatalogType(column.type()));
      (c < columns.size() - keyCount ? dataColumns : keys).add(catalogColumn);
    }
    CatalogTable definition = LakeFormats.table(create, dataColumns, keys)
        .withLocation(location.toString());
    // Checked before any file is written: the same checks createTable makes at the end.
    LakeTables.format(definition);
    for (CatalogColumn column : definition.columns()) {
      CatalogTypes.toColumnType(column.type(), column.name());
    }

    StagedObjectStore staged = new StagedObjectStore(store);
    try {
      Written written = write(query, definition, UnaryOperator.identity(), Map.of(), staged,
          env, action);
      staged.commit();
      ddl.createTable(name, false, definition.withParameter(NUM_ROWS,
          Long.toString(written.rows())));
      try {
        if (!written.partitions().isEmpty()) {
          CatalogTable created = ddl.table(name);
          catalog.addPartitions(created.database(), created.name(), written.partitions(), true);
        }
      } catch (RuntimeException e) {
        ddl.dropTable(name, true);
        throw e;
      }
      return written.rows();
    } catch (RuntimeException | Error e) {
      staged.abort();
      throw e;
    }
  }

  /** Redshift's rule: the partition columns are the query's last, in PARTITIONED BY order. */
  private static void checkPartitionColumns(SqlCreateExternalTable create,
      List<ColumnDefinition> columns, String action) {
    int keyCount = create.partitionColumns.size();
    if (keyCount == 0) {
      return;
    }
    if (keyCount >= columns.size()) {
      throw new StorageException("42P16", action + "the query has " + columns.size()
          + " columns, so it cannot have " + keyCount + " partition columns and a data column");
    }
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    boolean matches = true;
    for (int k = 0; k < keyCount; k++) {
      String key = create.partitionColumns.get(k).name().toLowerCase(Locale.ROOT);
      String column = columns.get(columns.size() - keyCount + k).name().toLowerCase(Locale.ROOT);
      expected.add(key);
      actual.add(column);
      matches &= key.equals(column);
    }
    if (!matches) {
      throw new StorageException("42P16", action + "the partition columns must be the last "
          + "columns of the query, in PARTITIONED BY order: expected (" + String.join(", ",
          expected) + ") but the query ends with (" + String.join(", ", actual) + ")");
    }
  }

  long insert(QualifiedName name, CatalogTable table, String query, StatementEnvironment env) {
    String action = "Cannot insert into external table '" + name + "': ";
    LakeTables.format(table);
    List<ColumnDefinition> target = LakeTables.columns(table);
    PlannedQuery source = env.plan(query);
    PlannedQuery cast = env.plan(InsertConversion.castQuery(query, source.columns(), target,
        action));
    UnaryOperator<Object[]> convert = InsertConversion.converter(cast.columns(), target);
    Map<List<String>, String> locations = new HashMap<>();
    for (CatalogPartition partition : catalog.partitions(table.database(), table.name())) {
      locations.put(partition.values(), partition.location());
    }
    StagedObjectStore staged = new StagedObjectStore(store);
    try {
      Written written = write(cast, table, convert, locations, staged, env, action);
      staged.commit();
      synchronized (this) {
        if (!written.partitions().isEmpty()) {
          catalog.addPartitions(table.database(), table.name(), written.partitions(), true);
        }
        CatalogTable current = ddl.table(name);
        String rows = current.parameters().get(NUM_ROWS);
        if (rows != null && written.rows() > 0) {
          long before;
          try {
            before = Long.parseLong(rows.trim());
          } catch (NumberFormatException e) {
            before = -1;
          }
          if (before >= 0) {
            ddl.replace(current.withParameter(NUM_ROWS, Long.toString(before + written.rows())),
                "INSERT");
          }
        }
      }
      return written.rows();
    } catch (RuntimeException | Error e) {
      staged.abort();
      throw e;
    }
  }

  /** What a table write produced: its row count and the catalog partitions of its files. */
  private record Written(long rows, List<CatalogPartition> partitions) {}

  /**
   * Writes the query's rows (converted by {@code convert} to the table's columns) as files of
   * the table: under its location, or under each partition's folder, an existing partition's
   * catalog location or else {@code key=value/...}.
   */
  private Written write(PlannedQuery query, CatalogTable table, UnaryOperator<Object[]> convert,
      Map<List<String>, String> locations, StagedObjectStore staged, StatementEnvironment env,
      String action) {
    List<ColumnDefinition> columns = LakeTables.columns(table);
    int dataCount = table.columns().size();
    int keyCount = table.partitionKeys().size();
    int[] fileIndexes = new int[dataCount];
    int[] keyIndexes = new int[keyCount];
    List<ColumnType> keyTypes = new ArrayList<>();
    for (int c = 0; c < dataCount; c++) {
      fileIndexes[c] = c;
    }
    for (int k = 0; k < keyCount; k++) {
      keyIndexes[k] = dataCount + k;
      keyTypes.add(columns.get(dataCount + k).type());
    }
    Columns split = new Columns(columns.subList(0, dataCount), fileIndexes, keyIndexes,
        keyTypes);
    OutputFormat format = format(table, action);
    boolean parallel = parallel(table, action);
    long maxFileBytes = maxFileBytes(table, action);
    String unique = env.queryId() + "_" + UUID.randomUUID().toString().substring(0, 8);
    ObjectUri location = ObjectUri.parse(table.location()).asPrefix();
    Layout layout = new Layout() {
      @Override
      public ObjectUri folder(List<String> values) {
        if (values.isEmpty()) {
          return location;
        }
        List<String> canonical = LakeDdl.canonicalValues(table, values);
        String known = locations.get(canonical);
        return ObjectUri.parse(known != null ? known : LakeDdl.defaultLocation(table, canonical));
      }

      @Override
      public String fileName(int writer, int sequence) {
        return String.format(Locale.ROOT, "%s_%04d_part_%02d%s", unique, writer, sequence,
            format.extension());
      }
    };
    ParallelRowWriter writer = new ParallelRowWriter(parallel, writers,
        w -> new PartitionedFileSink(staged, format, split, layout, maxFileBytes, w, convert),
        env.canceled(), "lake-write-" + env.queryId());
    List<WrittenFile> files = writer.writeAll(query);
    Map<List<String>, CatalogPartition> partitions = new LinkedHashMap<>();
    long now = System.currentTimeMillis();
    if (keyCount > 0) {
      for (WrittenFile file : files) {
        List<String> canonical = LakeDdl.canonicalValues(table, file.partitionValues());
        partitions.computeIfAbsent(canonical, values -> new CatalogPartition(values,
            layout.folder(file.partitionValues()).asPrefix().toString(), now));
      }
    }
    return new Written(writer.rows(), List.copyOf(partitions.values()));
  }

  /** The table's file encoding, as its readers expect it. */
  private static OutputFormat format(CatalogTable table, String action) {
    FileFormat format = LakeTables.format(table);
    return switch (format) {
      case PARQUET -> new OutputFormat(format, FormatOptions.parquet(),
          ParquetWriteOptions.defaults().withCodec(codec(table, action)), ".parquet");
      case TEXT -> {
        FormatOptions options = LakeTables.options(table);
        if (options.compression() == FormatOptions.Compression.AUTO) {
          options = options.withCompression(FormatOptions.Compression.NONE);
        }
        yield new OutputFormat(format, options, ParquetWriteOptions.defaults(),
            OutputFormat.compressionExtension(options));
      }
      case JSON -> {
        FormatOptions options = LakeTables.options(table);
        if (options.compression() == FormatOptions.Compression.AUTO) {
          options = options.withCompression(FormatOptions.Compression.NONE);
        }
        yield new OutputFormat(format, options, ParquetWriteOptions.defaults(),
            ".json" + OutputFormat.compressionExtension(options));
      }
    };
  }

  private static ParquetWriteOptions.Codec codec(CatalogTable table, String action) {
    String compression = table.parameters().get("compression_type");
    if (compression == null) {
      return ParquetWriteOptions.Codec.ZSTD;
    }
    return switch (compression.trim().toLowerCase(Locale.ROOT)) {
      case "zstd" -> ParquetWriteOptions.Codec.ZSTD;
      case "snappy" -> ParquetWriteOptions.Codec.SNAPPY;
      case "gzip" -> ParquetWriteOptions.Codec.GZIP;
      case "none", "uncompressed" -> ParquetWriteOptions.Codec.UNCOMPRESSED;
      default -> throw new StorageException("22023", action + "compression_type '"
          + compression + "' is not one of zstd, snappy, gzip, none");
    };
  }

  private static boolean parallel(CatalogTable table, String action) {
    String value = table.parameters().get(WRITE_PARALLEL);
    if (value == null) {
      return true;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      default -> throw new StorageException("22023", action + WRITE_PARALLEL + " '" + value
          + "' is not on or off");
    };
  }

  private static long maxFileBytes(CatalogTable table, String action) {
    String value = table.parameters().get(WRITE_MAX_FILE_SIZE_MB);
    if (value == null) {
      return Unload.MAX_FILE_BYTES;
    }
    long megabytes;
    try {
      megabytes = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      megabytes = -1;
    }
    if (megabytes < 5 || megabytes > 6200) {
      throw new StorageException("22023", action + WRITE_MAX_FILE_SIZE_MB + " '" + value
          + "' is not a whole number from 5 to 6200");
    }
    return megabytes << 20;
  }
}
