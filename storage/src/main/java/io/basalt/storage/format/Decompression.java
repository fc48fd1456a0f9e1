package io.basalt.storage.format;

import com.github.luben.zstd.ZstdInputStream;
import io.basalt.storage.StorageException;
import io.basalt.storage.format.FormatOptions.Compression;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Opens a text or JSON object as a stream of its uncompressed bytes. */
final class Decompression {
  private static final int BUFFER_BYTES = 1 << 16;

  private Decompression() {}

  /** The object's uncompressed bytes; bytes fetched are counted; 22P04 for a bad header. */
  static InputStream open(ObjectStore store, ObjectInfo file, Compression compression,
      ScanCounters counters) {
    InputStream raw = new BufferedInputStream(
        new CountingInputStream(store.open(file.uri()), file.uri(), counters), BUFFER_BYTES);
    Compression actual = compression;
    try {
      if (actual == Compression.AUTO) {
        actual = fromName(file.uri().fileName());
        if (actual == null) {
          raw.mark(4);
          byte[] head = raw.readNBytes(4);
          raw.reset();
          actual = fromMagic(head);
        }
      }
      return switch (actual) {
        case NONE, AUTO -> raw;
        case GZIP -> new GZIPInputStream(raw, BUFFER_BYTES);
        case ZSTD -> new BufferedInputStream(new ZstdInputStream(raw), BUFFER_BYTES);
      };
    } catch (IOException e) {
      closeQuietly(raw);
      throw new StorageException("22P04", "Cannot read '" + file.uri() + "': not "
          + actual.name().toLowerCase(Locale.ROOT) + " data (" + e.getMessage() + ")", e);
    } catch (RuntimeException e) {
      closeQuietly(raw);
      throw e;
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException | RuntimeException ignored) {
      // Already failing; the first error is the one to report.
    }
  }

  /** The compression a file name's extension implies, or null when it implies none. */
  static Compression fromName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz") || name.endsWith(".gzip")) {
      return Compression.GZIP;
    }
    if (name.endsWith(".zst") || name.endsWith(".zstd")) {
      return Compression.ZSTD;
    }
    return null;
  }

  /** The compression a file's first bytes show: gzip's and zstd's magic numbers, else none. */
  static Compression fromMagic(byte[] head) {
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return Compression.GZIP;
    }
    if (head.length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5
        && (head[2] & 0xff) == 0x2f && (head[3] & 0xff) == 0xfd) {
      return Compression.ZSTD;
    }
    return Compression.NONE;
  }
}
