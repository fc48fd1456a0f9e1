package io.basalt.storage.format;

import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import java.io.InputStream;

/**
 * An object's stream that counts the bytes it delivers and reports its I/O failures as 58030
 * naming the object, so that any IOException further up the stack means undecodable data.
 */
final class CountingInputStream extends InputStream {
  private final InputStream in;
  private final ObjectUri uri;
  private final ScanCounters counters;

  CountingInputStream(InputStream in, ObjectUri uri, ScanCounters counters) {
    this.in = in;
    this.uri = uri;
    this.counters = counters;
  }

  @Override
  public int read() {
    try {
      int b = in.read();
      if (b >= 0) {
        counters.addBytesRead(1);
      }
      return b;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public int read(byte[] bytes, int offset, int length) {
    try {
      int read = in.read(bytes, offset, length);
      if (read > 0) {
        counters.addBytesRead(read);
      }
      return read;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  private StorageException failure(IOException e) {
    return new StorageException("58030", "Cannot read '" + uri + "': " + e.getMessage(), e);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
