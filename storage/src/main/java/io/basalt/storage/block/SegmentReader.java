package io.basalt.storage.block;

import io.basalt.storage.encoding.ByteReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the footer and the blocks of one segment file; safe to use from many threads at once.
 * Holds only the footer: each block read opens the file briefly, so that a store with many
 * segments does not hold a file descriptor per segment.
 */
public final class SegmentReader {
  private static final int TRAILER = 16;

  private final Path file;
  private final SegmentFooter footer;
  /** Decoded blocks shared by the store's readers, or null to decode every read. */
  private final BlockCache cache;

  private SegmentReader(Path file, SegmentFooter footer, BlockCache cache) {
    this.file = file;
    this.footer = footer;
    this.cache = cache;
  }

  public static SegmentReader open(Path file) throws IOException {
    return open(file, null);
  }

  /** A reader whose decoded blocks go through {@code cache} (null for none). */
  public static SegmentReader open(Path file, BlockCache cache) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < TRAILER) {
        throw new IOException("Cannot read segment " + file + ": file is truncated");
      }
      ByteBuffer trailer = readAt(channel, size - TRAILER, TRAILER).order(ByteOrder.LITTLE_ENDIAN);
      long footerOffset = trailer.getLong();
      int footerLength = trailer.getInt();
      if (trailer.getInt() != SegmentWriter.MAGIC) {
        throw new IOException("Cannot read segment " + file + ": bad trailer");
      }
      ByteBuffer footerBytes = readAt(channel, footerOffset, footerLength);
      SegmentFooter footer = FooterFormat.read(new ByteReader(footerBytes.array()));
      return new SegmentReader(file, footer, cache);
    }
  }

  private static ByteBuffer readAt(FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, position + buffer.position());
      if (read < 0) {
        throw new IOException("Cannot read " + length + " bytes at " + position + ": end of file");
      }
    }
    buffer.flip();
    return buffer;
  }

  public SegmentFooter footer() {
    return footer;
  }

  /** Reads and decodes one block of one column. */
  public ColumnBlock read(int column, int block) throws IOException {
    if (cache != null) {
      String name = file.getFileName().toString();
      ColumnBlock cached = cache.get(name, column, block);
      if (cached == null) {
        cached = decode(column, block);
        cache.put(name, column, block, cached);
      }
      return cached;
    }
    return decode(column, block);
  }

  private ColumnBlock decode(int column, int block) throws IOException {
    ColumnMeta meta = footer.columns().get(column);
    BlockMeta blockMeta = meta.blocks().get(block);
    byte[] stored;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      stored = readAt(channel, blockMeta.offset(), blockMeta.length()).array();
    }
    return BlockCodec.decode(meta.type(), meta.scale(), footer.rowsInBlock(block), stored);
  }
}
