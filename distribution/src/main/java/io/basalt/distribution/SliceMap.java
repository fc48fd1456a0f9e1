package io.basalt.distribution;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.DistStyle;
import io.basalt.storage.TableDefinition;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which slice each row of a table goes to. KEY: a hash of the DISTKEY value, equal for equal SQL
 * values whatever their Java type (Integer 5, Long 5 and BigDecimal 5.00 hash alike), NULL on
 * slice 0. EVEN and AUTO: round robin. ALL: slice 0 (a single copy serves every slice here).
 * The mapping is fixed at construction; only the round-robin position advances, atomically, so
 * one map may be shared by threads.
 */
public final class SliceMap {
  private final DistStyle style;
  private final int sliceCount;
  private final int keyColumn;
  private final AtomicLong nextRoundRobin = new AtomicLong();

  public SliceMap(TableDefinition table, int sliceCount) {
    requireNonNull(table, "table is null");
    if (sliceCount < 1) {
      throw new IllegalArgumentException("Cannot distribute rows over " + sliceCount
          + " slices: need at least one");
    }
    this.style = table.distStyle();
    this.sliceCount = sliceCount;
    if (style == DistStyle.KEY) {
      keyColumn = table.distKey() == null ? -1 : table.columnIndex(table.distKey());
      if (keyColumn < 0) {
        throw new IllegalArgumentException("Cannot distribute table \"" + table.schema() + "."
            + table.name() + "\" by key: DISTKEY column \"" + table.distKey()
            + "\" does not exist");
      }
    } else {
      keyColumn = -1;
    }
  }

  public static SliceMap of(TableDefinition table, int sliceCount) {
    return new SliceMap(table, sliceCount);
  }

  public DistStyle style() {
    return style;
  }

  public int sliceCount() {
    return sliceCount;
  }

  /** The DISTKEY column's index, or -1 unless the style is KEY. */
  public int keyColumn() {
    return keyColumn;
  }

  /** The slice of a row given in the storage representation. */
  public int sliceOf(Object[] row) {
    return switch (style) {
      case KEY -> sliceOfKey(row[keyColumn]);
      case EVEN, AUTO -> (int) Math.floorMod(nextRoundRobin.getAndIncrement(), (long) sliceCount);
      case ALL -> 0;
    };
  }

  /** The slice a DISTKEY value hashes to; the same for every table with this slice count. */
  public int sliceOfKey(Object value) {
    if (value == null) {
      return 0;
    }
    return Math.floorMod(hash(value), sliceCount);
  }

  /** A well-mixed 32-bit hash of a value, equal for SQL-equal values of different Java types. */
  static int hash(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return mix(((Number) value).longValue());
    }
    if (value instanceof Boolean b) {
      return mix(b ? 1 : 0);
    }
    if (value instanceof String s) {
      return mixBytes(s.getBytes(StandardCharsets.UTF_8));
    }
    if (value instanceof BigDecimal d) {
      return hashDecimal(d);
    }
    if (value instanceof BigInteger i) {
      return hashDecimal(new BigDecimal(i));
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 0x1p62) {
        return mix((long) d);
      }
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return mix(Double.doubleToLongBits(d));
      }
      return hashDecimal(BigDecimal.valueOf(d));
    }
    return mix(value.hashCode());
  }

  private static int hashDecimal(BigDecimal value) {
    BigDecimal normalized = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (normalized.scale() <= 0 && normalized.precision() - normalized.scale() <= 18) {
      return mix(normalized.longValueExact());
    }
    return mix(normalized.unscaledValue().hashCode() * 31L + normalized.scale());
  }

  /** The finalizer of MurmurHash3's 64-bit variant, folded to 32 bits. */
  private static int mix(long value) {
    long h = value;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (int) (h ^ (h >>> 32));
  }

  private static int mixBytes(byte[] bytes) {
    long h = 0x9E3779B97F4A7C15L ^ bytes.length;
    for (byte b : bytes) {
      h = (h ^ (b & 0xFF)) * 0x100000001B3L;
    }
    return mix(h);
  }
}
