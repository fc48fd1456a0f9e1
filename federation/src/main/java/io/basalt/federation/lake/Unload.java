package io.basalt.federation.lake;

import static java.util.Objects.requireNonNull;

import io.basalt.federation.lake.PartitionedFileSink.Columns;
import io.basalt.federation.lake.PartitionedFileSink.Layout;
import io.basalt.federation.lake.PartitionedFileSink.WrittenFile;
import io.basalt.planner.catalog.StatementEnvironment;
import io.basalt.planner.catalog.StatementEnvironment.PlannedQuery;
import io.basalt.planner.sql.SqlUnload;
import io.basalt.planner.sql.SqlUnload.Flag;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.format.FileFormat;
import io.basalt.storage.format.FormatOptions;
import io.basalt.storage.format.FormatOptions.Compression;
import io.basalt.storage.format.ParquetWriteOptions;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Redshift's UNLOAD: a query's rows written as files whose names start with the target prefix,
 * all of them visible once the statement succeeds and none if it fails.
 *
 * <p>Names: {@code <prefix>NNNN_part_NN<ext>} (writer, then file of that writer), or
 * {@code <prefix>NNN<ext>} with PARALLEL OFF; a prefix ending in {@code /} is a folder, otherwise
 * its last segment starts the file names. With PARTITION BY the target is a folder holding one
 * {@code key=value/} folder per partition key. The extension is {@code .parquet}, {@code .csv}
 * or {@code .json} by format, plus {@code .gz} or {@code .zst} when compressed, unless EXTENSION
 * gives one.
 *
 * <p>Without ALLOWOVERWRITE or CLEANPATH, objects under the prefix are an error; CLEANPATH deletes
 * them, but only after the new files are published, so a failed UNLOAD leaves them in place.
 */
final class Unload {
  static final long MIN_FILE_BYTES = 5L << 20;
  /** Redshift's default and largest MAXFILESIZE, 6.2 GB. */
  static final long MAX_FILE_BYTES = (long) (6.2 * (1L << 30));
  static final long MIN_ROW_GROUP_BYTES = 32L << 20;
  static final long MAX_ROW_GROUP_BYTES = 128L << 20;

  private final ObjectStore store;
  private final int writers;

  Unload(ObjectStore store, int writers) {
    this.store = requireNonNull(store, "store is null");
    this.writers = writers;
  }

  long run(SqlUnload unload, StatementEnvironment env) {
    ObjectUri target = ObjectUri.parse(unload.target);
    String action = "Cannot unload to '" + unload.target + "': ";
    for (Flag flag : List.of(Flag.ADDQUOTES, Flag.ESCAPE, Flag.BZIP2, Flag.ENCRYPTED)) {
      if (unload.flags.contains(flag)) {
        throw new StorageException("0A000", action + flag + " is not supported");
      }
    }
    long maxFileBytes = unload.maxFileSizeBytes == null ? MAX_FILE_BYTES
        : unload.maxFileSizeBytes;
    if (maxFileBytes < MIN_FILE_BYTES || maxFileBytes > MAX_FILE_BYTES) {
      throw new StorageException("22023", action + "MAXFILESIZE must be between 5 MB and 6.2 GB");
    }
    OutputFormat format = format(unload, action);
    if (target.isS3() && !store.bucketExists(target.bucket())) {
      throw new StorageException("58P01", action + "bucket '" + target.bucket()
          + "' does not exist");
    }

    PlannedQuery query = env.plan(unload.query);
    List<ColumnDefinition> columns = query.columns();
    Columns split = columns(columns, unload, action);
    List<String> keys = new ArrayList<>();
    for (int index : split.partitionIndexes()) {
      keys.add(columns.get(index).name());
    }

    boolean overwrite = unload.flags.contains(Flag.ALLOWOVERWRITE);
    boolean clean = unload.flags.contains(Flag.CLEANPATH);
    List<ObjectInfo> existing = store.list(target, null).objects();
    if (!existing.isEmpty() && !overwrite && !clean) {
      throw new StorageException("58P02", action + "objects already exist under the prefix, "
          + "e.g. '" + existing.get(0).uri() + "' (use ALLOWOVERWRITE or CLEANPATH)");
    }

    Layout layout = layout(target, unload, keys, format);
    StagedObjectStore staged = new StagedObjectStore(store);
    try {
      ParallelRowWriter writer = new ParallelRowWriter(unload.parallel, writers,
          w -> new PartitionedFileSink(staged, format, split, layout, maxFileBytes, w,
              row -> row),
          env.canceled(), "unload-" + env.queryId());
      List<WrittenFile> files = new ArrayList<>(writer.writeAll(query));
      files.sort(Comparator.comparing(file -> file.uri().toString()));
      if (unload.flags.contains(Flag.MANIFEST)) {
        ObjectUri manifest = new ObjectUri(target.scheme(), target.bucket(),
            target.key() + "manifest");
        staged.write(manifest, UnloadManifest.json(files, f -> staged.finishedSize(f.uri()),
            split.fileColumns(), unload.flags.contains(Flag.MANIFEST_VERBOSE)));
      }
      List<StagedObjectStore.Published> published = staged.commit();
      if (clean) {
        Set<ObjectUri> written = new HashSet<>();
        published.forEach(p -> written.add(p.uri()));
        for (ObjectInfo old : existing) {
          if (!written.contains(old.uri())) {
            store.delete(old.uri());
          }
        }
      }
      return writer.rows();
    } catch (RuntimeException | Error e) {
      staged.abort();
      throw e;
    }
  }

  /** The file columns (all, or without the partition columns) and the partition columns. */
  private static Columns columns(List<ColumnDefinition> columns, SqlUnload unload,
      String action) {
    if (unload.partitionBy.isEmpty()) {
      return Columns.unpartitioned(columns);
    }
    List<Integer> keys = new ArrayList<>();
    for (String name : unload.partitionBy) {
      int index = -1;
      for (int c = 0; c < columns.size(); c++) {
        if (columns.get(c).name().equalsIgnoreCase(name)) {
          index = c;
          break;
        }
      }
      if (index < 0) {
        throw new StorageException("42703", action + "PARTITION BY column '" + name
            + "' is not a column of the query");
      }
      if (keys.contains(index)) {
        throw new StorageException("42701", action + "PARTITION BY column '" + name
            + "' is listed more than once");
      }
      keys.add(index);
    }
    List<ColumnDefinition> fileColumns = new ArrayList<>();
    List<Integer> fileIndexes = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      if (unload.partitionInclude || !keys.contains(c)) {
        fileColumns.add(columns.get(c));
        fileIndexes.add(c);
      }
    }
    if (fileColumns.isEmpty()) {
      throw new StorageException("42601", action + "every column is a PARTITION BY column; "
          + "add INCLUDE to write them to the files");
    }
    List<ColumnType> keyTypes = new ArrayList<>();
    keys.forEach(k -> keyTypes.add(columns.get(k).type()));
    return new Columns(fileColumns, fileIndexes.stream().mapToInt(Integer::intValue).toArray(),
        keys.stream().mapToInt(Integer::intValue).toArray(), keyTypes);
  }

  /** The writers' format from FORMAT, DELIMITER, NULL AS, HEADER, compression and EXTENSION. */
  private static OutputFormat format(SqlUnload unload, String action) {
    String delimiter = unload.options.get("DELIMITER");
    if (delimiter != null && delimiter.length() != 1) {
      throw new StorageException("22023", action + "DELIMITER must be a single character");
    }
    Compression compression = unload.flags.contains(Flag.GZIP) ? Compression.GZIP
        : unload.flags.contains(Flag.ZSTD) ? Compression.ZSTD : Compression.NONE;
    String kind = unload.format == null ? "TEXT" : unload.format.toUpperCase(Locale.ROOT);
    ParquetWriteOptions parquet = ParquetWriteOptions.defaults();
    if (unload.rowGroupSizeBytes != null) {
      if (!kind.equals("PARQUET")) {
        throw new StorageException("22023", action + "ROWGROUPSIZE applies to FORMAT PARQUET "
            + "only");
      }
      long bytes = unload.rowGroupSizeBytes;
      if (bytes < MIN_ROW_GROUP_BYTES || bytes > MAX_ROW_GROUP_BYTES) {
        throw new StorageException("22023", action + "ROWGROUPSIZE must be between 32 MB and "
            + "128 MB");
      }
      parquet = parquet.withRowGroupBytes(bytes);
    }
    FileFormat fileFormat;
    FormatOptions options;
    String extension;
    switch (kind) {
      case "PARQUET" -> {
        fileFormat = FileFormat.PARQUET;
        options = FormatOptions.parquet();
        extension = ".parquet";
      }
      case "JSON" -> {
        fileFormat = FileFormat.JSON;
        options = FormatOptions.json().withCompression(compression);
        extension = ".json" + OutputFormat.compressionExtension(options);
      }
      case "CSV", "TEXT" -> {
        fileFormat = FileFormat.TEXT;
        boolean csv = kind.equals("CSV");
        options = csv ? FormatOptions.csv().withDelimiter(delimiter == null ? ','
            : delimiter.charAt(0))
            : FormatOptions.text().withoutQuoting().withDelimiter(delimiter == null ? '|'
                : delimiter.charAt(0));
        options = options.withNullMarker(unload.options.getOrDefault("NULL", ""))
            .withCompression(compression);
        if (unload.flags.contains(Flag.HEADER)) {
          options = options.withSkipHeaderLines(1);
        }
        extension = (csv ? ".csv" : "") + OutputFormat.compressionExtension(options);
      }
      default -> throw new StorageException("0A000", action + "FORMAT " + kind
          + " is not supported");
    }
    String named = unload.options.get("EXTENSION");
    if (named != null && !named.isEmpty()) {
      extension = named.startsWith(".") ? named : "." + named;
    }
    return new OutputFormat(fileFormat, options, parquet, extension);
  }

  /** Folders and names of the files below the target. */
  private static Layout layout(ObjectUri target, SqlUnload unload, List<String> keys,
      OutputFormat format) {
    ObjectUri folder;
    String prefix;
    if (!unload.partitionBy.isEmpty() || target.key().isEmpty() || target.key().endsWith("/")) {
      folder = target.asPrefix();
      prefix = "";
    } else {
      int slash = target.key().lastIndexOf('/');
      folder = new ObjectUri(target.scheme(), target.bucket(),
          target.key().substring(0, slash + 1));
      prefix = target.key().substring(slash + 1);
    }
    boolean parallel = unload.parallel;
    String extension = format.extension();
    return new Layout() {
      @Override
      public ObjectUri folder(List<String> values) {
        ObjectUri location = folder;
        for (int k = 0; k < values.size(); k++) {
          location = location.resolve(PartitionFolders.folderName(keys.get(k), values.get(k)))
              .asPrefix();
        }
        return location;
      }

      @Override
      public String fileName(int writer, int sequence) {
        return parallel ? String.format(Locale.ROOT, "%s%04d_part_%02d%s", prefix, writer,
            sequence, extension)
            : String.format(Locale.ROOT, "%s%03d%s", prefix, sequence, extension);
      }
    };
  }
}
