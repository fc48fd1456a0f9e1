package io.basalt.planner.cost;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.source.ScanContext;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.Split;
import io.basalt.planner.source.SplitReader;
import io.basalt.planner.source.TableSource;
import java.util.List;
import java.util.OptionalLong;

/**
 * Estimates a column's distinct values for any table source from a sample: the first splits'
 * values up to a row budget, through the table-source seam. The count is taken at half the
 * sample and at its end: when it still grows in proportion to the rows read (a key, or a
 * column sorted by one) it is scaled to the table's rows; when it has levelled off (a
 * low-cardinality column shows its values early) it stands. Good enough to order joins, and
 * bounded in cost whatever the table's size.
 */
public final class SourceSampler {
  private SourceSampler() {}

  /** Distinct non-null values of {@code column}, reading at most about {@code budget} rows. */
  public static double distinctValues(TableSource source, int column, double tableRows,
      long budget) {
    SourceScan scan = source.scan(new ScanSpec(new int[] {column}, List.of(),
        OptionalLong.empty()), ScanContext.none());
    DistinctCounter counter = new DistinctCounter();
    long sampled = 0;
    long halfRows = 0;
    double halfDistinct = 0;
    boolean complete = true;
    List<Split> splits = scan.splits(1);
    for (int s = 0; s < splits.size(); s++) {
      if (sampled >= budget) {
        complete = false;
        break;
      }
      try (SplitReader reader = scan.open(splits.get(s), () -> false)) {
        for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
          sampled += add(counter, batch.column(0), batch.size());
          if (halfRows == 0 && sampled >= budget / 2) {
            halfRows = sampled;
            halfDistinct = Math.max(1, counter.estimate());
          }
        }
      }
    }
    double distinct = Math.max(1, counter.estimate());
    if (complete || sampled == 0) {
      return distinct;
    }
    boolean stillGrowing = halfRows > 0 && halfRows < sampled
        && distinct / halfDistinct >= 0.8 * sampled / halfRows;
    return stillGrowing ? Math.max(distinct, distinct * tableRows / sampled) : distinct;
  }

  private static long add(DistinctCounter counter, Column column, int rows) {
    long added = 0;
    for (int row = 0; row < rows; row++) {
      if (column.isNull(row)) {
        continue;
      }
      added++;
      switch (column.kind) {
        case LONG -> counter.add(column.longs[row]);
        case DOUBLE -> counter.add(Double.doubleToLongBits(column.doubles[row]));
        case DECIMAL -> counter.add(column.longs != null ? (Object) column.longs[row]
            : column.objects[row]);
        case STRING -> counter.add(column.objects[row]);
      }
    }
    return added;
  }
}
