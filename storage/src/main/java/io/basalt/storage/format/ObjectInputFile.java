package io.basalt.storage.format;

import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A parquet-java {@link InputFile} over ranged object-store reads, so the same code reads local
 * folders and S3. Every fetched byte is counted in {@link ScanCounters#snapshot bytesRead}.
 */
final class ObjectInputFile implements InputFile {
  /** The footer read fetches this much of the file's tail at once, usually all of the footer. */
  static final int TAIL_BYTES = 64 * 1024;
  /** Single-byte reads are served from a window of this many bytes. */
  private static final int WINDOW_BYTES = 8 * 1024;
  /** One ranged request fetches at most this much. */
  private static final int MAX_REQUEST_BYTES = 64 * 1024 * 1024;

  private final ObjectStore store;
  private final ObjectInfo file;
  private final ScanCounters counters;

  ObjectInputFile(ObjectStore store, ObjectInfo file, ScanCounters counters) {
    this.store = store;
    this.file = file;
    this.counters = counters;
  }

  ObjectUri uri() {
    return file.uri();
  }

  @Override
  public long getLength() {
    return file.size();
  }

  @Override
  public SeekableInputStream newStream() {
    return new Stream();
  }

  /** Fetches exactly {@code length} bytes at {@code offset}; EOF when the object is shorter. */
  void readFully(long offset, byte[] target, int targetOffset, int length) throws IOException {
    int done = 0;
    while (done < length) {
      int want = Math.min(MAX_REQUEST_BYTES, length - done);
      byte[] bytes = store.read(file.uri(), offset + done, want);
      counters.addBytesRead(bytes.length);
      if (bytes.length < want) {
        throw new EOFException("'" + file.uri() + "' ends at byte " + (offset + done
            + bytes.length) + ", before byte " + (offset + length) + " (changed or truncated?)");
      }
      System.arraycopy(bytes, 0, target, targetOffset + done, want);
      done += want;
    }
  }

  @Override
  public String toString() {
    return file.uri().toString();
  }

  /** A seekable stream that keeps one window of the object for small sequential reads. */
  private final class Stream extends SeekableInputStream {
    private long position;
    private byte[] window = new byte[0];
    private long windowStart;

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void seek(long newPosition) throws IOException {
      if (newPosition < 0 || newPosition > file.size()) {
        throw new EOFException("Cannot seek to byte " + newPosition + " of '" + file.uri()
            + "' (" + file.size() + " bytes)");
      }
      position = newPosition;
    }

    private int buffered() {
      long offset = position - windowStart;
      return offset >= 0 && offset < window.length ? (int) (window.length - offset) : 0;
    }

    private void fill() throws IOException {
      long remaining = file.size() - position;
      int length = (int) Math.min(WINDOW_BYTES, remaining);
      window = new byte[length];
      windowStart = position;
      ObjectInputFile.this.readFully(position, window, 0, length);
    }

    @Override
    public int read() throws IOException {
      if (position >= file.size()) {
        return -1;
      }
      if (buffered() == 0) {
        fill();
      }
      return window[(int) (position++ - windowStart)] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      long remaining = file.size() - position;
      if (remaining <= 0) {
        return -1;
      }
      int wanted = (int) Math.min(length, remaining);
      readFully(target, offset, wanted);
      return wanted;
    }

    @Override
    public void readFully(byte[] target) throws IOException {
      readFully(target, 0, target.length);
    }

    @Override
    public void readFully(byte[] target, int offset, int length) throws IOException {
      int buffered = buffered();
      int fromWindow = Math.min(buffered, length);
      if (fromWindow > 0) {
        System.arraycopy(window, (int) (position - windowStart), target, offset, fromWindow);
        position += fromWindow;
      }
      int rest = length - fromWindow;
      if (rest == 0) {
        return;
      }
      if (position + rest > file.size()) {
        throw new EOFException("Cannot read " + rest + " bytes at byte " + position + " of '"
            + file.uri() + "' (" + file.size() + " bytes)");
      }
      // parquet-java asks for exact ranges (whole column chunks): fetch just those bytes.
      ObjectInputFile.this.readFully(position, target, offset + fromWindow, rest);
      position += rest;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
      long remaining = file.size() - position;
      if (remaining <= 0) {
        return target.hasRemaining() ? -1 : 0;
      }
      int wanted = (int) Math.min(target.remaining(), remaining);
      readInto(target, wanted);
      return wanted;
    }

    @Override
    public void readFully(ByteBuffer target) throws IOException {
      readInto(target, target.remaining());
    }

    private void readInto(ByteBuffer target, int length) throws IOException {
      if (target.hasArray()) {
        readFully(target.array(), target.arrayOffset() + target.position(), length);
        target.position(target.position() + length);
      } else {
        byte[] bytes = new byte[length];
        readFully(bytes, 0, length);
        target.put(bytes);
      }
    }

    @Override
    public void close() {
      window = new byte[0];
    }
  }
}
