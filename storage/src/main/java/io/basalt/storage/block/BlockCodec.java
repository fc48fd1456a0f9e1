package io.basalt.storage.block;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import io.basalt.storage.encoding.ByteReader;
import io.basalt.storage.encoding.ByteWriter;
import io.basalt.storage.encoding.DecodedStrings;
import io.basalt.storage.encoding.LongCodec;
import io.basalt.storage.encoding.StringCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.roaringbitmap.RoaringBitmap;

/**
 * Turns a block's values and nulls into stored bytes and back: a Roaring bitmap of NULL rows, the
 * values in the encoding chosen for them, then Zstandard over both when that is smaller.
 */
final class BlockCodec {
  /** Zstandard must save at least this fraction of the bytes to be worth decompressing. */
  private static final double MIN_ZSTD_GAIN = 0.9;

  private BlockCodec() {}

  /** The stored form of one block and the encoding tag of its values. */
  record Encoded(byte[] bytes, int encoding, boolean compressed) {}

  /**
   * Encodes one block; {@code zstd} (null for none) compresses it, a context reused across the
   * blocks of a segment since setting one up per block costs as much as compressing a small one.
   */
  static Encoded encode(PhysicalType type, int rows, boolean[] nulls, long[] longs,
      double[] doubles, String[] strings, ZstdCompressCtx zstd, ByteWriter scratch) {
    scratch.reset();
    RoaringBitmap nullRows = null;
    if (nulls != null) {
      for (int i = 0; i < rows; i++) {
        if (nulls[i]) {
          if (nullRows == null) {
            nullRows = new RoaringBitmap();
          }
          nullRows.add(i);
        }
      }
    }
    if (nullRows == null) {
      scratch.putInt(-1);
    } else {
      nullRows.runOptimize();
      byte[] bitmap = new byte[nullRows.serializedSizeInBytes()];
      nullRows.serialize(ByteBuffer.wrap(bitmap));
      scratch.putInt(bitmap.length);
      scratch.putBytes(bitmap);
    }
    int valuesStart = scratch.size();
    int encoding = switch (type) {
      case LONG -> LongCodec.encode(longs, rows, scratch).ordinal();
      case DOUBLE -> {
        long[] bits = new long[rows];
        for (int i = 0; i < rows; i++) {
          bits[i] = Double.doubleToLongBits(doubles[i]);
        }
        yield LongCodec.encode(bits, rows, scratch).ordinal();
      }
      case STRING, BIG_DECIMAL -> StringCodec.encode(strings, rows, scratch).ordinal();
    };
    byte[] raw = scratch.toByteArray();
    if (zstd != null && raw.length - valuesStart > 64) {
      byte[] compressed = zstd.compress(raw);
      if (compressed.length + 4 < raw.length * MIN_ZSTD_GAIN) {
        byte[] out = new byte[compressed.length + 5];
        out[0] = 1;
        ByteBuffer.wrap(out, 1, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(raw.length);
        System.arraycopy(compressed, 0, out, 5, compressed.length);
        return new Encoded(out, encoding, true);
      }
    }
    byte[] out = new byte[raw.length + 1];
    System.arraycopy(raw, 0, out, 1, raw.length);
    return new Encoded(out, encoding, false);
  }

  static ColumnBlock decode(PhysicalType type, int scale, int rows, byte[] stored) {
    byte[] raw;
    if (stored[0] == 1) {
      int rawLength = ByteBuffer.wrap(stored, 1, 4).order(ByteOrder.LITTLE_ENDIAN)
          .getInt();
      raw = new byte[rawLength];
      long written = Zstd.decompressByteArray(raw, 0, rawLength, stored, 5, stored.length - 5);
      if (Zstd.isError(written) || written != rawLength) {
        throw new IllegalStateException("Cannot decompress block: corrupt data");
      }
    } else {
      raw = stored;
    }
    ByteReader in = stored[0] == 1 ? new ByteReader(raw) : new ByteReader(raw, 1, raw.length - 1);
    int bitmapLength = in.getInt();
    boolean[] nulls = null;
    if (bitmapLength >= 0) {
      RoaringBitmap bitmap = new RoaringBitmap();
      try {
        bitmap.deserialize(ByteBuffer.wrap(in.getBytes(bitmapLength)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      boolean[] flags = new boolean[rows];
      bitmap.forEach((int row) -> flags[row] = true);
      nulls = flags;
    }
    return switch (type) {
      case LONG -> {
        long[] values = new long[rows];
        LongCodec.decode(in, rows, values);
        yield new ColumnBlock(type, rows, nulls, values, null, null, null);
      }
      case DOUBLE -> {
        long[] bits = new long[rows];
        LongCodec.decode(in, rows, bits);
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
          values[i] = Double.longBitsToDouble(bits[i]);
        }
        yield new ColumnBlock(type, rows, nulls, null, values, null, null);
      }
      case STRING -> new ColumnBlock(type, rows, nulls, null, null,
          StringCodec.decode(in, rows), null);
      case BIG_DECIMAL -> {
        DecodedStrings digits = StringCodec.decode(in, rows);
        BigDecimal[] values = new BigDecimal[rows];
        for (int i = 0; i < rows; i++) {
          if (nulls == null || !nulls[i]) {
            values[i] = new BigDecimal(new BigInteger(digits.get(i)), scale);
          }
        }
        yield new ColumnBlock(type, rows, nulls, null, null, null, values);
      }
    };
  }
}
