package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.QueryContext;
import org.apache.calcite.avatica.util.DateTimeUtils;
import org.apache.calcite.avatica.util.TimeUnitRange;

/** EXTRACT of a date part from a DATE (days) or TIMESTAMP (milliseconds), as Calcite does. */
record Extract(VectorExpression operand, TimeUnitRange unit, boolean timestamp)
    implements VectorExpression {
  @Override
  public Column evaluate(Batch input, QueryContext context) {
    Column a = operand.evaluate(input, context);
    int size = input.size();
    long[] result = new long[size];
    for (int i = 0; i < size; i++) {
      long value = a.longs[i];
      long days = timestamp ? Math.floorDiv(value, DateTimeUtils.MILLIS_PER_DAY) : value;
      result[i] = DateTimeUtils.unixDateExtract(unit, days);
    }
    return Column.ofLongs(size, result, a.nulls);
  }
}
