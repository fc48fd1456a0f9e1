package io.basalt.storage.block;

import io.basalt.storage.encoding.ByteReader;
import io.basalt.storage.encoding.ByteWriter;
import io.basalt.storage.zonemap.ZoneMap;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The binary layout of a {@link SegmentFooter}. */
final class FooterFormat {
  private FooterFormat() {}

  static void write(SegmentFooter footer, ByteWriter out) {
    out.putInt(SegmentWriter.MAGIC);
    out.putInt(SegmentWriter.VERSION);
    out.putInt(footer.rows());
    out.putInt(footer.blockRows());
    out.putInt(footer.columns().size());
    for (ColumnMeta column : footer.columns()) {
      out.putByte(column.type().ordinal());
      out.putInt(column.scale());
      out.putInt(column.blocks().size());
      for (BlockMeta block : column.blocks()) {
        out.putLong(block.offset());
        out.putInt(block.length());
        out.putByte(block.encoding());
        out.putByte(block.compressed() ? 1 : 0);
        ZoneMap zone = block.zone();
        out.putInt(zone.rows());
        out.putInt(zone.nulls());
        writeBound(column.type(), zone.min(), out);
        writeBound(column.type(), zone.max(), out);
      }
    }
  }

  private static void writeBound(PhysicalType type, Comparable<?> bound, ByteWriter out) {
    if (bound == null) {
      out.putByte(0);
      return;
    }
    out.putByte(1);
    switch (type) {
      case LONG -> out.putLong((Long) bound);
      case DOUBLE -> out.putLong(Double.doubleToLongBits((Double) bound));
      case STRING -> writeString((String) bound, out);
      case BIG_DECIMAL -> writeString(((BigDecimal) bound).toString(), out);
      default -> throw new IllegalStateException("unreachable");
    }
  }

  private static void writeString(String value, ByteWriter out) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.putInt(bytes.length);
    out.putBytes(bytes);
  }

  static SegmentFooter read(ByteReader in) {
    if (in.getInt() != SegmentWriter.MAGIC || in.getInt() != SegmentWriter.VERSION) {
      throw new IllegalStateException("Cannot read segment footer: bad magic or version");
    }
    int rows = in.getInt();
    int blockRows = in.getInt();
    int columnCount = in.getInt();
    List<ColumnMeta> columns = new ArrayList<>(columnCount);
    for (int c = 0; c < columnCount; c++) {
      PhysicalType type = PhysicalType.values()[in.getByte()];
      int scale = in.getInt();
      int blockCount = in.getInt();
      List<BlockMeta> blocks = new ArrayList<>(blockCount);
      for (int b = 0; b < blockCount; b++) {
        long offset = in.getLong();
        int length = in.getInt();
        int encoding = in.getByte();
        boolean compressed = in.getByte() == 1;
        int zoneRows = in.getInt();
        int nulls = in.getInt();
        Comparable<?> min = readBound(type, in);
        Comparable<?> max = readBound(type, in);
        blocks.add(new BlockMeta(offset, length, encoding, compressed,
            new ZoneMap(zoneRows, nulls, min, max)));
      }
      columns.add(new ColumnMeta(type, scale, blocks));
    }
    return new SegmentFooter(rows, blockRows, columns);
  }

  private static Comparable<?> readBound(PhysicalType type, ByteReader in) {
    if (in.getByte() == 0) {
      return null;
    }
    return switch (type) {
      case LONG -> in.getLong();
      case DOUBLE -> Double.longBitsToDouble(in.getLong());
      case STRING -> in.getString(in.getInt());
      case BIG_DECIMAL -> new BigDecimal(in.getString(in.getInt()));
    };
  }
}
