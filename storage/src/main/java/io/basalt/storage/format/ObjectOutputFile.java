package io.basalt.storage.format;

import io.basalt.storage.objectstore.ObjectStore.AbortableOutput;
import io.basalt.storage.objectstore.ObjectUri;
import java.io.IOException;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A parquet-java {@link OutputFile} over one object-store output: closing the stream publishes
 * the object atomically; {@link #abort} discards it.
 */
final class ObjectOutputFile implements OutputFile {
  private final ObjectUri uri;
  private final AbortableOutput output;
  private final Stream stream = new Stream();

  ObjectOutputFile(ObjectUri uri, AbortableOutput output) {
    this.uri = uri;
    this.output = output;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) {
    return stream;
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) {
    return stream;
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  @Override
  public String getPath() {
    return uri.toString();
  }

  long position() {
    return stream.position;
  }

  void abort() {
    output.abort();
  }

  /** Counts the bytes passed to the object's output. */
  private final class Stream extends PositionOutputStream {
    private long position;

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      output.write(b);
      position++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      output.write(bytes, offset, length);
      position += length;
    }

    @Override
    public void flush() throws IOException {
      output.flush();
    }

    @Override
    public void close() throws IOException {
      output.close();
    }
  }
}
