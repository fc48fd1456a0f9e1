package io.basalt.storage.snapshot;

import io.basalt.storage.StorageException;
import io.basalt.storage.block.SegmentReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Open segment files of a store, shared by all snapshots and scans, closed with the store. */
public final class SegmentCache implements AutoCloseable {
  private final Path directory;
  private final Map<String, SegmentReader> readers = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public SegmentCache(Path directory) {
    this.directory = directory;
  }

  public SegmentReader reader(String file) {
    if (closed) {
      throw new StorageException("58030", "Cannot read segment " + file + ": the store is closed");
    }
    try {
      return readers.computeIfAbsent(file, name -> {
        try {
          return SegmentReader.open(directory.resolve(name));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw new StorageException("58030", "Cannot read segment " + file + ": " + e.getCause(), e);
    }
  }

  @Override
  public void close() {
    closed = true;
    for (SegmentReader reader : readers.values()) {
      try {
        reader.close();
      } catch (IOException ignored) {
        // Read-only files: nothing is lost.
      }
    }
    readers.clear();
  }
}
