package io.basalt.storage.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.apache.parquet.VersionParser;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes one flat column chunk (no repetition, at most one definition level) page by page
 * straight into a batch's arrays: definition levels and dictionary indexes run by run, PLAIN
 * values in bulk, dictionaries decoded once per chunk (string dictionaries into Strings, which
 * the rows then share). parquet-java still reads, checks and decompresses the pages.
 *
 * <p>From the first page it cannot decode (another encoding, BIT_PACKED levels, a compressed v2
 * page) to the end of the chunk it hands the pages to parquet-java's {@link ColumnReader} through
 * the column's {@link ParquetDecoders.Decoder}, which also serves the columns this class never
 * takes (see {@link #supports}).
 */
final class ParquetPageReader {
  /** Tests set this to read every chunk through parquet-java's reader. */
  static volatile boolean forceFallback;
  /** Data pages decoded here and chunks (or their rests) handed to parquet-java, for tests. */
  static final java.util.concurrent.atomic.LongAdder FAST_PAGES =
      new java.util.concurrent.atomic.LongAdder();
  static final java.util.concurrent.atomic.LongAdder FALLBACKS =
      new java.util.concurrent.atomic.LongAdder();

  private static final Set<PrimitiveTypeName> SUPPORTED_TYPES = Set.of(PrimitiveTypeName.INT32,
      PrimitiveTypeName.INT64, PrimitiveTypeName.FLOAT, PrimitiveTypeName.DOUBLE,
      PrimitiveTypeName.BOOLEAN, PrimitiveTypeName.BINARY, PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY);

  private enum Kind { INTS, LONGS, DOUBLES, FLOATS, BOOLEANS, STRINGS, BINARIES }

  private final ColumnDescriptor descriptor;
  private final ParquetDecoders.Decoder decoder;
  private final PageReader pages;
  private final VersionParser.ParsedVersion writerVersion;
  private final Kind kind;
  private final boolean nullable;
  private final int fixedLength;
  private final RleHybridDecoder levels = new RleHybridDecoder();
  private final RleHybridDecoder indexes = new RleHybridDecoder();
  private int[] scratch = new int[1024];
  /** Values of the chunk in pages not yet read. */
  private long chunkLeft;
  private ColumnReader fallback;

  private DictionaryPage dictionaryPage;
  private int[] dictionaryInts;
  private long[] dictionaryLongs;
  private double[] dictionaryDoubles;
  private Object[] dictionaryObjects;

  /** Values left in the current page, its decompressed bytes and where its next value is. */
  private int pageLeft;
  private byte[] data;
  private ByteBuffer little;
  private int position;
  private int bit;
  private boolean dictionaryEncoded;

  /** Whether the column could be decoded here (its pages may still turn out not to be). */
  static boolean supports(ColumnDescriptor descriptor, ParquetDecoders.Decoder decoder) {
    return !forceFallback && descriptor.getMaxRepetitionLevel() == 0
        && descriptor.getMaxDefinitionLevel() <= 1
        && SUPPORTED_TYPES.contains(descriptor.getPrimitiveType().getPrimitiveTypeName())
        && !(decoder instanceof ParquetDecoders.Int96Decoder);
  }

  /** A reader of the chunk {@code pages}: this class's decoding when it {@link #supports} it. */
  static ParquetPageReader open(ColumnDescriptor descriptor, ParquetDecoders.Decoder decoder,
      PageReader pages, VersionParser.ParsedVersion writerVersion) {
    return new ParquetPageReader(descriptor, decoder, pages, writerVersion,
        supports(descriptor, decoder));
  }

  private ParquetPageReader(ColumnDescriptor descriptor, ParquetDecoders.Decoder decoder,
      PageReader pages, VersionParser.ParsedVersion writerVersion, boolean fast) {
    this.descriptor = descriptor;
    this.decoder = decoder;
    this.pages = pages;
    this.writerVersion = writerVersion;
    this.nullable = descriptor.getMaxDefinitionLevel() == 1;
    PrimitiveTypeName physical = descriptor.getPrimitiveType().getPrimitiveTypeName();
    this.kind = switch (physical) {
      case INT32 -> Kind.INTS;
      case INT64 -> Kind.LONGS;
      case DOUBLE -> Kind.DOUBLES;
      case FLOAT -> Kind.FLOATS;
      case BOOLEAN -> Kind.BOOLEANS;
      case BINARY -> decoder instanceof ParquetDecoders.StringDecoder ? Kind.STRINGS
          : Kind.BINARIES;
      default -> Kind.BINARIES;
    };
    this.fixedLength = physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY
        ? descriptor.getPrimitiveType().getTypeLength() : -1;
    decoder.startRowGroup();
    if (!fast) {
      fallback = new ColumnReaderImpl(descriptor, pages, decoder, writerVersion);
      return;
    }
    chunkLeft = pages.getTotalValueCount();
    DictionaryPage dictionary = pages.readDictionaryPage();
    if (dictionary != null) {
      Encoding encoding = dictionary.getEncoding();
      if (kind == Kind.BOOLEANS
          || encoding != Encoding.PLAIN && encoding != Encoding.PLAIN_DICTIONARY) {
        dictionaryPage = dictionary;
        switchToFallback(null);
        return;
      }
      readDictionary(dictionary);
    }
  }

  /** The next {@code count} rows of the chunk, converted to the table column's type. */
  ArrayColumnVector read(int count) {
    if (fallback != null) {
      return decoder.read(fallback, count);
    }
    ParquetDecoders.Raw raw = new ParquetDecoders.Raw();
    raw.count = count;
    switch (kind) {
      case INTS -> raw.ints = new int[count];
      case LONGS, BOOLEANS -> raw.longs = new long[count];
      case DOUBLES, FLOATS -> raw.doubles = new double[count];
      default -> raw.objects = new Object[count];
    }
    int filled = 0;
    while (filled < count) {
      if (pageLeft == 0 && !nextPage()) {
        ArrayColumnVector rest = decoder.read(fallback, count - filled);
        raw.count = filled;
        return concat(filled == 0 ? null : decoder.convert(raw), rest, count);
      }
      int n = Math.min(count - filled, pageLeft);
      if (nullable) {
        readWithLevels(raw, filled, n);
      } else {
        readValues(raw, filled, n);
      }
      filled += n;
      pageLeft -= n;
    }
    return decoder.convert(raw);
  }

  /**
   * Skips the next {@code count} rows of the chunk: pages that lie wholly among them are passed
   * over without being decompressed or decoded, the others are walked without building values.
   */
  void skip(int count) {
    int done = 0;
    while (done < count) {
      if (fallback != null) {
        decoder.read(fallback, count - done); // rare: parquet-java's reader has no cheap skip
        return;
      }
      if (pageLeft == 0) {
        DataPage page = readPage();
        int values = page.getValueCount();
        if (values >= 0 && values <= count - done) {
          chunkLeft -= values;
          done += values;
          continue;
        }
        if (!startPage(page)) {
          continue;
        }
      }
      int n = Math.min(count - done, pageLeft);
      skipValues(nullable ? levels.countOnes(n) : n);
      pageLeft -= n;
      done += n;
    }
  }

  /** Skips {@code count} non-NULL values of the current page. */
  private void skipValues(int count) {
    if (dictionaryEncoded) {
      indexes.skipValues(count);
      return;
    }
    long end = switch (kind) {
      case INTS, FLOATS -> position + 4L * count;
      case LONGS, DOUBLES -> position + 8L * count;
      case BOOLEANS -> {
        long bits = (long) position * 8 + bit + count;
        bit = (int) (bits & 7);
        yield bits >>> 3;
      }
      default -> {
        if (fixedLength >= 0) {
          yield position + (long) fixedLength * count;
        }
        int at = position;
        for (int i = 0; i < count; i++) {
          at += 4 + lengthAt(little, data, at);
        }
        yield at;
      }
    };
    if (end > data.length || end == data.length && bit != 0) {
      throw new IllegalStateException("a data page ends early");
    }
    position = (int) end;
  }

  private DataPage readPage() {
    DataPage page = pages.readPage();
    if (page == null) {
      throw new IllegalStateException("the column chunk has fewer values than its row group");
    }
    return page;
  }

  /** Starts the next page; false when it is one for parquet-java's reader, now the fallback. */
  private boolean nextPage() {
    return startPage(readPage());
  }

  /** Starts {@code page}; false when it is one for parquet-java's reader, now the fallback. */
  private boolean startPage(DataPage page) {
    Encoding encoding;
    if (page instanceof DataPageV1 v1) {
      encoding = v1.getValueEncoding();
      if (!supported(encoding) || nullable && v1.getDlEncoding() != Encoding.RLE) {
        switchToFallback(page);
        return false;
      }
      data = bytes(v1.getBytes());
      position = 0;
      if (nullable) {
        if (data.length < 4) {
          throw new IllegalStateException("a data page ends in its definition levels");
        }
        int length = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (length < 0 || length > data.length - 4) {
          throw new IllegalStateException("invalid definition levels length " + length);
        }
        levels.reset(data, 4, 4 + length, 1);
        position = 4 + length;
      }
    } else if (page instanceof DataPageV2 v2) {
      encoding = v2.getDataEncoding();
      if (!supported(encoding) || v2.isCompressed() || v2.getRepetitionLevels().size() != 0) {
        switchToFallback(page);
        return false;
      }
      if (nullable) {
        byte[] definitions = bytes(v2.getDefinitionLevels());
        levels.reset(definitions, 0, definitions.length, 1);
      }
      data = bytes(v2.getData());
      position = 0;
    } else {
      switchToFallback(page);
      return false;
    }
    int values = page.getValueCount();
    if (values < 0) {
      throw new IllegalStateException("a data page of " + values + " values");
    }
    chunkLeft -= values;
    pageLeft = values;
    FAST_PAGES.increment();
    little = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    bit = 0;
    dictionaryEncoded = encoding != Encoding.PLAIN;
    if (dictionaryEncoded) {
      if (dictionaryInts == null && dictionaryLongs == null && dictionaryDoubles == null
          && dictionaryObjects == null) {
        throw new IllegalStateException("a dictionary-encoded page without a dictionary");
      }
      if (position < data.length) {
        indexes.reset(data, position + 1, data.length, data[position] & 0xff);
      } else {
        indexes.reset(data, position, position, 0); // no values: reading one fails
      }
    }
    return true;
  }

  private boolean supported(Encoding encoding) {
    return encoding == Encoding.PLAIN || kind != Kind.BOOLEANS
        && (encoding == Encoding.PLAIN_DICTIONARY || encoding == Encoding.RLE_DICTIONARY);
  }

  private static byte[] bytes(BytesInput input) {
    try {
      return input.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Hands the rest of the chunk, from {@code first} (or the first data page when null), to
   * parquet-java's reader.
   */
  private void switchToFallback(DataPage first) {
    long total = chunkLeft;
    DictionaryPage dictionary = dictionaryPage;
    PageReader rest = new PageReader() {
      private DataPage pending = first;

      @Override
      public DictionaryPage readDictionaryPage() {
        return dictionary;
      }

      @Override
      public long getTotalValueCount() {
        return total;
      }

      @Override
      public DataPage readPage() {
        if (pending != null) {
          DataPage page = pending;
          pending = null;
          return page;
        }
        return pages.readPage();
      }
    };
    decoder.startRowGroup();
    FALLBACKS.increment();
    fallback = new ColumnReaderImpl(descriptor, rest, decoder, writerVersion);
  }

  private void readDictionary(DictionaryPage page) {
    byte[] bytes = bytes(page.getBytes());
    // parquet-java's reader gets a copy if the rest of the chunk goes to it.
    dictionaryPage = new DictionaryPage(BytesInput.from(bytes), page.getDictionarySize(),
        page.getEncoding());
    int size = page.getDictionarySize();
    if (size < 0) {
      throw new IllegalStateException("a dictionary of " + size + " values");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    switch (kind) {
      case INTS -> {
        dictionaryInts = new int[size];
        buffer.asIntBuffer().get(dictionaryInts);
      }
      case LONGS -> {
        dictionaryLongs = new long[size];
        buffer.asLongBuffer().get(dictionaryLongs);
      }
      case DOUBLES -> {
        dictionaryDoubles = new double[size];
        buffer.asDoubleBuffer().get(dictionaryDoubles);
      }
      case FLOATS -> {
        dictionaryDoubles = new double[size];
        for (int i = 0; i < size; i++) {
          dictionaryDoubles[i] = buffer.getFloat(4 * i);
        }
      }
      default -> {
        Object[] values = new Object[size];
        int at = 0;
        for (int i = 0; i < size; i++) {
          int length = fixedLength;
          if (length < 0) {
            length = lengthAt(buffer, bytes, at);
            at += 4;
          } else if (at + length > bytes.length) {
            throw new IllegalStateException("the dictionary page ends early");
          }
          values[i] = kind == Kind.STRINGS
              ? new String(bytes, at, length, StandardCharsets.UTF_8)
              : Binary.fromConstantByteArray(bytes, at, length);
          at += length;
        }
        dictionaryObjects = values;
      }
    }
  }

  private static int lengthAt(ByteBuffer buffer, byte[] bytes, int at) {
    if (at + 4 > bytes.length) {
      throw new IllegalStateException("a page ends in a value's length");
    }
    int length = buffer.getInt(at);
    if (length < 0 || length > bytes.length - at - 4) {
      throw new IllegalStateException("invalid value length " + length);
    }
    return length;
  }

  /** Reads {@code count} rows at {@code offset}: their definition levels, then their values. */
  private void readWithLevels(ParquetDecoders.Raw raw, int offset, int count) {
    int done = 0;
    while (done < count) {
      int n = Math.min(levels.run(), count - done);
      if (levels.repeated()) {
        if (levels.repeatedValue() == 1) {
          readValues(raw, offset + done, n);
        } else {
          markNulls(raw, offset + done, n);
        }
        levels.skip(n);
      } else {
        int[] definitions = scratch(n);
        levels.read(definitions, 0, n);
        int i = 0;
        while (i < n) {
          int j = i;
          boolean present = definitions[i] == 1;
          while (j < n && (definitions[j] == 1) == present) {
            j++;
          }
          if (present) {
            readValues(raw, offset + done + i, j - i);
          } else {
            markNulls(raw, offset + done + i, j - i);
          }
          i = j;
        }
      }
      done += n;
    }
  }

  private int[] scratch(int n) {
    if (scratch.length < n) {
      scratch = new int[Math.max(n, scratch.length * 2)];
    }
    return scratch;
  }

  private static void markNulls(ParquetDecoders.Raw raw, int offset, int count) {
    if (raw.nulls == null) {
      raw.nulls = new boolean[raw.count];
    }
    Arrays.fill(raw.nulls, offset, offset + count, true);
  }

  /** Reads {@code count} non-NULL values into rows {@code offset} on. */
  private void readValues(ParquetDecoders.Raw raw, int offset, int count) {
    if (dictionaryEncoded) {
      readDictionaryValues(raw, offset, count);
      return;
    }
    int width = switch (kind) {
      case INTS, FLOATS -> 4;
      case LONGS, DOUBLES -> 8;
      default -> 0;
    };
    if (width > 0 && (long) position + (long) width * count > data.length) {
      throw new IllegalStateException("a data page ends early");
    }
    switch (kind) {
      case INTS -> {
        little.position(position);
        little.asIntBuffer().get(raw.ints, offset, count);
        position += 4 * count;
      }
      case LONGS -> {
        little.position(position);
        little.asLongBuffer().get(raw.longs, offset, count);
        position += 8 * count;
      }
      case DOUBLES -> {
        little.position(position);
        little.asDoubleBuffer().get(raw.doubles, offset, count);
        position += 8 * count;
      }
      case FLOATS -> {
        double[] target = raw.doubles;
        ByteBuffer buffer = little;
        int at = position;
        for (int i = 0; i < count; i++) {
          target[offset + i] = buffer.getFloat(at);
          at += 4;
        }
        position = at;
      }
      case BOOLEANS -> {
        if ((long) position * 8 + bit + count > (long) data.length * 8) {
          throw new IllegalStateException("a data page ends early");
        }
        long[] target = raw.longs;
        byte[] bytes = data;
        int b = bit;
        int base = position;
        for (int i = 0; i < count; i++) {
          target[offset + i] = (bytes[base + (b >>> 3)] >>> (b & 7)) & 1;
          b++;
        }
        position = base + (b >>> 3);
        bit = b & 7;
      }
      default -> {
        Object[] target = raw.objects;
        byte[] bytes = data;
        int at = position;
        boolean strings = kind == Kind.STRINGS;
        for (int i = 0; i < count; i++) {
          int length = fixedLength;
          if (length < 0) {
            length = lengthAt(little, bytes, at);
            at += 4;
          } else if (at + length > bytes.length) {
            throw new IllegalStateException("a data page ends early");
          }
          target[offset + i] = strings ? new String(bytes, at, length, StandardCharsets.UTF_8)
              : Binary.fromConstantByteArray(bytes, at, length);
          at += length;
        }
        position = at;
      }
    }
  }

  private void readDictionaryValues(ParquetDecoders.Raw raw, int offset, int count) {
    int[] ids = scratchIds(count);
    indexes.read(ids, 0, count);
    switch (kind) {
      case INTS -> {
        int[] dictionary = dictionaryInts;
        int[] target = raw.ints;
        for (int i = 0; i < count; i++) {
          target[offset + i] = dictionary[ids[i]];
        }
      }
      case LONGS -> {
        long[] dictionary = dictionaryLongs;
        long[] target = raw.longs;
        for (int i = 0; i < count; i++) {
          target[offset + i] = dictionary[ids[i]];
        }
      }
      case DOUBLES, FLOATS -> {
        double[] dictionary = dictionaryDoubles;
        double[] target = raw.doubles;
        for (int i = 0; i < count; i++) {
          target[offset + i] = dictionary[ids[i]];
        }
      }
      default -> {
        Object[] dictionary = dictionaryObjects;
        Object[] target = raw.objects;
        for (int i = 0; i < count; i++) {
          target[offset + i] = dictionary[ids[i]];
        }
      }
    }
  }

  private int[] ids = new int[1024];

  private int[] scratchIds(int n) {
    if (ids.length < n) {
      ids = new int[Math.max(n, ids.length * 2)];
    }
    return ids;
  }

  /** The rows decoded here, then the ones parquet-java's reader decoded, as one vector. */
  private static ArrayColumnVector concat(ArrayColumnVector head, ArrayColumnVector tail,
      int count) {
    if (head == null) {
      return tail;
    }
    int split = head.size();
    boolean[] nulls = null;
    if (head.nullFlags() != null || tail.nullFlags() != null) {
      nulls = new boolean[count];
      for (int i = 0; i < split; i++) {
        nulls[i] = head.isNull(i);
      }
      for (int i = split; i < count; i++) {
        nulls[i] = tail.isNull(i - split);
      }
    }
    if (head.longValues() != null) {
      long[] values = new long[count];
      System.arraycopy(head.longValues(), 0, values, 0, split);
      System.arraycopy(tail.longValues(), 0, values, split, count - split);
      return ArrayColumnVector.ofLongs(head.type(), count, values, nulls);
    }
    if (head.doubleValues() != null) {
      double[] values = new double[count];
      System.arraycopy(head.doubleValues(), 0, values, 0, split);
      System.arraycopy(tail.doubleValues(), 0, values, split, count - split);
      return ArrayColumnVector.ofDoubles(head.type(), count, values, nulls);
    }
    Object[] values = new Object[count];
    System.arraycopy(head.objectValues(), 0, values, 0, split);
    System.arraycopy(tail.objectValues(), 0, values, split, count - split);
    return ArrayColumnVector.ofObjects(head.type(), count, values, nulls);
  }
}
