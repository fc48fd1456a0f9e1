package io.basalt.federation.lake;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options of one CRAWL ({@code WITH (...)}): how many files per table are sampled for the
 * schema ({@code sample_size}, default 10), a prefix put before every table name
 * ({@code table_prefix}) and the keys to leave out ({@code exclude}: globs relative to the
 * crawled prefix, separated by commas outside braces).
 */
record CrawlOptions(int sampleSize, String tablePrefix, List<KeyGlob> excludes) {
  static final int DEFAULT_SAMPLE_SIZE = 10;
  private static final List<String> NAMES = List.of("sample_size", "table_prefix", "exclude");

  CrawlOptions {
    requireNonNull(tablePrefix, "tablePrefix is null");
    excludes = List.copyOf(excludes);
  }

  static CrawlOptions defaults() {
    return new CrawlOptions(DEFAULT_SAMPLE_SIZE, "", List.of());
  }

  /** Reads the options; an unknown option or a bad value is 22023 naming the crawled URI. */
  static CrawlOptions parse(String location, Map<String, String> options) {
    int sampleSize = DEFAULT_SAMPLE_SIZE;
    String tablePrefix = "";
    List<KeyGlob> excludes = new ArrayList<>();
    for (Map.Entry<String, String> option : options.entrySet()) {
      String name = option.getKey().toLowerCase(Locale.ROOT);
      String value = option.getValue();
      switch (name) {
        case "sample_size" -> {
          try {
            sampleSize = Integer.parseInt(value.trim());
          } catch (NumberFormatException e) {
            sampleSize = 0;
          }
          if (sampleSize < 1) {
            throw new StorageException("22023", "Cannot crawl '" + location
                + "': sample_size must be a positive integer, not '" + value + "'");
          }
        }
        case "table_prefix" -> tablePrefix = CrawlListing.tableName(value);
        case "exclude" -> {
          for (String glob : splitGlobs(value)) {
            excludes.add(KeyGlob.compile(glob));
          }
        }
        default -> throw new StorageException("22023", "Cannot crawl '" + location
            + "': unknown option '" + name + "' (the options are " + String.join(", ", NAMES)
            + ")");
      }
    }
    return new CrawlOptions(sampleSize, tablePrefix, excludes);
  }

  /** Whether a key relative to the crawled prefix is left out by an exclude pattern. */
  boolean excluded(String relativeKey) {
    for (KeyGlob glob : excludes) {
      if (glob.excludes(relativeKey)) {
        return true;
      }
    }
    return false;
  }

  /** Globs separated by commas; commas inside braces belong to the glob. */
  private static List<String> splitGlobs(String value) {
    List<String> globs = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == ',' && depth == 0) {
        add(globs, current);
        continue;
      }
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      current.append(c);
    }
    add(globs, current);
    return globs;
  }

  private static void add(List<String> globs, StringBuilder glob) {
    String trimmed = glob.toString().trim();
    if (!trimmed.isEmpty()) {
      globs.add(trimmed);
    }
    glob.setLength(0);
  }
}
