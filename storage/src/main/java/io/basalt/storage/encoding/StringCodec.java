package io.basalt.storage.encoding;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Encodes blocks of strings as plain UTF-8 or as a dictionary, whichever is smaller. */
public final class StringCodec {
  private static final int MAX_DICTIONARY = 1 << 16;
  /** Values after which a block still nearly all distinct gives up on a dictionary. */
  private static final int SAMPLE = 1024;

  private StringCodec() {}

  /** Appends the encoded form of {@code values[0..count)} (no nulls) and returns the encoding. */
  public static StringEncoding encode(String[] values, int count, ByteWriter out) {
    int limit = Math.min(MAX_DICTIONARY, Math.max(1, count / 2));
    Map<String, Integer> distinct = new HashMap<>();
    long plainBytes = 0;
    for (int i = 0; i < count; i++) {
      String v = values[i];
      plainBytes += v.length() + 1;
      if (distinct != null && (distinct.putIfAbsent(v, 0) == null && distinct.size() > limit
          || i == SAMPLE && distinct.size() > SAMPLE - SAMPLE / 4)) {
        // Mostly distinct values early on (comments, names) rarely make a dictionary pay,
        // and hashing every one of them is a large part of writing such a column.
        distinct = null;
      }
    }
    if (distinct != null && count > 1) {
      String[] dictionary = distinct.keySet().toArray(new String[0]);
      Arrays.sort(dictionary);
      long dictionaryBytes = 0;
      for (String entry : dictionary) {
        dictionaryBytes += entry.length() + 1;
      }
      long codeBytes = ((long) count * BitPacking.width(dictionary.length - 1) + 7) / 8;
      if (dictionaryBytes + codeBytes < plainBytes) {
        for (int i = 0; i < dictionary.length; i++) {
          distinct.put(dictionary[i], i);
        }
        long[] codes = new long[count];
        for (int i = 0; i < count; i++) {
          codes[i] = distinct.get(values[i]);
        }
        out.putByte(StringEncoding.DICTIONARY.ordinal());
        out.putInt(dictionary.length);
        writePlain(dictionary, dictionary.length, out);
        LongCodec.encode(codes, count, out);
        return StringEncoding.DICTIONARY;
      }
    }
    out.putByte(StringEncoding.PLAIN.ordinal());
    writePlain(values, count, out);
    return StringEncoding.PLAIN;
  }

  private static void writePlain(String[] values, int count, ByteWriter out) {
    byte[][] encoded = new byte[count][];
    long[] lengths = new long[count];
    int total = 0;
    for (int i = 0; i < count; i++) {
      encoded[i] = values[i].getBytes(StandardCharsets.UTF_8);
      lengths[i] = encoded[i].length;
      total += encoded[i].length;
    }
    LongCodec.encode(lengths, count, out);
    out.putInt(total);
    for (int i = 0; i < count; i++) {
      out.putBytes(encoded[i]);
    }
  }

  public static DecodedStrings decode(ByteReader in, int count) {
    StringEncoding encoding = StringEncoding.values()[in.getByte()];
    return switch (encoding) {
      case PLAIN -> readPlain(in, count);
      case DICTIONARY -> {
        int size = in.getInt();
        DecodedStrings entries = readPlain(in, size);
        String[] dictionary = new String[size];
        for (int i = 0; i < size; i++) {
          dictionary[i] = entries.get(i);
        }
        long[] wide = new long[count];
        LongCodec.decode(in, count, wide);
        int[] codes = new int[count];
        for (int i = 0; i < count; i++) {
          codes[i] = (int) wide[i];
        }
        yield DecodedStrings.dictionary(dictionary, codes);
      }
    };
  }

  private static DecodedStrings readPlain(ByteReader in, int count) {
    long[] lengths = new long[count];
    LongCodec.decode(in, count, lengths);
    int total = in.getInt();
    int base = in.position();
    in.skip(total);
    int[] starts = new int[count];
    int[] ends = new int[count];
    int position = base;
    for (int i = 0; i < count; i++) {
      starts[i] = position;
      position += (int) lengths[i];
      ends[i] = position;
    }
    if (position != base + total) {
      throw new IllegalStateException("Cannot decode strings: lengths do not add up");
    }
    return DecodedStrings.plain(in.array(), starts, ends);
  }

  /** The encoding of an encoded block, read from its first byte. */
  public static StringEncoding encodingOf(byte[] encoded, int offset) {
    return StringEncoding.values()[encoded[offset]];
  }
}
