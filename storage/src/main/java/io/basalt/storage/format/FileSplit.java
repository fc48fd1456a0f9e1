package io.basalt.storage.format;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.objectstore.ObjectInfo;

/**
 * A byte range of one file that one reader reads. A Parquet row group belongs to the split that
 * holds its first byte, so any partition of a file into ranges reads each row group exactly once;
 * a text or JSON file is a single split.
 */
public record FileSplit(ObjectInfo file, long start, long length) {
  public FileSplit {
    requireNonNull(file, "file is null");
    if (start < 0 || length < 0) {
      throw new IllegalArgumentException("split [" + start + ", +" + length + ") of '"
          + file.uri() + "'");
    }
  }

  /** The whole file as one split. */
  public static FileSplit whole(ObjectInfo file) {
    return new FileSplit(file, 0, file.size());
  }

  /** Whether the byte at {@code offset} lies in this split. */
  public boolean contains(long offset) {
    return offset >= start && offset - start < length;
  }
}
