package io.basalt.federation.lake;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.StorageException;
import java.util.regex.Pattern;

/**
 * A glob over object keys relative to a crawled prefix, as Glue's crawler exclusions are written:
 * {@code *} matches within one path segment, {@code **} across segments, {@code ?} one
 * character other than {@code /}, {@code [abc]} and {@code [!abc]} one of (or none of) a set,
 * {@code {a,b}} either alternative, and {@code \} escapes the next character.
 */
record KeyGlob(String glob, Pattern pattern) {
  KeyGlob {
    requireNonNull(glob, "glob is null");
    requireNonNull(pattern, "pattern is null");
  }

  /** Compiles a glob; a malformed one (an unclosed bracket or brace) is 22023. */
  static KeyGlob compile(String glob) {
    StringBuilder regex = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            i++;
            // "**/" also matches no folder at all, so "**/x" matches "x" at the top.
            if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
              i++;
              regex.append("(?:.*/)?");
            } else {
              regex.append(".*");
            }
          } else {
            regex.append("[^/]*");
          }
        }
        case '?' -> regex.append("[^/]");
        case '[' -> {
          int end = glob.indexOf(']', i + 2);
          if (end < 0) {
            throw malformed(glob, "'[' is not closed");
          }
          String set = glob.substring(i + 1, end);
          boolean negated = set.startsWith("!");
          regex.append('[').append(negated ? "^/" : "")
              .append(escapeSet(negated ? set.substring(1) : set)).append(']');
          i = end;
        }
        case '{' -> {
          braces++;
          regex.append("(?:");
        }
        case '}' -> {
          if (braces == 0) {
            throw malformed(glob, "'}' has no '{'");
          }
          braces--;
          regex.append(')');
        }
        case ',' -> regex.append(braces > 0 ? "|" : ",");
        case '\\' -> {
          if (i + 1 < glob.length()) {
            regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (braces > 0) {
      throw malformed(glob, "'{' is not closed");
    }
    return new KeyGlob(glob, Pattern.compile(regex.toString()));
  }

  /**
   * Whether the glob matches a relative key or one of the folders it lies in ({@code tmp} and
   * {@code tmp/**} both leave out everything below {@code tmp/}).
   */
  boolean excludes(String relativeKey) {
    if (pattern.matcher(relativeKey).matches()) {
      return true;
    }
    for (int slash = relativeKey.indexOf('/'); slash >= 0;
        slash = relativeKey.indexOf('/', slash + 1)) {
      String folder = relativeKey.substring(0, slash);
      if (pattern.matcher(folder).matches() || pattern.matcher(folder + "/").matches()) {
        return true;
      }
    }
    return false;
  }

  private static String escapeSet(String set) {
    StringBuilder escaped = new StringBuilder();
    for (char c : set.toCharArray()) {
      if (c == '\\' || c == '[' || c == ']' || c == '^' || c == '&') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  private static StorageException malformed(String glob, String reason) {
    return new StorageException("22023", "Cannot crawl: exclude pattern '" + glob
        + "' is malformed: " + reason);
  }
}
