package io.basalt.storage.encoding;

import java.nio.charset.StandardCharsets;

/** Reads what a {@link ByteWriter} wrote, from a byte array and a moving position. */
public final class ByteReader {
  private final byte[] bytes;
  private int position;
  private final int limit;

  public ByteReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  public ByteReader(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.position = offset;
    this.limit = offset + length;
  }

  byte[] array() {
    return bytes;
  }

  public int position() {
    return position;
  }

  void skip(int count) {
    check(count);
    position += count;
  }

  public int remaining() {
    return limit - position;
  }

  private void check(int count) {
    if (count < 0 || position + count > limit) {
      throw new IllegalStateException("Cannot read " + count + " bytes: data is truncated");
    }
  }

  public int getByte() {
    check(1);
    return bytes[position++] & 0xFF;
  }

  public int getInt() {
    check(4);
    int value = (int) ByteWriter.INTS.get(bytes, position);
    position += 4;
    return value;
  }

  public long getLong() {
    check(8);
    long value = (long) ByteWriter.LONGS.get(bytes, position);
    position += 8;
    return value;
  }

  public byte[] getBytes(int length) {
    check(length);
    byte[] out = new byte[length];
    System.arraycopy(bytes, position, out, 0, length);
    position += length;
    return out;
  }

  public String getString(int length) {
    check(length);
    String value = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return value;
  }
}
