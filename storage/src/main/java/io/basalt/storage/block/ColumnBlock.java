package io.basalt.storage.block;

import io.basalt.storage.encoding.DecodedStrings;
import java.math.BigDecimal;

/**
 * One decoded block of one column: {@code rows} values in the array matching its physical type
 * (the others are null) and a null flag per row, or {@code nulls == null} when none is NULL.
 */
public record ColumnBlock(
    PhysicalType type,
    int rows,
    boolean[] nulls,
    long[] longs,
    double[] doubles,
    DecodedStrings strings,
    BigDecimal[] decimals) {

  public boolean isNull(int row) {
    return nulls != null && nulls[row];
  }

  /**
   * The rows at {@code positions[0..count)} as a new block, so that columns not filtered on are
   * copied only for rows that passed (late materialization).
   */
  public ColumnBlock select(int[] positions, int count) {
    if (count == rows) {
      return this;
    }
    boolean[] selectedNulls = null;
    if (nulls != null) {
      selectedNulls = new boolean[count];
      for (int i = 0; i < count; i++) {
        selectedNulls[i] = nulls[positions[i]];
      }
    }
    return switch (type) {
      case LONG -> {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
          out[i] = longs[positions[i]];
        }
        yield new ColumnBlock(type, count, selectedNulls, out, null, null, null);
      }
      case DOUBLE -> {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
          out[i] = doubles[positions[i]];
        }
        yield new ColumnBlock(type, count, selectedNulls, null, out, null, null);
      }
      case STRING -> new ColumnBlock(type, count, selectedNulls, null, null,
          strings.select(positions, count), null);
      case BIG_DECIMAL -> {
        BigDecimal[] out = new BigDecimal[count];
        for (int i = 0; i < count; i++) {
          out[i] = decimals[positions[i]];
        }
        yield new ColumnBlock(type, count, selectedNulls, null, null, null, out);
      }
    };
  }

  /** Approximate heap bytes held, for the block cache's budget. */
  public long estimatedBytes() {
    long size = 64L + (nulls == null ? 0 : rows);
    if (longs != null) {
      size += 8L * longs.length;
    }
    if (doubles != null) {
      size += 8L * doubles.length;
    }
    if (strings != null) {
      size += strings.estimatedBytes();
    }
    if (decimals != null) {
      size += 56L * decimals.length;
    }
    return size;
  }
}
