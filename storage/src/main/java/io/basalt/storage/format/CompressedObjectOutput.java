package io.basalt.storage.format;

import com.github.luben.zstd.ZstdOutputStream;
import io.basalt.storage.StorageException;
import io.basalt.storage.format.FormatOptions.Compression;
import io.basalt.storage.objectstore.ObjectStore.AbortableOutput;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The byte side of a text or JSON file writer: an object being created, compressed as the
 * options say (AUTO: by the file name's extension), with the compressed bytes counted. Closing
 * publishes the object; any failure on the way aborts it, so nothing half-written is visible.
 */
final class CompressedObjectOutput {
  private final ObjectUri uri;
  private final AbortableOutput output;
  private final CountingStream counted;
  private final OutputStream stream;

  CompressedObjectOutput(ObjectUri uri, AbortableOutput output, Compression requested)
      throws IOException {
    this.uri = uri;
    this.output = output;
    this.counted = new CountingStream(output);
    Compression compression = requested;
    if (compression == Compression.AUTO) {
      Compression named = Decompression.fromName(uri.fileName());
      compression = named == null ? Compression.NONE : named;
    }
    OutputStream compressed = switch (compression) {
      case GZIP -> new GZIPOutputStream(counted, 1 << 16);
      case ZSTD -> new ZstdOutputStream(counted);
      case NONE, AUTO -> counted;
    };
    this.stream = new BufferedOutputStream(compressed, 1 << 16);
  }

  /** Where the writer puts its uncompressed bytes. */
  OutputStream stream() {
    return stream;
  }

  /** Bytes that reached the object so far (compressed). */
  long bytesWritten() {
    return counted.count;
  }

  /** Flushes, compresses the rest and publishes; on failure nothing is published. */
  void publish() {
    try {
      stream.close();
    } catch (IOException | RuntimeException e) {
      output.abort();
      throw failure(uri, e);
    }
  }

  void abort() {
    output.abort();
  }

  /** A writer's failure as the SQL error that names the object. */
  static StorageException failure(ObjectUri uri, Exception e) {
    if (e instanceof StorageException storage) {
      return storage;
    }
    return new StorageException("58030", "Cannot write '" + uri + "': " + e.getMessage(), e);
  }

  /** Counts the bytes that reach the object. */
  private static final class CountingStream extends OutputStream {
    private final OutputStream out;
    private long count;

    CountingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      count += length;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
