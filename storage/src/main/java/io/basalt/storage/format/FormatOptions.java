package io.basalt.storage.format;

import static java.util.Objects.requireNonNull;

/**
 * How to read (and write) the files of one table: the format and, for text, the delimiter,
 * quoting, NULL marker, header lines to skip and compression.
 *
 * <p>Text NULLs: an unquoted field equal to {@code nullMarker} is NULL, and so is an empty field
 * of a non-string column. {@link #csv()} follows PostgreSQL's COPY CSV: the marker is the empty
 * string, so an unquoted empty field is NULL and a quoted {@code ""} is the empty string.
 * {@link #text()} follows Hive's {@code ROW FORMAT DELIMITED}: no quoting, fields separated by
 * {@code \u0001} and {@code \N} for NULL, so an empty field of a string column is the empty
 * string. With quoting, a field that starts with {@code quote} runs to the next lone quote and
 * may hold delimiters and newlines; a doubled quote inside stands for one (RFC 4180, OpenCSV's
 * default).
 *
 * <p>{@code skipHeaderLines} is Athena's {@code skip.header.line.count}; writers put the column
 * names on the first of those lines. {@code compression} applies to text and JSON (Parquet
 * compresses inside the file); {@link Compression#AUTO} goes by the file name extension
 * ({@code .gz}, {@code .zst}) and else by the first bytes.
 */
public record FormatOptions(
    FileFormat format,
    char delimiter,
    char quote,
    boolean quoted,
    String nullMarker,
    int skipHeaderLines,
    Compression compression) {

  /** How text and JSON files are compressed as a whole. */
  public enum Compression {
    NONE,
    GZIP,
    ZSTD,
    /** Decided per file from its extension or its first bytes. */
    AUTO
  }

  public FormatOptions {
    requireNonNull(format, "format is null");
    requireNonNull(nullMarker, "nullMarker is null");
    requireNonNull(compression, "compression is null");
    if (skipHeaderLines < 0) {
      throw new IllegalArgumentException("skipHeaderLines is negative: " + skipHeaderLines);
    }
    if (quoted && quote == delimiter) {
      throw new IllegalArgumentException("the quote and the delimiter are both '" + quote + "'");
    }
    if (delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("the delimiter cannot be a line break");
    }
  }

  public static FormatOptions parquet() {
    return new FormatOptions(FileFormat.PARQUET, ',', '"', true, "", 0, Compression.NONE);
  }

  /** Comma-separated, double-quoted CSV; unquoted empty fields are NULL. */
  public static FormatOptions csv() {
    return new FormatOptions(FileFormat.TEXT, ',', '"', true, "", 0, Compression.AUTO);
  }

  /** Hive's default text layout: {@code \u0001}-separated, no quoting, {@code \N} for NULL. */
  public static FormatOptions text() {
    return new FormatOptions(FileFormat.TEXT, '\u0001', '"', false, "\\N", 0, Compression.AUTO);
  }

  public static FormatOptions json() {
    return new FormatOptions(FileFormat.JSON, ',', '"', true, "", 0, Compression.AUTO);
  }

  public FormatOptions withDelimiter(char newDelimiter) {
    return new FormatOptions(format, newDelimiter, quote, quoted, nullMarker, skipHeaderLines,
        compression);
  }

  /** CSV quoting with {@code newQuote} as the quote character. */
  public FormatOptions withQuote(char newQuote) {
    return new FormatOptions(format, delimiter, newQuote, true, nullMarker, skipHeaderLines,
        compression);
  }

  /** No quoting: every character but the delimiter and line breaks is data. */
  public FormatOptions withoutQuoting() {
    return new FormatOptions(format, delimiter, quote, false, nullMarker, skipHeaderLines,
        compression);
  }

  public FormatOptions withNullMarker(String newNullMarker) {
    return new FormatOptions(format, delimiter, quote, quoted, newNullMarker, skipHeaderLines,
        compression);
  }

  public FormatOptions withSkipHeaderLines(int lines) {
    return new FormatOptions(format, delimiter, quote, quoted, nullMarker, lines, compression);
  }

  public FormatOptions withCompression(Compression newCompression) {
    return new FormatOptions(format, delimiter, quote, quoted, nullMarker, skipHeaderLines,
        newCompression);
  }
}
