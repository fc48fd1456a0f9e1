package io.basalt.storage.encoding;

import java.util.Arrays;

/**
 * Packs non-negative offsets of at most {@link #MAX_WIDTH} bits each, little-endian, followed by
 * eight bytes of padding so that every value can be read with one unaligned 64-bit load.
 */
final class BitPacking {
  /** Widest packable value: a 64-bit load at any bit shift below 8 still holds all its bits. */
  static final int MAX_WIDTH = 56;

  private BitPacking() {}

  /** Bits needed for an unsigned value, or 64 when it does not fit in 63 bits. */
  static int width(long unsignedMax) {
    return 64 - Long.numberOfLeadingZeros(unsignedMax);
  }

  static int packedBytes(int count, int width) {
    return (int) (((long) count * width + 7) >>> 3) + 8;
  }

  /** Writes {@code values[i] - base} for the first {@code count} values in {@code width} bits. */
  static void pack(long[] values, int count, long base, int width, ByteWriter out) {
    int length = packedBytes(count, width);
    byte[] buffer = out.reserve(length);
    int start = out.size();
    Arrays.fill(buffer, start, start + length, (byte) 0);
    if (width > 0) {
      long bitPosition = 0;
      for (int i = 0; i < count; i++) {
        int index = start + (int) (bitPosition >>> 3);
        int shift = (int) (bitPosition & 7);
        long word = (long) ByteWriter.LONGS.get(buffer, index);
        ByteWriter.LONGS.set(buffer, index, word | ((values[i] - base) << shift));
        bitPosition += width;
      }
    }
    out.advance(length);
  }

  /** Reads {@code count} packed values into {@code out}, adding {@code base} to each. */
  static void unpack(ByteReader in, int count, long base, int width, long[] out, int outOffset) {
    int length = packedBytes(count, width);
    byte[] buffer = in.array();
    int start = in.position();
    in.skip(length);
    if (width == 0) {
      Arrays.fill(out, outOffset, outOffset + count, base);
      return;
    }
    long mask = (1L << width) - 1;
    long bitPosition = 0;
    for (int i = 0; i < count; i++) {
      long word = (long) ByteWriter.LONGS.get(buffer, start + (int) (bitPosition >>> 3));
      out[outOffset + i] = base + ((word >>> (bitPosition & 7)) & mask);
      bitPosition += width;
    }
  }

  /** As {@link #unpack} into an int array, for dictionary codes. */
  static void unpackInts(ByteReader in, int count, int width, int[] out) {
    int length = packedBytes(count, width);
    byte[] buffer = in.array();
    int start = in.position();
    in.skip(length);
    if (width == 0) {
      Arrays.fill(out, 0, count, 0);
      return;
    }
    long mask = (1L << width) - 1;
    long bitPosition = 0;
    for (int i = 0; i < count; i++) {
      long word = (long) ByteWriter.LONGS.get(buffer, start + (int) (bitPosition >>> 3));
      out[i] = (int) ((word >>> (bitPosition & 7)) & mask);
      bitPosition += width;
    }
  }
}
