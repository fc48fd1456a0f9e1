package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.QueryContext;
import org.apache.calcite.avatica.util.DateTimeUtils;

/**
 * DATE or TIMESTAMP plus or minus an interval, as Calcite's generated code does it: day-time
 * intervals (milliseconds) add whole days to a DATE (or make it a TIMESTAMP when the result is
 * one), year-month intervals (months) go through DateTimeUtils.addMonths.
 */
record DateArithmetic(VectorExpression datetime, VectorExpression interval, boolean timestamp,
    boolean months, boolean minus, boolean dateToTimestamp) implements VectorExpression {
  @Override
  public Column evaluate(Batch input, QueryContext context) {
    Column a = datetime.evaluate(input, context);
    Column b = interval.evaluate(input, context);
    int size = input.size();
    boolean[] nulls = Columns.orNulls(a.nulls, b.nulls, size);
    long[] result = new long[size];
    for (int i = 0; i < size; i++) {
      if (nulls != null && nulls[i]) {
        continue;
      }
      long value = dateToTimestamp ? a.longs[i] * DateTimeUtils.MILLIS_PER_DAY : a.longs[i];
      long amount = minus ? -b.longs[i] : b.longs[i];
      if (months) {
        result[i] = timestamp ? DateTimeUtils.addMonths(value, (int) amount)
            : DateTimeUtils.addMonths((int) value, (int) amount);
      } else if (timestamp) {
        result[i] = value + amount;
      } else {
        // Java's int division truncates the milliseconds to whole days, as Calcite's code does.
        result[i] = (int) value + (int) (amount / DateTimeUtils.MILLIS_PER_DAY);
      }
    }
    return Column.ofLongs(size, result, nulls);
  }
}
