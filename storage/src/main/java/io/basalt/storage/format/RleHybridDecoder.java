package io.basalt.storage.format;

/**
 * Parquet's RLE / bit-packed hybrid encoding of small unsigned integers (definition levels,
 * dictionary indexes), decoded run by run: a repeated run is handed out as one value and a
 * length, a bit-packed run is unpacked eight values at a time into a buffer.
 */
final class RleHybridDecoder {
  private byte[] data;
  private int position;
  private int end;
  private int bitWidth;
  private int valueBytes;
  private int mask;
  /** Values left in the current run. */
  private int left;
  private boolean repeated;
  private int repeatedValue;
  private int[] packed = new int[64];
  private int packedPosition;

  /** Starts decoding {@code data[offset, end)} as values of {@code width} bits. */
  void reset(byte[] bytes, int offset, int limit, int width) {
    if (width < 0 || width > 32) {
      throw new IllegalArgumentException("invalid RLE bit width " + width);
    }
    data = bytes;
    position = offset;
    end = limit;
    bitWidth = width;
    valueBytes = (width + 7) / 8;
    mask = width == 32 ? -1 : (1 << width) - 1;
    left = 0;
  }

  /** Values left in the current run, reading the next run's header when it is used up. */
  int run() {
    if (left == 0) {
      readHeader();
    }
    return left;
  }

  /** Whether the current run (after {@link #run}) repeats {@link #repeatedValue}. */
  boolean repeated() {
    return repeated;
  }

  int repeatedValue() {
    return repeatedValue;
  }

  /** The next value of the current bit-packed run (after {@link #run}). */
  int nextPacked() {
    left--;
    return packed[packedPosition++];
  }

  /** Skips {@code count} values of the current run (at most {@link #run}). */
  void skip(int count) {
    left -= count;
    if (!repeated) {
      packedPosition += count;
    }
  }

  /** Skips the next {@code count} values, across runs. */
  void skipValues(int count) {
    int done = 0;
    while (done < count) {
      int n = Math.min(run(), count - done);
      skip(n);
      done += n;
    }
  }

  /** Consumes the next {@code count} values and returns how many of them equal 1. */
  int countOnes(int count) {
    int done = 0;
    int ones = 0;
    while (done < count) {
      int n = Math.min(run(), count - done);
      if (repeated) {
        ones += repeatedValue == 1 ? n : 0;
      } else {
        int[] values = packed;
        int from = packedPosition;
        for (int i = 0; i < n; i++) {
          ones += values[from + i] == 1 ? 1 : 0;
        }
      }
      skip(n);
      done += n;
    }
    return ones;
  }

  /** Reads {@code count} values into {@code target} from {@code offset}. */
  void read(int[] target, int offset, int count) {
    int done = 0;
    while (done < count) {
      int n = Math.min(run(), count - done);
      if (repeated) {
        java.util.Arrays.fill(target, offset + done, offset + done + n, repeatedValue);
      } else {
        System.arraycopy(packed, packedPosition, target, offset + done, n);
        packedPosition += n;
      }
      left -= n;
      done += n;
    }
  }

  private void readHeader() {
    if (position >= end) {
      throw new IllegalStateException("RLE/bit-packed data ends early");
    }
    int header = readVarInt();
    if ((header & 1) == 0) {
      repeated = true;
      left = header >>> 1;
      if (left <= 0 || position + valueBytes > end) {
        throw new IllegalStateException("invalid RLE run (" + left + " values)");
      }
      int value = 0;
      for (int i = 0; i < valueBytes; i++) {
        value |= (data[position++] & 0xff) << (8 * i);
      }
      repeatedValue = value;
    } else {
      repeated = false;
      int groups = header >>> 1;
      if (groups <= 0 || groups > (1 << 24)) {
        throw new IllegalStateException("invalid bit-packed run (" + groups + " groups)");
      }
      int values = groups * 8;
      if (packed.length < values) {
        packed = new int[Math.max(values, packed.length * 2)];
      }
      unpack(values);
      left = values;
      packedPosition = 0;
    }
  }

  /**
   * Unpacks {@code count} values, least significant bits first. A last run cut short reads as
   * zeros past the end of the data (writers pad the last group).
   */
  private void unpack(int count) {
    int width = bitWidth;
    if (width == 0) {
      java.util.Arrays.fill(packed, 0, count, 0);
      return;
    }
    byte[] bytes = data;
    int p = position;
    int limit = end;
    long buffer = 0;
    int bits = 0;
    int[] out = packed;
    long valueMask = mask & 0xffffffffL;
    if (p + (long) count * width / 8 <= limit) {
      for (int i = 0; i < count; i++) {
        while (bits < width) {
          buffer |= (long) (bytes[p++] & 0xff) << bits;
          bits += 8;
        }
        out[i] = (int) (buffer & valueMask);
        buffer >>>= width;
        bits -= width;
      }
    } else {
      for (int i = 0; i < count; i++) {
        while (bits < width) {
          int b = p < limit ? bytes[p] & 0xff : 0;
          p++;
          buffer |= (long) b << bits;
          bits += 8;
        }
        out[i] = (int) (buffer & valueMask);
        buffer >>>= width;
        bits -= width;
      }
    }
    position = Math.min(p, limit);
  }

  private int readVarInt() {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (position >= end) {
        throw new IllegalStateException("RLE/bit-packed run header ends early");
      }
      int b = data[position++];
      value |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IllegalStateException("invalid RLE/bit-packed run header");
  }
}
