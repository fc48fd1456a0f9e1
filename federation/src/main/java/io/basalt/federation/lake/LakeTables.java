package io.basalt.federation.lake;

import io.basalt.federation.datacatalog.CatalogColumn;
import io.basalt.federation.datacatalog.CatalogTable;
import io.basalt.federation.datacatalog.CatalogTypes;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.StorageException;
import io.basalt.storage.format.FileFormat;
import io.basalt.storage.format.FormatOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a Data Catalog table reads: its columns (data columns, then partition keys, as Spectrum and
 * Athena order them) and the file format options its format, SerDe and table properties say.
 */
final class LakeTables {
  /** Hive's LazySimpleSerDe: delimited text without quoting. */
  static final String LAZY_SIMPLE_SERDE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
  /** OpenCSVSerde: comma-separated with quotes. */
  static final String OPEN_CSV_SERDE = "org.apache.hadoop.hive.serde2.OpenCSVSerde";
  /** The OpenX JSON SerDe, the usual one for JSON in Athena and Spectrum. */
  static final String OPENX_JSON_SERDE = "org.openx.data.jsonserde.JsonSerDe";

  private LakeTables() {}

  /** Data columns then partition keys. */
  static List<ColumnDefinition> columns(CatalogTable table) {
    List<ColumnDefinition> columns = new ArrayList<>();
    for (CatalogColumn column : table.columns()) {
      columns.add(definition(column));
    }
    for (CatalogColumn column : table.partitionKeys()) {
      columns.add(definition(column));
    }
    return columns;
  }

  static List<ColumnDefinition> dataColumns(CatalogTable table) {
    return columns(table).subList(0, table.columns().size());
  }

  private static ColumnDefinition definition(CatalogColumn column) {
    return new ColumnDefinition(column.name(),
        CatalogTypes.toColumnType(column.type(), column.name()), true, null);
  }

  static FileFormat format(CatalogTable table) {
    String format = table.format().toUpperCase(Locale.ROOT);
    return switch (format) {
      case "PARQUET" -> FileFormat.PARQUET;
      case "TEXTFILE", "CSV", "TEXT" -> FileFormat.TEXT;
      case "JSON" -> FileFormat.JSON;
      default -> throw new StorageException("0A000", "Cannot read external table '"
          + table.database() + "." + table.name() + "': format " + format
          + " is not supported (use PARQUET, TEXTFILE or JSON)");
    };
  }

  /** The reader options of a table: delimiter, quoting, header lines, NULL marker, compression. */
  static FormatOptions options(CatalogTable table) {
    FileFormat format = format(table);
    if (format == FileFormat.PARQUET) {
      return FormatOptions.parquet();
    }
    if (format == FileFormat.JSON) {
      return withCompression(FormatOptions.json(), table.parameters());
    }
    Map<String, String> serde = table.serdeParameters();
    boolean openCsv = OPEN_CSV_SERDE.equalsIgnoreCase(table.serde());
    // OpenCSVSerde reads quoted CSV; ROW FORMAT DELIMITED (LazySimpleSerDe) reads plain fields.
    FormatOptions options = openCsv ? FormatOptions.csv() : FormatOptions.text();
    String delimiter = first(serde, "field.delim", "separatorChar", "serialization.format");
    if (delimiter != null && !delimiter.isEmpty()) {
      options = options.withDelimiter(unescape(delimiter));
    }
    if (openCsv) {
      String quote = serde.get("quoteChar");
      if (quote != null && !quote.isEmpty()) {
        options = options.withQuote(quote.charAt(0));
      }
    }
    String nullMarker = first(serde, "serialization.null.format");
    if (nullMarker == null) {
      nullMarker = table.parameters().get("serialization.null.format");
    }
    if (nullMarker != null) {
      options = options.withNullMarker(nullMarker);
    }
    String skip = table.parameters().get("skip.header.line.count");
    if (skip != null) {
      try {
        options = options.withSkipHeaderLines(Integer.parseInt(skip.trim()));
      } catch (NumberFormatException e) {
        throw new StorageException("22023", "Cannot read external table '" + table.database()
            + "." + table.name() + "': skip.header.line.count '" + skip + "' is not a number");
      }
    }
    return withCompression(options, table.parameters());
  }

  private static FormatOptions withCompression(FormatOptions options,
      Map<String, String> parameters) {
    String compression = parameters.get("compression_type");
    if (compression == null) {
      return options;
    }
    return switch (compression.toLowerCase(Locale.ROOT)) {
      case "gzip" -> options.withCompression(FormatOptions.Compression.GZIP);
      case "zstd" -> options.withCompression(FormatOptions.Compression.ZSTD);
      case "none" -> options.withCompression(FormatOptions.Compression.NONE);
      default -> options;
    };
  }

  private static String first(Map<String, String> map, String... keys) {
    for (String key : keys) {
      String value = map.get(key);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** A delimiter as written in DDL: a character, or an escape such as {@code \t} or {@code \001}. */
  static char unescape(String delimiter) {
    if (delimiter.length() == 1) {
      return delimiter.charAt(0);
    }
    if (delimiter.equals("\\t")) {
      return '\t';
    }
    if (delimiter.matches("\\\\[0-7]{3}")) {
      return (char) Integer.parseInt(delimiter.substring(1), 8);
    }
    if (delimiter.matches("\\\\u[0-9a-fA-F]{4}")) {
      return (char) Integer.parseInt(delimiter.substring(2), 16);
    }
    return delimiter.charAt(0);
  }
}
