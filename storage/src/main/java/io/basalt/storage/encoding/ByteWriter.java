package io.basalt.storage.encoding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable little-endian byte buffer that encoders write into. */
public final class ByteWriter {
  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] bytes;
  private int size;

  public ByteWriter(int initialCapacity) {
    bytes = new byte[Math.max(16, initialCapacity)];
  }

  public int size() {
    return size;
  }

  /** Makes room for {@code more} bytes; returns the backing array, valid until the next write. */
  byte[] reserve(int more) {
    int needed = size + more;
    if (needed < 0) {
      throw new IllegalStateException("Cannot grow buffer beyond 2 GB");
    }
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8,
          bytes.length * 2L)));
    }
    return bytes;
  }

  void advance(int count) {
    size += count;
  }

  public void putByte(int value) {
    reserve(1)[size++] = (byte) value;
  }

  public void putInt(int value) {
    INTS.set(reserve(4), size, value);
    size += 4;
  }

  public void putLong(long value) {
    LONGS.set(reserve(8), size, value);
    size += 8;
  }

  public void putBytes(byte[] source, int offset, int length) {
    System.arraycopy(source, offset, reserve(length), size, length);
    size += length;
  }

  public void putBytes(byte[] source) {
    putBytes(source, 0, source.length);
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  public void reset() {
    size = 0;
  }
}
