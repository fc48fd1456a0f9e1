package io.basalt.federation.lake;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.format.CsvFileWriter;
import io.basalt.storage.format.FileFormat;
import io.basalt.storage.format.FormatOptions;
import io.basalt.storage.format.JsonFileWriter;
import io.basalt.storage.format.ParquetFileWriter;
import io.basalt.storage.format.RowFileWriter;
import io.basalt.storage.format.ParquetWriteOptions;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.util.List;

/**
 * How the files of one write are encoded: the format, the text or JSON options (delimiter, NULL
 * marker, header, compression), the Parquet options (codec, row-group size) and the extension
 * file names end with (empty, or starting with a dot).
 */
record OutputFormat(FileFormat format, FormatOptions options, ParquetWriteOptions parquet,
    String extension) {

  OutputFormat {
    requireNonNull(format, "format is null");
    requireNonNull(options, "options is null");
    requireNonNull(parquet, "parquet is null");
    requireNonNull(extension, "extension is null");
  }

  /**
   * How many bytes a file may still grow by beyond {@link RowFileWriter#bytesWritten}: text and
   * JSON writers count only what left their character and compression buffers, a Parquet file
   * still gets its footer. A file rolls over once it is within this of the size limit.
   */
  long slackBytes() {
    return format == FileFormat.PARQUET ? 1L << 20 : 256L << 10;
  }

  RowFileWriter create(ObjectStore store, ObjectUri uri, List<ColumnDefinition> columns) {
    return switch (format) {
      case PARQUET -> ParquetFileWriter.create(store, uri, columns, parquet);
      case TEXT -> CsvFileWriter.create(store, uri, columns, options);
      case JSON -> JsonFileWriter.create(store, uri, columns, options);
    };
  }

  /** The extension compressed text and JSON files get: {@code .gz}, {@code .zst} or none. */
  static String compressionExtension(FormatOptions options) {
    return switch (options.compression()) {
      case GZIP -> ".gz";
      case ZSTD -> ".zst";
      case NONE, AUTO -> "";
    };
  }
}
