package io.basalt.planner.exec.join;

import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import java.math.BigDecimal;
import java.util.List;

/** Concatenates the columns of the build side's batches into one column per field. */
final class Columns {
  private Columns() {}

  /** The rows of {@code parts} in order, as one column of the given kind and scale. */
  static Column concat(List<Column> parts, ColumnKind kind, int scale, int total) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    boolean[] nulls = null;
    boolean wide = false;
    for (Column part : parts) {
      if (part.nulls != null && nulls == null) {
        nulls = new boolean[total];
      }
      wide |= part.isWideDecimal();
    }
    long[] longs = null;
    double[] doubles = null;
    Object[] objects = null;
    switch (kind) {
      case LONG -> longs = new long[total];
      case DOUBLE -> doubles = new double[total];
      case STRING -> objects = new Object[total];
      case DECIMAL -> {
        if (wide) {
          objects = new Object[total];
        } else {
          longs = new long[total];
        }
      }
    }
    int offset = 0;
    for (Column part : parts) {
      int size = part.size;
      if (part.nulls != null) {
        System.arraycopy(part.nulls, 0, nulls, offset, size);
      }
      if (longs != null) {
        System.arraycopy(part.longs, 0, longs, offset, size);
      } else if (doubles != null) {
        System.arraycopy(part.doubles, 0, doubles, offset, size);
      } else if (part.objects != null) {
        System.arraycopy(part.objects, 0, objects, offset, size);
      } else {
        // A narrow DECIMAL part of a column that some wide part forces into BigDecimals.
        for (int i = 0; i < size; i++) {
          objects[offset + i] = part.isNull(i) ? null : BigDecimal.valueOf(part.longs[i], scale);
        }
      }
      offset += size;
    }
    return switch (kind) {
      case LONG -> Column.ofLongs(total, longs, nulls);
      case DOUBLE -> Column.ofDoubles(total, doubles, nulls);
      case STRING -> Column.ofStrings(total, objects, nulls);
      case DECIMAL -> wide ? Column.ofBigDecimals(total, scale, objects, nulls)
          : Column.ofDecimals(total, scale, longs, nulls);
    };
  }
}
