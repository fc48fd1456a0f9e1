package io.basalt.planner.exec.sort;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds batches out of rows of several batches: concatenation (to sort a partition's rows as
 * one array per column) and gathering rows picked from several sorted runs.
 */
final class Columns {
  private Columns() {}

  /** All rows of {@code batches}, in order, as one batch (the batch itself when only one). */
  static Batch concat(List<Batch> batches, int columnCount) {
    if (batches.size() == 1) {
      return batches.get(0);
    }
    int total = 0;
    for (Batch batch : batches) {
      total += batch.size();
    }
    Column[] columns = new Column[columnCount];
    List<Column> parts = new ArrayList<>(batches.size());
    for (int c = 0; c < columnCount; c++) {
      parts.clear();
      for (Batch batch : batches) {
        parts.add(batch.column(c));
      }
      columns[c] = Column.concat(parts, parts.get(0).kind, parts.get(0).scale);
    }
    return new Batch(total, columns);
  }

  /** The rows {@code (runOf[i], rowOf[i])} for i in 0..count-1, as one batch. */
  static Batch gather(Batch[] batches, int columnCount, int[] runOf, int[] rowOf, int count) {
    Column[] columns = new Column[columnCount];
    Column[] parts = new Column[batches.length];
    for (int c = 0; c < columnCount; c++) {
      for (int b = 0; b < batches.length; b++) {
        parts[b] = batches[b].column(c);
      }
      columns[c] = gatherColumn(parts, runOf, rowOf, count);
    }
    return new Batch(count, columns);
  }

  private static Column gatherColumn(Column[] parts, int[] runOf, int[] rowOf, int count) {
    Column first = parts[0];
    boolean[] nulls = null;
    for (Column part : parts) {
      if (part.nulls != null) {
        nulls = new boolean[count];
        for (int i = 0; i < count; i++) {
          nulls[i] = parts[runOf[i]].isNull(rowOf[i]);
        }
        break;
      }
    }
    return switch (first.kind) {
      case LONG -> Column.ofLongs(count, gatherLongs(parts, runOf, rowOf, count), nulls);
      case DOUBLE -> {
        double[][] sources = new double[parts.length][];
        for (int b = 0; b < parts.length; b++) {
          sources[b] = parts[b].doubles;
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
          values[i] = sources[runOf[i]][rowOf[i]];
        }
        yield Column.ofDoubles(count, values, nulls);
      }
      case STRING -> Column.ofStrings(count, gatherObjects(parts, runOf, rowOf, count), nulls);
      case DECIMAL -> narrowDecimals(parts)
          ? Column.ofDecimals(count, first.scale, gatherLongs(parts, runOf, rowOf, count), nulls)
          : Column.ofBigDecimals(count, first.scale, gatherDecimals(parts, runOf, rowOf, count),
              nulls);
    };
  }

  /** Whether every part holds unscaled longs at the same scale. */
  private static boolean narrowDecimals(Column[] parts) {
    for (Column part : parts) {
      if (part.longs == null || part.scale != parts[0].scale) {
        return false;
      }
    }
    return true;
  }

  private static long[] gatherLongs(Column[] parts, int[] runOf, int[] rowOf, int count) {
    long[][] sources = new long[parts.length][];
    for (int b = 0; b < parts.length; b++) {
      sources[b] = parts[b].longs;
    }
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = sources[runOf[i]][rowOf[i]];
    }
    return values;
  }

  private static Object[] gatherObjects(Column[] parts, int[] runOf, int[] rowOf, int count) {
    Object[][] sources = new Object[parts.length][];
    for (int b = 0; b < parts.length; b++) {
      sources[b] = parts[b].objects;
    }
    Object[] values = new Object[count];
    for (int i = 0; i < count; i++) {
      values[i] = sources[runOf[i]][rowOf[i]];
    }
    return values;
  }

  private static Object[] gatherDecimals(Column[] parts, int[] runOf, int[] rowOf, int count) {
    Object[] values = new Object[count];
    for (int i = 0; i < count; i++) {
      Column part = parts[runOf[i]];
      int row = rowOf[i];
      values[i] = part.isNull(row) ? null : part.decimal(row);
    }
    return values;
  }
}
