package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.QueryContext;
import java.util.Locale;
import org.apache.calcite.runtime.SqlFunctions;

/** String functions with Calcite's semantics (SqlFunctions' substring, upper, lower, ...). */
final class Strings {
  private Strings() {}

  /** The unary string functions. */
  enum Unary { UPPER, LOWER, CHAR_LENGTH }

  /** UPPER, LOWER (strings) and CHAR_LENGTH (a LONG). */
  record UnaryString(VectorExpression operand, Unary function) implements VectorExpression {
    @Override
    public Column evaluate(Batch input, QueryContext context) {
      Column a = operand.evaluate(input, context);
      int size = input.size();
      if (function == Unary.CHAR_LENGTH) {
        long[] result = new long[size];
        for (int i = 0; i < size; i++) {
          if (a.objects[i] != null) {
            result[i] = ((String) a.objects[i]).length();
          }
        }
        return Column.ofLongs(size, result, a.nulls);
      }
      Object[] result = new Object[size];
      for (int i = 0; i < size; i++) {
        String value = (String) a.objects[i];
        if (value != null) {
          result[i] = function == Unary.UPPER ? value.toUpperCase(Locale.ROOT)
              : value.toLowerCase(Locale.ROOT);
        }
      }
      return Column.ofStrings(size, result, a.nulls);
    }
  }

  /** SUBSTRING(s FROM start [FOR length]). */
  record Substring(VectorExpression string, VectorExpression start, VectorExpression length)
      implements VectorExpression {
    @Override
    public Column evaluate(Batch input, QueryContext context) {
      Column s = string.evaluate(input, context);
      Column from = start.evaluate(input, context);
      Column count = length == null ? null : length.evaluate(input, context);
      int size = input.size();
      boolean[] nulls = Columns.orNulls(s.nulls, from.nulls, size);
      if (count != null) {
        nulls = Columns.orNulls(nulls, count.nulls, size);
      }
      Object[] result = new Object[size];
      for (int i = 0; i < size; i++) {
        if (nulls != null && nulls[i]) {
          continue;
        }
        String value = (String) s.objects[i];
        int begin = (int) from.longs[i];
        if (count == null) {
          result[i] = SqlFunctions.substring(value, begin);
        } else {
          if (count.longs[i] < 0) {
            throw new io.basalt.storage.StorageException("22011",
                "negative substring length not allowed");
          }
          result[i] = SqlFunctions.substring(value, begin, (int) count.longs[i]);
        }
      }
      return Column.ofStrings(size, result, nulls);
    }
  }

  /** The || operator. */
  record Concat(VectorExpression left, VectorExpression right) implements VectorExpression {
    @Override
    public Column evaluate(Batch input, QueryContext context) {
      Column a = left.evaluate(input, context);
      Column b = right.evaluate(input, context);
      int size = input.size();
      boolean[] nulls = Columns.orNulls(a.nulls, b.nulls, size);
      Object[] result = new Object[size];
      for (int i = 0; i < size; i++) {
        if (nulls == null || !nulls[i]) {
          result[i] = ((String) a.objects[i]).concat((String) b.objects[i]);
        }
      }
      return Column.ofStrings(size, result, nulls);
    }
  }

  /** TRIM([BOTH | LEADING | TRAILING] c FROM s) with a one-character c. */
  record Trim(VectorExpression string, char seek, boolean leading, boolean trailing)
      implements VectorExpression {
    @Override
    public Column evaluate(Batch input, QueryContext context) {
      Column a = string.evaluate(input, context);
      int size = input.size();
      Object[] result = new Object[size];
      for (int i = 0; i < size; i++) {
        String value = (String) a.objects[i];
        if (value == null) {
          continue;
        }
        int end = value.length();
        int begin = 0;
        if (trailing) {
          while (end > 0 && value.charAt(end - 1) == seek) {
            end--;
          }
        }
        if (leading) {
          while (begin < end && value.charAt(begin) == seek) {
            begin++;
          }
        }
        result[i] = value.substring(begin, end);
      }
      return Column.ofStrings(size, result, a.nulls);
    }
  }

  /** POSITION(seek IN s): 1-based, 0 when absent. */
  record Position(VectorExpression seek, VectorExpression string) implements VectorExpression {
    @Override
    public Column evaluate(Batch input, QueryContext context) {
      Column a = seek.evaluate(input, context);
      Column b = string.evaluate(input, context);
      int size = input.size();
      boolean[] nulls = Columns.orNulls(a.nulls, b.nulls, size);
      long[] result = new long[size];
      for (int i = 0; i < size; i++) {
        if (nulls == null || !nulls[i]) {
          result[i] = ((String) b.objects[i]).indexOf((String) a.objects[i]) + 1;
        }
      }
      return Column.ofLongs(size, result, nulls);
    }
  }
}
