package io.basalt.storage.encoding;

import java.nio.charset.StandardCharsets;

/**
 * A decoded block of strings, either as UTF-8 bytes with each row's range (a plain block) or as a
 * dictionary with one code per row. Plain rows become {@link String}s only when asked for, so
 * rows a filter dropped never cost one.
 */
public final class DecodedStrings {
  private final byte[] bytes;
  private final int[] starts;
  private final int[] ends;
  private final String[] dictionary;
  private final int[] codes;

  private DecodedStrings(byte[] bytes, int[] starts, int[] ends, String[] dictionary,
      int[] codes) {
    this.bytes = bytes;
    this.starts = starts;
    this.ends = ends;
    this.dictionary = dictionary;
    this.codes = codes;
  }

  static DecodedStrings plain(byte[] bytes, int[] starts, int[] ends) {
    return new DecodedStrings(bytes, starts, ends, null, null);
  }

  static DecodedStrings dictionary(String[] dictionary, int[] codes) {
    return new DecodedStrings(null, null, null, dictionary, codes);
  }

  /** The distinct values of a dictionary block, or null for a plain block. */
  public String[] dictionary() {
    return dictionary;
  }

  /** Each row's index into {@link #dictionary()}, or null for a plain block. */
  public int[] codes() {
    return codes;
  }

  public String get(int row) {
    if (dictionary != null) {
      return dictionary[codes[row]];
    }
    int start = starts[row];
    return new String(bytes, start, ends[row] - start, StandardCharsets.UTF_8);
  }

  /** The rows at {@code positions[0..count)}, sharing this block's bytes or dictionary. */
  public DecodedStrings select(int[] positions, int count) {
    if (dictionary != null) {
      int[] selected = new int[count];
      for (int i = 0; i < count; i++) {
        selected[i] = codes[positions[i]];
      }
      return dictionary(dictionary, selected);
    }
    int[] selectedStarts = new int[count];
    int[] selectedEnds = new int[count];
    for (int i = 0; i < count; i++) {
      selectedStarts[i] = starts[positions[i]];
      selectedEnds[i] = ends[positions[i]];
    }
    return plain(bytes, selectedStarts, selectedEnds);
  }

  /** Approximate heap bytes held. */
  public long estimatedBytes() {
    if (dictionary != null) {
      long size = 4L * codes.length;
      for (String value : dictionary) {
        size += 48 + 2L * value.length();
      }
      return size;
    }
    return bytes.length + 8L * starts.length;
  }
}
