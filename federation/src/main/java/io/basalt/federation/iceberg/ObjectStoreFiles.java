package io.basalt.federation.iceberg;

import io.basalt.storage.StorageException;
import io.basalt.storage.objectstore.ObjectInfo;
import io.basalt.storage.objectstore.ObjectStore;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;

/** The input and output files of {@link ObjectStoreFileIO}. */
final class ObjectStoreFiles {
  /** Reads are buffered in chunks of this size: Iceberg reads manifests a few bytes at a time. */
  private static final int READ_CHUNK = 1 << 20;

  private ObjectStoreFiles() {}

  /** An object read by ranged requests; its length is known up front or stat-ed once. */
  static final class Input implements InputFile {
    private final ObjectStore store;
    private final ObjectUri uri;
    private final String location;
    private long length;

    Input(ObjectStore store, ObjectUri uri, String location, long length) {
      this.store = store;
      this.uri = uri;
      this.location = location;
      this.length = length;
    }

    @Override
    public long getLength() {
      if (length < 0) {
        length = store.stat(uri).map(ObjectInfo::size).orElseThrow(
            () -> new NotFoundException("File does not exist: %s", location));
      }
      return length;
    }

    @Override
    public SeekableInputStream newStream() {
      return new ObjectInputStream(store, uri, getLength());
    }

    @Override
    public String location() {
      return location;
    }

    @Override
    public boolean exists() {
      return store.stat(uri).isPresent();
    }
  }

  /** A seekable stream over ranged reads, holding one chunk at a time. */
  private static final class ObjectInputStream extends SeekableInputStream {
    private final ObjectStore store;
    private final ObjectUri uri;
    private final long length;
    private long position;
    private byte[] chunk = new byte[0];
    private long chunkStart;

    ObjectInputStream(ObjectStore store, ObjectUri uri, long length) {
      this.store = store;
      this.uri = uri;
      this.length = length;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void seek(long newPos) throws IOException {
      if (newPos < 0) {
        throw new IOException("Cannot seek to " + newPos + " in " + uri);
      }
      position = newPos;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
      if (count == 0) {
        return 0;
      }
      if (position >= length) {
        return -1;
      }
      if (position < chunkStart || position >= chunkStart + chunk.length) {
        fill();
      }
      int available = (int) Math.min(count, chunkStart + chunk.length - position);
      System.arraycopy(chunk, (int) (position - chunkStart), buffer, offset, available);
      position += available;
      return available;
    }

    private void fill() throws IOException {
      int size = (int) Math.min(READ_CHUNK, length - position);
      try {
        chunk = store.read(uri, position, size);
      } catch (StorageException e) {
        throw new IOException(e.getMessage(), e);
      }
      chunkStart = position;
      if (chunk.length == 0) {
        throw new IOException("Cannot read " + uri + " at " + position + ": it ended early");
      }
    }
  }

  /** An object written through the store's atomic output. */
  static final class Output implements OutputFile {
    private final ObjectStore store;
    private final ObjectUri uri;
    private final String location;

    Output(ObjectStore store, ObjectUri uri, String location) {
      this.store = store;
      this.uri = uri;
      this.location = location;
    }

    @Override
    public PositionOutputStream create() {
      if (store.stat(uri).isPresent()) {
        throw new AlreadyExistsException("File already exists: %s", location);
      }
      return createOrOverwrite();
    }

    @Override
    public PositionOutputStream createOrOverwrite() {
      ObjectStore.AbortableOutput out = store.create(uri);
      return new PositionOutputStream() {
        private long position;

        @Override
        public long getPos() {
          return position;
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
          position++;
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
          out.write(bytes, offset, count);
          position += count;
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }

        @Override
        public void close() throws IOException {
          try {
            out.close();
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
        }
      };
    }

    @Override
    public String location() {
      return location;
    }

    @Override
    public InputFile toInputFile() {
      return new Input(store, uri, location, -1);
    }
  }
}
