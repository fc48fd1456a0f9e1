package io.basalt.storage.format;

import static java.util.Objects.requireNonNull;

/**
 * How {@link ParquetFileWriter} lays out a file: the compression codec, when to end a row group
 * (after {@code rowGroupBytes} of encoded data or {@code rowGroupRows} rows, whichever comes
 * first) and the target page size.
 */
public record ParquetWriteOptions(Codec codec, long rowGroupBytes, long rowGroupRows,
    int pageSizeBytes) {

  /** The compression of the pages. */
  public enum Codec {
    UNCOMPRESSED,
    SNAPPY,
    GZIP,
    ZSTD
  }

  public static final long DEFAULT_ROW_GROUP_BYTES = 128L << 20;
  public static final int DEFAULT_PAGE_SIZE_BYTES = 1 << 20;

  public ParquetWriteOptions {
    requireNonNull(codec, "codec is null");
    if (rowGroupBytes <= 0 || rowGroupRows <= 0 || pageSizeBytes <= 0) {
      throw new IllegalArgumentException("row group and page sizes must be positive");
    }
  }

  /** ZSTD, 128 MiB row groups, 1 MiB pages. */
  public static ParquetWriteOptions defaults() {
    return new ParquetWriteOptions(Codec.ZSTD, DEFAULT_ROW_GROUP_BYTES, Long.MAX_VALUE,
        DEFAULT_PAGE_SIZE_BYTES);
  }

  public ParquetWriteOptions withCodec(Codec newCodec) {
    return new ParquetWriteOptions(newCodec, rowGroupBytes, rowGroupRows, pageSizeBytes);
  }

  public ParquetWriteOptions withRowGroupBytes(long bytes) {
    return new ParquetWriteOptions(codec, bytes, rowGroupRows, pageSizeBytes);
  }

  public ParquetWriteOptions withRowGroupRows(long rows) {
    return new ParquetWriteOptions(codec, rowGroupBytes, rows, pageSizeBytes);
  }

  public ParquetWriteOptions withPageSizeBytes(int bytes) {
    return new ParquetWriteOptions(codec, rowGroupBytes, rowGroupRows, bytes);
  }
}
