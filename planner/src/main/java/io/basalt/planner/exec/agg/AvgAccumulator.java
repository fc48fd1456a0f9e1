package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import io.basalt.storage.StorageException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * AVG, computed as Calcite's AggregateReduceFunctionsRule rewrites it for Enumerable:
 * CAST(CAST(SUM(x) AS t) / COUNT(x) AS t) where t is x's type. Integers divide in long
 * arithmetic (truncating); DECIMALs divide with MathContext.DECIMAL64 and are then cast to t's
 * scale rounding DOWN (the type system's rounding mode), failing when t's precision is too small.
 */
final class AvgAccumulator extends Accumulator {
  private final ColumnKind kind;
  private final int precision;
  private final int scale;
  private final LongSumAccumulator.IntegerRange range;
  private final Accumulator sum;
  private final CountAccumulator count;

  AvgAccumulator(int[] args, int filterArg, ColumnKind kind, int precision, int scale,
      LongSumAccumulator.IntegerRange range) {
    super(args, filterArg);
    this.kind = kind;
    this.precision = precision;
    this.scale = scale;
    this.range = range;
    this.sum = switch (kind) {
      case LONG -> new LongSumAccumulator(args, filterArg, false, range);
      case DOUBLE -> new DoubleSumAccumulator(args, filterArg, false);
      case DECIMAL -> new DecimalSumAccumulator(args, filterArg, false, scale);
      case STRING -> throw new IllegalArgumentException("AVG of a string");
    };
    this.count = new CountAccumulator(args, filterArg);
  }

  @Override
  Accumulator copy() {
    return new AvgAccumulator(args, filterArg, kind, precision, scale, range);
  }

  @Override
  void ensureCapacity(int groups) {
    sum.ensureCapacity(groups);
    count.ensureCapacity(groups);
  }

  @Override
  long bytesPerGroup() {
    return sum.bytesPerGroup() + count.bytesPerGroup();
  }

  @Override
  void add(Batch batch, int[] groupIds, int rows) {
    sum.add(batch, groupIds, rows);
    count.add(batch, groupIds, rows);
  }

  @Override
  void merge(Accumulator partial, int[] from, int[] to, int rows) {
    AvgAccumulator other = (AvgAccumulator) partial;
    sum.merge(other.sum, from, to, rows);
    count.merge(other.count, from, to, rows);
  }

  @Override
  Column result(int[] groups, int rows) {
    boolean[] nulls = null;
    for (int i = 0; i < rows; i++) {
      if (count.count(groups[i]) == 0) {
        if (nulls == null) {
          nulls = new boolean[rows];
        }
        nulls[i] = true;
      }
    }
    switch (kind) {
      case LONG -> {
        LongSumAccumulator sums = (LongSumAccumulator) sum;
        long[] values = new long[rows];
        for (int i = 0; i < rows; i++) {
          int g = groups[i];
          long n = count.count(g);
          values[i] = n == 0 ? 0 : range.check(sums.sum(g)) / n;
        }
        return Column.ofLongs(rows, values, nulls);
      }
      case DOUBLE -> {
        DoubleSumAccumulator sums = (DoubleSumAccumulator) sum;
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
          int g = groups[i];
          long n = count.count(g);
          values[i] = n == 0 ? 0 : sums.sum(g) / n;
        }
        return Column.ofDoubles(rows, values, nulls);
      }
      case DECIMAL -> {
        DecimalSumAccumulator sums = (DecimalSumAccumulator) sum;
        Object[] values = new Object[rows];
        for (int i = 0; i < rows; i++) {
          int g = groups[i];
          long n = count.count(g);
          if (n > 0) {
            BigDecimal total = fitPrecision(sums.sum(g));
            BigDecimal quotient = total.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64);
            values[i] = fitPrecision(quotient.setScale(scale, RoundingMode.DOWN));
          }
        }
        return decimalColumn(values, rows, nulls);
      }
      case STRING -> throw new AssertionError(kind);
    }
    throw new AssertionError(kind);
  }

  private Column decimalColumn(Object[] values, int rows, boolean[] nulls) {
    long[] unscaled = new long[rows];
    for (int i = 0; i < rows; i++) {
      if (values[i] != null) {
        BigDecimal value = (BigDecimal) values[i];
        if (value.unscaledValue().bitLength() >= 64) {
          return Column.ofBigDecimals(rows, scale, values, nulls);
        }
        unscaled[i] = value.unscaledValue().longValue();
      }
    }
    return Column.ofDecimals(rows, scale, unscaled, nulls);
  }

  private BigDecimal fitPrecision(BigDecimal value) {
    if (value.signum() != 0 && value.precision() > precision) {
      throw new StorageException("22003", "Cannot compute AVG: value " + value
          + " cannot be represented as a DECIMAL(" + precision + ", " + scale + ")");
    }
    return value;
  }
}
