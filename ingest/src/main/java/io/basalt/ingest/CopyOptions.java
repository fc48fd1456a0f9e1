package io.basalt.ingest;

import io.basalt.storage.StorageException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The COPY options that shape parsing, validated once per COPY. {@code nullAs} is null when no
 * field text means NULL (CSV's default); {@code compression} is null when it is chosen per file
 * from the file name; {@code dateFormat}/{@code timeFormat} are null for the default formats.
 * {@code roundDecimals} (ROUNDEC) rounds extra fraction digits half up where Redshift's default
 * truncates them; {@code acceptAnyDate} loads unreadable dates and timestamps as NULL.
 */
record CopyOptions(
    DataFormat format,
    char delimiter,
    char quote,
    String nullAs,
    int ignoreHeader,
    Compression compression,
    int maxError,
    String dateFormat,
    String timeFormat,
    boolean emptyAsNull,
    boolean blanksAsNull,
    boolean trimBlanks,
    boolean truncateColumns,
    boolean fillRecord,
    boolean escape,
    boolean removeQuotes,
    boolean manifest,
    boolean ignoreBlankLines,
    boolean jsonIgnoreCase,
    boolean roundDecimals,
    boolean acceptAnyDate,
    char invalidCharReplacement) {

  /** Redshift caps MAXERROR at this many rows. */
  static final int MAX_ERROR_LIMIT = 100_000;

  /** Means {@link #invalidCharReplacement}: invalid UTF-8 rejects the row (no ACCEPTINVCHARS). */
  static final char REJECT_INVALID_CHARS = '\uFFFF';

  /**
   * The options Redshift accepts in a COPY from Parquet (its list for columnar files), besides
   * the format itself; everything else is refused rather than silently ignored.
   */
  private static final Set<String> PARQUET_OPTIONS = Set.of("FORMAT", "PARQUET", "IAM_ROLE",
      "CREDENTIALS", "STATUPDATE", "MANIFEST", "ACCEPTINVCHARS", "FILLRECORD", "EXPLICIT_IDS");

  /** Options that shape delimited text lines, which JSON records do not have. */
  private static final List<String> TEXT_LAYOUT_OPTIONS = List.of("DELIMITER", "ESCAPE",
      "REMOVEQUOTES", "FILLRECORD", "IGNOREBLANKLINES");

  /** The file layouts this loader reads. */
  enum DataFormat { TEXT, CSV, JSON, PARQUET }

  /** The decompression applied to every file of the COPY. */
  enum Compression { NONE, GZIP, ZSTD }

  /** Validates the parser's option map; {@code target} names the table in error messages. */
  static CopyOptions parse(Map<String, String> given, String target) {
    Map<String, String> options = new HashMap<>();
    given.forEach((key, value) -> options.put(key.toUpperCase(Locale.ROOT), value));
    DataFormat format = format(options, target);
    for (String unsupported : new String[] {"BZIP2", "LZOP", "FIXEDWIDTH", "SHAPEFILE"}) {
      if (options.containsKey(unsupported)) {
        throw new StorageException("0A000",
            "Cannot COPY into " + target + ": " + unsupported + " is not supported yet");
      }
    }
    checkApplicable(options, format, target);
    char delimiter = format == DataFormat.CSV ? ',' : '|';
    if (options.containsKey("DELIMITER")) {
      delimiter = singleChar(options.get("DELIMITER"), "DELIMITER", target);
    }
    char quote = '"';
    if (options.containsKey("QUOTE")) {
      if (format != DataFormat.CSV) {
        throw invalid(target, "QUOTE AS is only allowed with CSV");
      }
      quote = singleChar(options.get("QUOTE"), "QUOTE", target);
    }
    if (quote == delimiter) {
      throw invalid(target, "the QUOTE and DELIMITER characters must differ");
    }
    String nullAs = format == DataFormat.TEXT ? "\\N" : null;
    if (options.containsKey("NULL")) {
      nullAs = nullString(options.get("NULL"));
    }
    Compression compression = null;
    if (options.containsKey("GZIP") && options.containsKey("ZSTD")) {
      throw invalid(target, "GZIP and ZSTD cannot both be given");
    }
    if (options.containsKey("GZIP")) {
      compression = Compression.GZIP;
    } else if (options.containsKey("ZSTD")) {
      compression = Compression.ZSTD;
    }
    boolean escape = options.containsKey("ESCAPE");
    if (escape && format == DataFormat.CSV) {
      throw invalid(target, "ESCAPE cannot be used with CSV");
    }
    boolean removeQuotes = options.containsKey("REMOVEQUOTES");
    if (removeQuotes && format == DataFormat.CSV) {
      throw invalid(target, "REMOVEQUOTES cannot be used with CSV");
    }
    char replacement = REJECT_INVALID_CHARS;
    if (options.containsKey("ACCEPTINVCHARS")) {
      String value = options.get("ACCEPTINVCHARS");
      replacement = value == null || value.isEmpty() ? '?' : singleChar(value, "ACCEPTINVCHARS",
          target);
    }
    return new CopyOptions(
        format,
        delimiter,
        quote,
        nullAs,
        nonNegative(options, "IGNOREHEADER", 0, target),
        compression,
        Math.min(nonNegative(options, "MAXERROR", 0, target), MAX_ERROR_LIMIT),
        datetimeFormat(options.get("DATEFORMAT")),
        datetimeFormat(options.get("TIMEFORMAT")),
        options.containsKey("EMPTYASNULL"),
        options.containsKey("BLANKSASNULL"),
        options.containsKey("TRIMBLANKS"),
        options.containsKey("TRUNCATECOLUMNS"),
        options.containsKey("FILLRECORD"),
        escape,
        removeQuotes,
        options.containsKey("MANIFEST"),
        options.containsKey("IGNOREBLANKLINES"),
        format == DataFormat.JSON && jsonIgnoreCase(options, target),
        options.containsKey("ROUNDEC"),
        options.containsKey("ACCEPTANYDATE"),
        replacement);
  }

  private static DataFormat format(Map<String, String> options, String target) {
    String format = options.getOrDefault("FORMAT", "");
    format = format == null ? "" : format.trim().toUpperCase(Locale.ROOT);
    // The parser may hand over "FORMAT AS JSON 'auto'" with its argument attached.
    int space = format.indexOf(' ');
    if (space > 0) {
      format = format.substring(0, space);
    }
    if (format.isEmpty()) {
      for (String bare : new String[] {"CSV", "PARQUET", "JSON", "AVRO", "ORC"}) {
        if (options.containsKey(bare)) {
          format = bare;
        }
      }
    }
    switch (format) {
      case "", "TEXT" -> {
        return DataFormat.TEXT;
      }
      case "CSV" -> {
        return DataFormat.CSV;
      }
      case "JSON" -> {
        return DataFormat.JSON;
      }
      case "PARQUET" -> {
        return DataFormat.PARQUET;
      }
      case "AVRO", "ORC" -> throw new StorageException("0A000",
          "Cannot COPY into " + target + ": FORMAT AS " + format + " is not supported yet");
      default -> throw invalid(target, "unknown FORMAT '" + format + "'");
    }
  }

  /**
   * Refuses options that mean nothing for the format, as Redshift does: a Parquet COPY takes only
   * {@link #PARQUET_OPTIONS} (0A000, with Redshift's wording; MAXERROR among the refused, since
   * a bad Parquet file fails the COPY), and JSON none of the {@link #TEXT_LAYOUT_OPTIONS}
   * (22023, as for the options CSV refuses).
   */
  private static void checkApplicable(Map<String, String> options, DataFormat format,
      String target) {
    if (format == DataFormat.PARQUET) {
      // Sorted, so that the option reported does not depend on hashing.
      for (String option : new TreeSet<>(options.keySet())) {
        if (!PARQUET_OPTIONS.contains(option)) {
          throw new StorageException("0A000", "Cannot COPY into " + target + ": "
              + (option.equals("NULL") ? "NULL AS" : option)
              + " argument is not supported for PARQUET based COPY");
        }
      }
    } else if (format == DataFormat.JSON) {
      for (String option : TEXT_LAYOUT_OPTIONS) {
        if (options.containsKey(option)) {
          throw invalid(target, option + " cannot be used with JSON");
        }
      }
    }
  }

  /**
   * Whether JSON keys match columns ignoring case: the JSON argument is {@code 'auto'} (exact
   * match, the default) or {@code 'auto ignorecase'}; a JSONPaths file is not supported yet.
   */
  private static boolean jsonIgnoreCase(Map<String, String> options, String target) {
    String argument = options.getOrDefault("JSON", "auto");
    String normalized = argument == null ? "auto"
        : argument.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    switch (normalized) {
      case "", "auto" -> {
        return false;
      }
      case "auto ignorecase" -> {
        return true;
      }
      default -> throw new StorageException("0A000",
          "Cannot COPY into " + target + ": JSON '" + argument + "' is not supported yet; use "
              + "'auto' or 'auto ignorecase'");
    }
  }

  /** Reads a one-character option, accepting the escapes {@code \t}, {@code \\} and octal. */
  private static char singleChar(String value, String option, String target) {
    String text = value == null ? "" : value;
    if (text.length() == 2 && text.charAt(0) == '\\') {
      char c = text.charAt(1);
      text = switch (c) {
        case 't' -> "\t";
        case 'n' -> "\n";
        case 'r' -> "\r";
        default -> String.valueOf(c);
      };
    } else if (text.length() == 4 && text.charAt(0) == '\\' && isOctal(text, 1)) {
      text = String.valueOf((char) Integer.parseInt(text.substring(1), 8));
    }
    if (text.length() != 1 || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
      throw invalid(target, option + " must be a single character, not '" + value + "'");
    }
    return text.charAt(0);
  }

  private static boolean isOctal(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }

  /**
   * The NULL AS text. The SQL literal may arrive with its backslash doubled ({@code '\\N'}), and
   * {@code '\0'} means the NUL character, as in Redshift.
   */
  private static String nullString(String value) {
    if (value == null) {
      return "";
    }
    if (value.equals("\\0") || value.equals("\\000")) {
      return "\u0000";
    }
    if (value.equals("\\\\N")) {
      return "\\N";
    }
    return value;
  }

  private static int nonNegative(
      Map<String, String> options, String option, int defaultValue, String target) {
    String value = options.get(option);
    if (value == null) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // Reported below with the offending text.
    }
    throw invalid(target, option + " must be a non-negative integer, not '" + value + "'");
  }

  private static String datetimeFormat(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static StorageException invalid(String target, String reason) {
    return new StorageException("22023", "Cannot COPY into " + target + ": " + reason);
  }
}
