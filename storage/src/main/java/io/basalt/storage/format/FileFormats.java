package io.basalt.storage.format;

import static java.util.Objects.requireNonNull;

import com.github.luben.zstd.ZstdInputStream;
import io.basalt.storage.format.FormatOptions.Compression;
import io.basalt.storage.objectstore.ObjectInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Guesses how a data file is laid out from its name and first bytes, for a crawler. */
public final class FileFormats {
  /** How many leading bytes {@link #detect} wants to see; fewer work, more are ignored. */
  public static final int SAMPLE_BYTES = 64 * 1024;

  private static final char[] DELIMITERS = {',', '\t', '|', ';', '\u0001'};
  private static final int SAMPLE_LINES = 50;

  private FileFormats() {}

  /**
   * The file's likely format: Parquet by extension or its {@code PAR1} magic; JSON by extension
   * ({@code .json}, {@code .jsonl}, {@code .ndjson}) or a leading {@code '{'}; else text, with
   * the delimiter from the extension ({@code .tsv}, {@code .psv}) or the one of {@code , \t | ;
   * \u0001} that splits the sampled lines into the same number of fields, and one header line to
   * skip when the first line looks like column names. Compression by extension ({@code .gz},
   * {@code .zst}) or magic; compressed samples are inflated as far as they go.
   */
  public static FormatOptions detect(ObjectInfo file, byte[] firstBytes) {
    requireNonNull(file, "file is null");
    requireNonNull(firstBytes, "firstBytes is null");
    String name = file.uri().fileName().toLowerCase(Locale.ROOT);
    Compression compression = Decompression.fromName(name);
    if (compression == null) {
      compression = Decompression.fromMagic(firstBytes);
    } else {
      name = name.substring(0, name.lastIndexOf('.'));
    }
    byte[] sample = compression == Compression.NONE ? firstBytes
        : inflate(firstBytes, compression);
    if (name.endsWith(".parquet") || name.endsWith(".parq") || name.endsWith(".pqt")
        || startsWith(firstBytes, "PAR1")) {
      return FormatOptions.parquet();
    }
    String text = new String(sample, 0, Math.min(sample.length, SAMPLE_BYTES),
        StandardCharsets.UTF_8);
    if (name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")
        || text.stripLeading().startsWith("{")) {
      return FormatOptions.json().withCompression(compression);
    }
    // The last line of a sample may be cut short: sniff only the complete ones.
    int cut = text.lastIndexOf('\n');
    String lines = cut < 0 ? text : text.substring(0, cut + 1);
    char delimiter = name.endsWith(".tsv") || name.endsWith(".tab") ? '\t'
        : name.endsWith(".psv") ? '|' : delimiter(lines);
    FormatOptions options = (delimiter == '\u0001' ? FormatOptions.text()
        : FormatOptions.csv().withDelimiter(delimiter)).withCompression(compression);
    try {
      CsvTokenizer tokenizer = TextSchemas.tokenizer(new CharArrayReader(lines.toCharArray()),
          options);
      List<String[]> records = TextSchemas.read(tokenizer, SAMPLE_LINES);
      if (TextSchemas.hasHeader(records, options)) {
        options = options.withSkipHeaderLines(1);
      }
    } catch (IOException | BadValueException e) {
      // An unbalanced quote in the sample: keep the options without a header.
    }
    return options;
  }

  /**
   * The leading text of a file as {@link #detect} sniffs it: {@code firstBytes} inflated when the
   * file is compressed (by its extension or magic), decoded as UTF-8; for a crawler that looks
   * at more than the options, such as whether fields are quoted.
   */
  public static String sampleText(ObjectInfo file, byte[] firstBytes) {
    requireNonNull(file, "file is null");
    requireNonNull(firstBytes, "firstBytes is null");
    Compression compression = Decompression.fromName(file.uri().fileName().toLowerCase(
        Locale.ROOT));
    if (compression == null) {
      compression = Decompression.fromMagic(firstBytes);
    }
    byte[] sample = compression == Compression.NONE ? firstBytes
        : inflate(firstBytes, compression);
    return new String(sample, 0, Math.min(sample.length, SAMPLE_BYTES), StandardCharsets.UTF_8);
  }

  private static boolean startsWith(byte[] bytes, String magic) {
    byte[] expected = magic.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length < expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (bytes[i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  /** The delimiter that cuts the sampled lines into equally many fields (most fields wins). */
  private static char delimiter(String lines) {
    String[] sample = lines.split("\r?\n", SAMPLE_LINES + 1);
    char best = ',';
    int bestScore = 0;
    for (char candidate : DELIMITERS) {
      int min = Integer.MAX_VALUE;
      int max = 0;
      int counted = 0;
      for (int i = 0; i < Math.min(sample.length, SAMPLE_LINES); i++) {
        if (sample[i].isEmpty()) {
          continue;
        }
        int count = count(sample[i], candidate);
        min = Math.min(min, count);
        max = Math.max(max, count);
        counted++;
      }
      if (counted == 0 || min == 0) {
        continue;
      }
      int score = min == max ? 2 * min + 1 : min;
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  /** Occurrences outside double quotes. */
  private static int count(String line, char delimiter) {
    int count = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == delimiter && !quoted) {
        count++;
      }
    }
    return count;
  }

  /** As much of a compressed prefix as decompresses. */
  private static byte[] inflate(byte[] compressed, Compression compression) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = compression == Compression.GZIP
        ? new GZIPInputStream(new ByteArrayInputStream(compressed))
        : new ZstdInputStream(new ByteArrayInputStream(compressed))) {
      byte[] buffer = new byte[8192];
      int read;
      while (out.size() < SAMPLE_BYTES && (read = in.read(buffer)) > 0) {
        out.write(buffer, 0, read);
      }
    } catch (IOException e) {
      // The sample ends inside the stream: what came out so far is the sample.
    }
    return out.toByteArray();
  }
}
