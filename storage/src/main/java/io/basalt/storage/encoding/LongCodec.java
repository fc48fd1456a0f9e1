package io.basalt.storage.encoding;

import java.util.Arrays;

/**
 * Encodes blocks of longs with whichever {@link LongEncoding} is smallest for the block, and
 * decodes them back into primitive arrays.
 */
public final class LongCodec {
  /** More distinct values than this and a dictionary is never worth its index width. */
  private static final int MAX_DICTIONARY = 1 << 16;

  private LongCodec() {}

  /** Appends the encoded form of {@code values[0..count)} and returns the encoding used. */
  public static LongEncoding encode(long[] values, int count, ByteWriter out) {
    if (count == 0) {
      out.putByte(LongEncoding.FRAME_OF_REFERENCE.ordinal());
      out.putLong(0);
      out.putByte(0);
      BitPacking.pack(values, 0, 0, 0, out);
      return LongEncoding.FRAME_OF_REFERENCE;
    }
    long min = values[0];
    long max = values[0];
    long minDelta = Long.MAX_VALUE;
    long maxDelta = Long.MIN_VALUE;
    int runs = 1;
    int longestRun = 1;
    int currentRun = 1;
    for (int i = 1; i < count; i++) {
      long v = values[i];
      if (v < min) {
        min = v;
      } else if (v > max) {
        max = v;
      }
      long delta = v - values[i - 1];
      if (delta < minDelta) {
        minDelta = delta;
      }
      if (delta > maxDelta) {
        maxDelta = delta;
      }
      if (delta == 0) {
        currentRun++;
      } else {
        runs++;
        longestRun = Math.max(longestRun, currentRun);
        currentRun = 1;
      }
    }
    longestRun = Math.max(longestRun, currentRun);

    int forWidth = BitPacking.width(max - min);
    long best = 8L * count;
    LongEncoding choice = LongEncoding.RAW;
    if (forWidth <= BitPacking.MAX_WIDTH) {
      long size = 9L + BitPacking.packedBytes(count, forWidth);
      if (size < best) {
        best = size;
        choice = LongEncoding.FRAME_OF_REFERENCE;
      }
    }
    int deltaWidth = count > 1 ? BitPacking.width(maxDelta - minDelta) : 64;
    if (deltaWidth <= BitPacking.MAX_WIDTH) {
      long size = 17L + BitPacking.packedBytes(count - 1, deltaWidth);
      if (size < best) {
        best = size;
        choice = LongEncoding.DELTA;
      }
    }
    int lengthWidth = BitPacking.width(longestRun - 1);
    if (forWidth <= BitPacking.MAX_WIDTH) {
      long size = 5L + 9 + BitPacking.packedBytes(runs, forWidth) + 1
          + BitPacking.packedBytes(runs, lengthWidth);
      if (size < best) {
        best = size;
        choice = LongEncoding.RUN_LENGTH;
      }
    }
    long[] dictionary = null;
    if (forWidth > 1 && runs > 1 && count >= 16) {
      dictionary = distinct(values, count, Math.min(MAX_DICTIONARY, count / 2));
      if (dictionary != null) {
        int k = dictionary.length;
        int dictWidth = BitPacking.width(dictionary[k - 1] - dictionary[0]);
        long size = 5L + 9 + BitPacking.packedBytes(k, dictWidth) + 1
            + BitPacking.packedBytes(count, BitPacking.width(k - 1));
        if (dictWidth <= BitPacking.MAX_WIDTH && size < best) {
          choice = LongEncoding.DICTIONARY;
        }
      }
    }

    out.putByte(choice.ordinal());
    switch (choice) {
      case RAW -> {
        for (int i = 0; i < count; i++) {
          out.putLong(values[i]);
        }
      }
      case FRAME_OF_REFERENCE -> writeFrame(values, count, min, forWidth, out);
      case DELTA -> {
        long[] deltas = new long[count - 1];
        for (int i = 1; i < count; i++) {
          deltas[i - 1] = values[i] - values[i - 1];
        }
        out.putLong(values[0]);
        writeFrame(deltas, count - 1, minDelta, deltaWidth, out);
      }
      case RUN_LENGTH -> writeRuns(values, count, runs, min, forWidth, lengthWidth, out);
      case DICTIONARY -> writeDictionary(values, count, dictionary, out);
      default -> throw new IllegalStateException("unreachable");
    }
    return choice;
  }

  private static void writeFrame(long[] values, int count, long base, int width, ByteWriter out) {
    out.putLong(base);
    out.putByte(width);
    BitPacking.pack(values, count, base, width, out);
  }

  private static void writeRuns(long[] values, int count, int runs, long min, int width,
      int lengthWidth, ByteWriter out) {
    long[] runValues = new long[runs];
    long[] runLengths = new long[runs];
    int run = 0;
    int start = 0;
    for (int i = 1; i <= count; i++) {
      if (i == count || values[i] != values[start]) {
        runValues[run] = values[start];
        runLengths[run] = i - start - 1;
        run++;
        start = i;
      }
    }
    out.putInt(runs);
    out.putByte(0);
    writeFrame(runValues, runs, min, width, out);
    out.putByte(lengthWidth);
    BitPacking.pack(runLengths, runs, 0, lengthWidth, out);
  }

  private static void writeDictionary(long[] values, int count, long[] dictionary,
      ByteWriter out) {
    int k = dictionary.length;
    long[] codes = new long[count];
    for (int i = 0; i < count; i++) {
      codes[i] = Arrays.binarySearch(dictionary, values[i]);
    }
    out.putInt(k);
    out.putByte(0);
    writeFrame(dictionary, k, dictionary[0], BitPacking.width(dictionary[k - 1] - dictionary[0]),
        out);
    int codeWidth = BitPacking.width(k - 1);
    out.putByte(codeWidth);
    BitPacking.pack(codes, count, 0, codeWidth, out);
  }

  /** The sorted distinct values, or null when there are more than {@code limit}. */
  private static long[] distinct(long[] values, int count, int limit) {
    int capacity = Integer.highestOneBit(Math.max(4, limit) * 2) << 1;
    long[] table = new long[capacity];
    boolean[] used = new boolean[capacity];
    int mask = capacity - 1;
    int size = 0;
    long previous = values[0] + 1;
    for (int i = 0; i < count; i++) {
      long v = values[i];
      if (v == previous) {
        continue;
      }
      previous = v;
      int slot = (int) (mix(v) & mask);
      while (used[slot] && table[slot] != v) {
        slot = (slot + 1) & mask;
      }
      if (!used[slot]) {
        if (++size > limit) {
          return null;
        }
        used[slot] = true;
        table[slot] = v;
      }
    }
    long[] result = new long[size];
    int n = 0;
    for (int i = 0; i < capacity; i++) {
      if (used[i]) {
        result[n++] = table[i];
      }
    }
    Arrays.sort(result);
    return result;
  }

  private static long mix(long value) {
    long h = value * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }

  /** Reads {@code count} values into {@code out[0..count)}. */
  public static void decode(ByteReader in, int count, long[] out) {
    LongEncoding encoding = LongEncoding.values()[in.getByte()];
    switch (encoding) {
      case RAW -> {
        for (int i = 0; i < count; i++) {
          out[i] = in.getLong();
        }
      }
      case FRAME_OF_REFERENCE -> readFrame(in, count, out, 0);
      case DELTA -> {
        long first = in.getLong();
        out[0] = first;
        readFrame(in, count - 1, out, 1);
        for (int i = 1; i < count; i++) {
          out[i] += out[i - 1];
        }
      }
      case RUN_LENGTH -> {
        int runs = in.getInt();
        in.getByte();
        long[] runValues = new long[runs];
        readFrame(in, runs, runValues, 0);
        int lengthWidth = in.getByte();
        long[] runLengths = new long[runs];
        BitPacking.unpack(in, runs, 0, lengthWidth, runLengths, 0);
        int position = 0;
        for (int r = 0; r < runs; r++) {
          int end = position + (int) runLengths[r] + 1;
          Arrays.fill(out, position, end, runValues[r]);
          position = end;
        }
      }
      case DICTIONARY -> {
        int k = in.getInt();
        in.getByte();
        long[] dictionary = new long[k];
        readFrame(in, k, dictionary, 0);
        int codeWidth = in.getByte();
        int[] codes = new int[count];
        BitPacking.unpackInts(in, count, codeWidth, codes);
        for (int i = 0; i < count; i++) {
          out[i] = dictionary[codes[i]];
        }
      }
      default -> throw new IllegalStateException("unreachable");
    }
  }

  private static void readFrame(ByteReader in, int count, long[] out, int offset) {
    long base = in.getLong();
    int width = in.getByte();
    BitPacking.unpack(in, count, base, width, out, offset);
  }

  /** The encoding of an encoded block, read from its first byte. */
  public static LongEncoding encodingOf(byte[] encoded, int offset) {
    return LongEncoding.values()[encoded[offset]];
  }
}
