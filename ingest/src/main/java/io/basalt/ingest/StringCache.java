package io.basalt.ingest;

/**
 * Hands out one shared String per distinct recent value of a CHAR/VARCHAR column, so that a
 * low-cardinality column buffers a handful of Strings instead of one per row.
 *
 * <p>Fewer long-lived objects means less for the garbage collector to copy until the rows are
 * written, and the storage writer's hashing and comparisons hit the same few objects. A column
 * whose values rarely repeat (comments) turns the cache off after a sample.
 */
final class StringCache {
  private static final int SLOTS = 1024;
  /** Values longer than this are not worth hashing on the chance of a repeat. */
  private static final int MAX_CACHED_CHARS = 64;
  /** Lookups sampled before judging whether the column repeats enough. */
  private static final int SAMPLE = 8192;

  private final String[] slots = new String[SLOTS];
  private int lookups;
  private int hits;
  private boolean enabled = true;

  /** The text of {@code chars[start..end)} as a String, shared with an earlier equal one. */
  String get(char[] chars, int start, int end) {
    int length = end - start;
    if (!enabled || length > MAX_CACHED_CHARS) {
      return new String(chars, start, length);
    }
    int hash = length;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + chars[i];
    }
    if (++lookups == SAMPLE) {
      // Fewer than one hit in four: the values are mostly distinct.
      enabled = hits * 4 >= SAMPLE;
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    String cached = slots[slot];
    if (cached != null && matches(cached, chars, start, length)) {
      hits++;
      return cached;
    }
    String value = new String(chars, start, length);
    slots[slot] = value;
    return value;
  }

  private static boolean matches(String cached, char[] chars, int start, int length) {
    if (cached.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (cached.charAt(i) != chars[start + i]) {
        return false;
      }
    }
    return true;
  }
}
