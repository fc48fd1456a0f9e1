package io.basalt.federation.lake;

import io.basalt.federation.datacatalog.CatalogColumn;
import io.basalt.federation.datacatalog.CatalogTable;
import io.basalt.federation.datacatalog.CatalogTypes;
import io.basalt.federation.lake.CrawlListing.DataFile;
import io.basalt.federation.lake.CrawlListing.TableFolder;
import io.basalt.federation.lake.PartitionLayout.FolderPartition;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnType;
import io.basalt.storage.StorageException;
import io.basalt.storage.TypeName;
import io.basalt.storage.format.FileFormat;
import io.basalt.storage.format.FileFormats;
import io.basalt.storage.format.FileSchemas;
import io.basalt.storage.format.FormatOptions;
import io.basalt.storage.format.FormatOptions.Compression;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Infers one table from a sample of its files: the format (which every sampled file must share,
 * and for text the same delimiter), the SerDe and table properties Glue would set, and the merged
 * columns (see {@link SchemaMerge}) without those named like partition keys.
 *
 * <p>The sample is at most {@code sample_size} non-empty files, taken in turn from each partition,
 * newest first, so that a re-run sees the files of partitions added since. A file that cannot be
 * read fails the crawl with the reader's error, which names the file (SQLSTATE 22P04).
 *
 * <p>Properties: {@code classification} (parquet, csv or json); {@code skip.header.line.count}
 * 1 for text with a header line; {@code compression_type} gzip or zstd when every sampled text or
 * JSON file is compressed so; {@code numRows} for Parquet, the sum of the footers' row counts,
 * scaled by bytes from the sample to all files when not every file was sampled.
 */
final class TableInference {
  static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";

  private final ObjectStore store;
  private final BooleanSupplier canceled;

  TableInference(ObjectStore store, BooleanSupplier canceled) {
    this.store = store;
    this.canceled = canceled;
  }

  /** The table, or null when its folder has no non-empty file to sample. */
  InferredTable infer(TableFolder folder, String name, int sampleSize) {
    PartitionLayout layout = PartitionLayout.detect(folder);
    List<DataFile> sample = sample(folder, layout, sampleSize);
    if (sample.isEmpty()) {
      return null;
    }
    Detected detected = detect(folder, sample);
    CatalogTable draft = CatalogTable.of("pending", name, List.of(), List.of(),
            folder.location().toString(), detected.format())
        .withSerde(detected.serde(), detected.serdeParameters())
        .withParameters(detected.parameters());
    FormatOptions options = LakeTables.options(draft);
    FileFormat format = options.format();
    SchemaMerge merge = new SchemaMerge(folder.location(), format == FileFormat.TEXT,
        format != FileFormat.PARQUET);
    long sampledRows = 0;
    long sampledBytes = 0;
    boolean rowsKnown = true;
    for (DataFile file : sample) {
      Crawler.checkCanceled(canceled);
      FileSchemas.FileSchema schema = FileSchemas.inspect(store, file.info(), options);
      merge.add(file.info().uri(), schema.columns());
      OptionalLong rows = schema.rowCount();
      rowsKnown &= rows.isPresent();
      sampledRows += rows.orElse(0);
      sampledBytes += file.info().size();
    }
    List<CatalogColumn> columns = columns(merge.columns(), layout);
    if (columns.isEmpty()) {
      throw new StorageException("42P16", "Cannot crawl table at '" + folder.location()
          + "': its files (such as '" + sample.get(0).info().uri() + "') hold no column "
          + "that a table can have");
    }
    Map<String, String> parameters = new HashMap<>(detected.parameters());
    if (rowsKnown) {
      long totalBytes = 0;
      for (DataFile file : folder.files()) {
        totalBytes += file.info().size();
      }
      long rows = sampledBytes == 0 || totalBytes == sampledBytes ? sampledRows
          : Math.round((double) sampledRows * totalBytes / sampledBytes);
      parameters.put("numRows", Long.toString(rows));
    }
    return new InferredTable(name, folder.location(), detected.format(), detected.serde(),
        detected.serdeParameters(), parameters, columns, layout);
  }

  /**
   * Up to {@code size} non-empty files, one from each partition in turn (partitions with the
   * newest files first, each partition's newest file first), in key order.
   */
  static List<DataFile> sample(TableFolder folder, PartitionLayout layout, int size) {
    List<List<DataFile>> groups = new ArrayList<>();
    if (layout.partitions().isEmpty()) {
      groups.add(newestFirst(folder.files()));
    } else {
      for (FolderPartition partition : layout.partitions()) {
        groups.add(newestFirst(partition.files()));
      }
    }
    groups.removeIf(List::isEmpty);
    groups.sort(Comparator.comparing((List<DataFile> g) -> g.get(0), NEWEST_FIRST));
    List<DataFile> sample = new ArrayList<>();
    for (int round = 0; sample.size() < size; round++) {
      boolean any = false;
      for (List<DataFile> group : groups) {
        if (round < group.size() && sample.size() < size) {
          sample.add(group.get(round));
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }
    sample.sort(Comparator.comparing(f -> f.info().uri().key()));
    return sample;
  }

  private static final Comparator<DataFile> NEWEST_FIRST = Comparator
      .comparingLong((DataFile f) -> f.info().lastModifiedMillis()).reversed()
      .thenComparing(f -> f.info().uri().key(), Comparator.reverseOrder());

  private static List<DataFile> newestFirst(List<DataFile> files) {
    List<DataFile> sorted = new ArrayList<>();
    for (DataFile file : files) {
      if (file.info().size() > 0) {
        sorted.add(file);
      }
    }
    sorted.sort(NEWEST_FIRST);
    return sorted;
  }

  /** The format, SerDe and format properties the sampled files agree on. */
  private record Detected(String format, String serde, Map<String, String> serdeParameters,
      Map<String, String> parameters) {}

  private Detected detect(TableFolder folder, List<DataFile> sample) {
    FormatOptions first = null;
    ObjectInfo firstFile = null;
    boolean header = false;
    boolean quoted = false;
    Set<Compression> compressions = new HashSet<>();
    for (DataFile file : sample) {
      Crawler.checkCanceled(canceled);
      ObjectInfo info = file.info();
      byte[] head = store.read(info.uri(), 0, FileFormats.SAMPLE_BYTES);
      FormatOptions options = FileFormats.detect(info, head);
      if (first == null) {
        first = options;
        firstFile = info;
      } else if (options.format() != first.format()) {
        throw mixed(folder, firstFile, first, info, options);
      } else if (options.format() == FileFormat.TEXT && options.delimiter() != first.delimiter()) {
        throw new StorageException("42804", "Cannot crawl table at '" + folder.location()
            + "': its text files use different delimiters (" + describe(first.delimiter())
            + " in '" + firstFile.uri() + "', " + describe(options.delimiter()) + " in '"
            + info.uri() + "')");
      }
      compressions.add(options.compression());
      if (options.format() == FileFormat.TEXT) {
        header |= options.skipHeaderLines() > 0;
        quoted |= FileFormats.sampleText(info, head).indexOf('"') >= 0;
      }
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    String compression = compressions.size() != 1 ? null
        : switch (compressions.iterator().next()) {
          case GZIP -> "gzip";
          case ZSTD -> "zstd";
          default -> null;
        };
    return switch (first.format()) {
      case PARQUET -> {
        parameters.put(InferredTable.CLASSIFICATION, "parquet");
        yield new Detected(CatalogTable.PARQUET, PARQUET_SERDE,
            Map.of("serialization.format", "1"), parameters);
      }
      case JSON -> {
        parameters.put(InferredTable.CLASSIFICATION, "json");
        if (compression != null) {
          parameters.put("compression_type", compression);
        }
        yield new Detected(CatalogTable.JSON, LakeTables.OPENX_JSON_SERDE, Map.of(), parameters);
      }
      case TEXT -> {
        parameters.put(InferredTable.CLASSIFICATION, "csv");
        if (header) {
          parameters.put("skip.header.line.count", "1");
        }
        if (compression != null) {
          parameters.put("compression_type", compression);
        }
        String delimiter = String.valueOf(first.delimiter());
        yield quoted
            ? new Detected(CatalogTable.TEXTFILE, LakeTables.OPEN_CSV_SERDE,
                Map.of("separatorChar", delimiter, "quoteChar", "\""), parameters)
            : new Detected(CatalogTable.TEXTFILE, LakeTables.LAZY_SIMPLE_SERDE,
                Map.of("field.delim", delimiter, "serialization.format", delimiter), parameters);
      }
    };
  }

  private static StorageException mixed(TableFolder folder, ObjectInfo a, FormatOptions first,
      ObjectInfo b, FormatOptions second) {
    return new StorageException("42804", "Cannot crawl table at '" + folder.location()
        + "': its files are of different formats (" + name(first.format()) + " '" + a.uri()
        + "', " + name(second.format()) + " '" + b.uri() + "'); leave some out with exclude");
  }

  private static String name(FileFormat format) {
    return switch (format) {
      case PARQUET -> "Parquet";
      case TEXT -> "text";
      case JSON -> "JSON";
    };
  }

  private static String describe(char delimiter) {
    return delimiter == '\t' ? "tab" : delimiter < 32 ? String.format("\\%03o", (int) delimiter)
        : "'" + delimiter + "'";
  }

  /**
   * The catalog columns of the merged file columns: those named like a partition key are left
   * out (the folders hold those values), as are repeated names; VARCHAR(65535) is Hive's string.
   */
  private static List<CatalogColumn> columns(List<ColumnDefinition> merged,
      PartitionLayout layout) {
    Set<String> used = new HashSet<>();
    layout.keys().forEach(k -> used.add(k.name()));
    List<CatalogColumn> columns = new ArrayList<>();
    for (ColumnDefinition column : merged) {
      String name = column.name().toLowerCase(Locale.ROOT);
      if (name.isBlank() || !used.add(name)) {
        continue;
      }
      columns.add(CatalogColumn.of(name, catalogType(column.type())));
    }
    return columns;
  }

  static String catalogType(ColumnType type) {
    return type.name() == TypeName.VARCHAR && type.precision() == SchemaMerge.MAX_VARCHAR
        ? PartitionLayout.STRING : CatalogTypes.toCatalogType(type);
  }
}
