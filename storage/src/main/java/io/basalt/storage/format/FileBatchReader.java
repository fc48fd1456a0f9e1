package io.basalt.storage.format;

import io.basalt.storage.RowBatch;
import java.util.Iterator;

/**
 * The batches of one split, each holding the requested columns in the requested order. Errors
 * are {@link io.basalt.storage.StorageException}s that name the file. Close it even when not read
 * to the end.
 */
public interface FileBatchReader extends Iterator<RowBatch>, AutoCloseable {
  @Override
  void close();
}
