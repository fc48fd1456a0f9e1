package io.basalt.storage.write;

/**
 * Estimates the heap that buffering a string column's values costs, counting a String instance
 * seen just before (loaders share repeated values) as one more reference only.
 */
final class StringFootprint {
  /** Rough heap cost of one buffered string beyond its characters. */
  static final int STRING_OVERHEAD = 48;
  private static final int REFERENCE_BYTES = 8;
  private static final int SLOTS = 64;
  /** Strings looked up before judging whether the column repeats enough to keep the slots. */
  private static final int SAMPLE = 4096;

  private String[] seen = new String[SLOTS];
  private long hits;
  private long misses;

  /** The estimated bytes of buffering {@code value} once more. */
  long bytes(String value) {
    String[] slots = seen;
    if (slots == null) {
      return STRING_OVERHEAD + value.length();
    }
    int slot = value.hashCode() & (SLOTS - 1);
    if (slots[slot] == value) {
      hits++;
      return REFERENCE_BYTES;
    }
    slots[slot] = value;
    if (++misses == SAMPLE && hits < SAMPLE) {
      // Mostly distinct values (comments): hashing each costs more than the estimate gains.
      seen = null;
    }
    return STRING_OVERHEAD + value.length();
  }
}
