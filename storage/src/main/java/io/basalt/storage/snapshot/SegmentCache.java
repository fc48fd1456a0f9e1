package io.basalt.storage.snapshot;

import io.basalt.storage.StorageException;
import io.basalt.storage.block.BlockCache;
import io.basalt.storage.block.SegmentReader;
import io.basalt.storage.catalog.SegmentRef;
import io.basalt.storage.catalog.TableEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The segment files of a store as readers see them: footers read so far, and which files live
 * snapshots still use. A file that commits no longer reference is deleted at once when no
 * snapshot uses it, or else when the last snapshot using it has become unreachable.
 */
public final class SegmentCache implements AutoCloseable {
  private final Path directory;
  private final Map<String, SegmentReader> readers = new ConcurrentHashMap<>();
  private final Cleaner cleaner = Cleaner.create();
  /** Live snapshots per file; guarded by this. */
  private final Map<String, Integer> pins = new HashMap<>();
  /** Files no commit references that a live snapshot still reads; guarded by this. */
  private final Set<String> retired = new HashSet<>();
  private final BlockCache blocks = BlockCache.sizedForHeap();
  private volatile boolean closed;

  public SegmentCache(Path directory) {
    this.directory = directory;
  }

  /**
   * A snapshot of the table entry that {@code current} returns, its files kept until the snapshot
   * becomes unreachable. Reading the entry and pinning its files happen under the same lock as
   * {@link #retire}, so a commit cannot delete them in between.
   */
  public NativeSnapshot snapshot(Supplier<TableEntry> current) {
    TableEntry entry;
    List<String> files = new ArrayList<>();
    synchronized (this) {
      entry = current.get();
      for (SegmentRef segment : entry.segments()) {
        files.add(segment.file());
        pins.merge(segment.file(), 1, Integer::sum);
      }
    }
    NativeSnapshot snapshot = new NativeSnapshot(entry, this);
    if (!files.isEmpty()) {
      cleaner.register(snapshot, () -> unpin(files));
    }
    return snapshot;
  }

  private synchronized void unpin(List<String> files) {
    for (String file : files) {
      Integer count = pins.merge(file, -1, Integer::sum);
      if (count != null && count <= 0) {
        pins.remove(file);
        if (retired.remove(file)) {
          delete(file);
        }
      }
    }
  }

  /** Called once a commit no longer references {@code files}. */
  public synchronized void retire(Collection<String> files) {
    for (String file : files) {
      if (pins.containsKey(file)) {
        retired.add(file);
      } else {
        delete(file);
      }
    }
  }

  private void delete(String file) {
    readers.remove(file);
    blocks.forget(file);
    if (closed) {
      return; // The next open deletes what no manifest references.
    }
    try {
      Files.deleteIfExists(directory.resolve(file));
    } catch (IOException ignored) {
      // The next open deletes what no manifest references.
    }
  }

  public SegmentReader reader(String file) {
    if (closed) {
      throw new StorageException("58030", "Cannot read segment " + file + ": the store is closed");
    }
    try {
      return readers.computeIfAbsent(file, name -> {
        try {
          return SegmentReader.open(directory.resolve(name), blocks);
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
    readers.clear();
  }
}
