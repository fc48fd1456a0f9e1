package io.basalt.storage.block;

import com.github.luben.zstd.ZstdCompressCtx;
import io.basalt.storage.ColumnType;
import io.basalt.storage.encoding.ByteWriter;
import io.basalt.storage.zonemap.ZoneMap;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes buffered rows, in a given order, as one segment file: every column cut into blocks of
 * {@code blockRows} rows, each block encoded and compressed with its zone map, then the footer.
 * The file is forced to disk before {@link #write} returns.
 */
public final class SegmentWriter {
  static final int MAGIC = 0x47455342; // "BSEG" read little-endian
  static final int VERSION = 1;
  /** Strings longer than this keep a truncated minimum and no maximum in their zone map. */
  private static final int MAX_ZONE_STRING = 64;

  private SegmentWriter() {}

  public static SegmentFooter write(Path file, List<ColumnType> types, ColumnBuffer[] columns,
      int[] order, int rows, int blockRows, int zstdLevel) throws IOException {
    List<ColumnMeta> metas = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
        ZstdCompressCtx zstd = zstdLevel > 0 ? new ZstdCompressCtx() : null) {
      if (zstd != null) {
        zstd.setLevel(zstdLevel);
      }
      ByteWriter scratch = new ByteWriter(1 << 16);
      long offset = 0;
      for (int c = 0; c < columns.length; c++) {
        ColumnType type = types.get(c);
        PhysicalType physical = PhysicalType.of(type);
        boolean blankInsensitive = PhysicalType.ignoresTrailingBlanks(type);
        List<BlockMeta> blocks = new ArrayList<>();
        int capacity = Math.min(blockRows, Math.max(rows, 1));
        boolean[] nulls = new boolean[capacity];
        long[] longs = physical == PhysicalType.LONG ? new long[capacity] : null;
        double[] doubles = physical == PhysicalType.DOUBLE ? new double[capacity] : null;
        String[] strings = longs == null && doubles == null ? new String[capacity] : null;
        for (int start = 0; start < rows; start += blockRows) {
          int count = Math.min(blockRows, rows - start);
          ZoneMap zone = switch (physical) {
            case LONG -> gatherLongs((LongColumnBuffer) columns[c], order, start, count, nulls,
                longs);
            case DOUBLE -> gatherDoubles((DoubleColumnBuffer) columns[c], order, start, count,
                nulls, doubles);
            case STRING -> gatherStrings((ObjectColumnBuffer) columns[c], order, start, count,
                nulls, strings, blankInsensitive);
            case BIG_DECIMAL -> gatherDecimals((ObjectColumnBuffer) columns[c], order, start,
                count, nulls, strings);
          };
          BlockCodec.Encoded encoded = BlockCodec.encode(physical, count,
              zone.nulls() > 0 ? nulls : null, longs, doubles, strings, zstd, scratch);
          writeFully(channel, encoded.bytes());
          blocks.add(new BlockMeta(offset, encoded.bytes().length, encoded.encoding(),
              encoded.compressed(), zone));
          offset += encoded.bytes().length;
        }
        metas.add(new ColumnMeta(physical, type.scale(), blocks));
      }
      SegmentFooter footer = new SegmentFooter(rows, blockRows, metas);
      ByteWriter out = new ByteWriter(1024);
      FooterFormat.write(footer, out);
      int footerLength = out.size();
      out.putLong(offset);
      out.putInt(footerLength);
      out.putInt(MAGIC);
      writeFully(channel, out.toByteArray());
      channel.force(true);
      return footer;
    }
  }

  private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  private static ZoneMap gatherLongs(LongColumnBuffer column, int[] order, int start, int count,
      boolean[] nulls, long[] out) {
    if (!column.hasNulls()) {
      return gatherLongsNotNull(column, order, start, count, nulls, out);
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    int nullCount = 0;
    long filler = 0;
    for (int i = 0; i < count; i++) {
      int row = order[start + i];
      if (column.isNull(row)) {
        nulls[i] = true;
        nullCount++;
        // Repeating the previous value keeps runs and frames as tight as without the NULL.
        out[i] = filler;
      } else {
        nulls[i] = false;
        long v = column.get(row);
        out[i] = v;
        if (nullCount == i) {
          fillLeading(out, i, v);
        }
        filler = v;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return nullCount == count ? new ZoneMap(count, count, null, null)
        : new ZoneMap(count, nullCount, min, max);
  }

  /** As gatherLongs for a column without NULLs: one random read per row instead of two. */
  private static ZoneMap gatherLongsNotNull(LongColumnBuffer column, int[] order, int start,
      int count, boolean[] nulls, long[] out) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < count; i++) {
      long v = column.get(order[start + i]);
      out[i] = v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    Arrays.fill(nulls, 0, count, false);
    return new ZoneMap(count, 0, min, max);
  }

  private static void fillLeading(long[] out, int leading, long value) {
    for (int i = 0; i < leading; i++) {
      out[i] = value;
    }
  }

  private static ZoneMap gatherDoubles(DoubleColumnBuffer column, int[] order, int start,
      int count, boolean[] nulls, double[] out) {
    double min = 0;
    double max = 0;
    int nullCount = 0;
    boolean seen = false;
    for (int i = 0; i < count; i++) {
      int row = order[start + i];
      if (column.isNull(row)) {
        nulls[i] = true;
        nullCount++;
        out[i] = 0;
      } else {
        nulls[i] = false;
        double v = column.get(row);
        out[i] = v;
        if (!seen || Double.compare(v, min) < 0) {
          min = v;
        }
        if (!seen || Double.compare(v, max) > 0) {
          max = v;
        }
        seen = true;
      }
    }
    return seen ? new ZoneMap(count, nullCount, min, max) : new ZoneMap(count, count, null, null);
  }

  private static ZoneMap gatherStrings(ObjectColumnBuffer column, int[] order, int start,
      int count, boolean[] nulls, String[] out, boolean blankInsensitive) {
    String min = null;
    String max = null;
    boolean maxUnknown = false;
    int nullCount = 0;
    boolean checkNulls = column.hasNulls();
    String previous = null;
    for (int i = 0; i < count; i++) {
      int row = order[start + i];
      if (checkNulls && column.isNull(row)) {
        nulls[i] = true;
        nullCount++;
        out[i] = "";
      } else {
        nulls[i] = false;
        String v = (String) column.get(row);
        out[i] = v;
        if (v == previous) {
          // The loader shares the String of a repeated value: nothing new for the zone map.
          continue;
        }
        previous = v;
        String key = blankInsensitive ? PhysicalType.stripBlanks(v) : v;
        if (min == null || key.compareTo(min) < 0) {
          min = key;
        }
        if (key.length() > MAX_ZONE_STRING) {
          maxUnknown = true;
        } else if (max == null || key.compareTo(max) > 0) {
          max = key;
        }
      }
    }
    if (nullCount == count) {
      return new ZoneMap(count, count, null, null);
    }
    if (min.length() > MAX_ZONE_STRING) {
      min = min.substring(0, MAX_ZONE_STRING);
    }
    return new ZoneMap(count, nullCount, min, maxUnknown ? null : max);
  }

  private static ZoneMap gatherDecimals(ObjectColumnBuffer column, int[] order, int start,
      int count, boolean[] nulls, String[] out) {
    BigDecimal min = null;
    BigDecimal max = null;
    int nullCount = 0;
    for (int i = 0; i < count; i++) {
      int row = order[start + i];
      if (column.isNull(row)) {
        nulls[i] = true;
        nullCount++;
        out[i] = "0";
      } else {
        nulls[i] = false;
        BigDecimal v = (BigDecimal) column.get(row);
        out[i] = v.unscaledValue().toString();
        if (min == null || v.compareTo(min) < 0) {
          min = v;
        }
        if (max == null || v.compareTo(max) > 0) {
          max = v;
        }
      }
    }
    return new ZoneMap(count, nullCount, min, max);
  }
}
