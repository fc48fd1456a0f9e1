package io.basalt.storage.format;

/**
 * One file being written, whatever its format ({@link ParquetFileWriter}, {@link CsvFileWriter},
 * {@link JsonFileWriter}): rows in the storage representation of its columns, published
 * atomically by {@link #close}, or discarded by {@link #abort}.
 */
public interface RowFileWriter extends AutoCloseable {
  /** Appends one row. */
  void write(Object[] row);

  long rowsWritten();

  /** Bytes written so far (an estimate until closed), e.g. to roll over to a new file. */
  long bytesWritten();

  /** Finishes and publishes the file. */
  @Override
  void close();

  /** Discards everything written; the object is not created. */
  void abort();
}
