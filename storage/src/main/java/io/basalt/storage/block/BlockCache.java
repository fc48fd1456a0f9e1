package io.basalt.storage.block;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded column blocks kept in memory, least recently used first out, up to a byte budget: a
 * query that reads what another just read skips the disk, Zstandard and the decoders. Blocks
 * are immutable and segment files are never rewritten under the same name, so an entry never
 * goes stale; entries of deleted files are dropped with {@link #forget}.
 */
public final class BlockCache {
  private final long capacityBytes;
  private final LinkedHashMap<Key, ColumnBlock> blocks = new LinkedHashMap<>(1024, 0.75f, true);
  private long bytes;

  public BlockCache(long capacityBytes) {
    this.capacityBytes = capacityBytes;
  }

  /** A cache of a quarter of the heap, or of {@code basalt.block-cache-mb} megabytes if set. */
  public static BlockCache sizedForHeap() {
    String configured = System.getProperty("basalt.block-cache-mb");
    long capacity = configured != null ? Long.parseLong(configured) << 20
        : Runtime.getRuntime().maxMemory() / 4;
    return new BlockCache(capacity);
  }

  record Key(String file, int column, int block) {}

  synchronized ColumnBlock get(String file, int column, int block) {
    return blocks.get(new Key(file, column, block));
  }

  synchronized void put(String file, int column, int block, ColumnBlock value) {
    long size = value.estimatedBytes();
    if (size > capacityBytes / 4) {
      return;
    }
    ColumnBlock previous = blocks.put(new Key(file, column, block), value);
    bytes += size - (previous == null ? 0 : previous.estimatedBytes());
    Iterator<ColumnBlock> eldest = blocks.values().iterator();
    while (bytes > capacityBytes && eldest.hasNext()) {
      bytes -= eldest.next().estimatedBytes();
      eldest.remove();
    }
  }

  /** Drops the blocks of a deleted segment file. */
  public synchronized void forget(String file) {
    Iterator<Map.Entry<Key, ColumnBlock>> entries = blocks.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<Key, ColumnBlock> entry = entries.next();
      if (entry.getKey().file().equals(file)) {
        bytes -= entry.getValue().estimatedBytes();
        entries.remove();
      }
    }
  }

  public synchronized long bytes() {
    return bytes;
  }
}
