package io.basalt.ingest;

/** UTF-8 lengths of Java strings, since Redshift measures CHAR/VARCHAR lengths in bytes. */
final class Utf8 {
  private Utf8() {
  }

  /** The number of bytes {@code text} takes in UTF-8. */
  static int length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      bytes += charBytes(text.charAt(i));
    }
    return bytes;
  }

  /** The longest prefix of {@code text} that fits in {@code maxBytes}, never splitting a pair. */
  static String truncate(String text, int maxBytes) {
    int bytes = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int width = Character.isHighSurrogate(c) && i + 1 < text.length() ? 4 : charBytes(c);
      if (bytes + width > maxBytes) {
        break;
      }
      bytes += width;
      i += width == 4 ? 2 : 1;
    }
    return i == text.length() ? text : text.substring(0, i);
  }

  private static int charBytes(char c) {
    if (c < 0x80) {
      return 1;
    }
    if (c < 0x800) {
      return 2;
    }
    // Each half of a surrogate pair counts for half of the pair's 4 bytes.
    return Character.isSurrogate(c) ? 2 : 3;
  }
}
