package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.QueryContext;
import java.math.BigDecimal;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/** CASTs between the numeric, character and datetime types, as Enumerable code casts. */
final class Cast {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private Cast() {}

  /** The compiled cast, or null when this conversion is not supported. */
  static VectorExpression of(VectorExpression operand, RelDataType from, RelDataType to) {
    SqlTypeName source = from.getSqlTypeName();
    SqlTypeName target = to.getSqlTypeName();
    if (isInteger(source) && isInteger(target)) {
      return Range.of(target).contains(Range.of(source)) ? operand : null;
    }
    if (source == target && source != SqlTypeName.DECIMAL && !SqlTypeUtil.isCharacter(from)
        && (source == SqlTypeName.BOOLEAN || source == SqlTypeName.DATE
            || source == SqlTypeName.DOUBLE)) {
      return operand;
    }
    if (target == SqlTypeName.DECIMAL && (source == SqlTypeName.DECIMAL || isInteger(source))) {
      return new ToDecimal(operand, to.getPrecision(), to.getScale());
    }
    if (isInteger(target) && source == SqlTypeName.DECIMAL) {
      Range range = Range.of(target);
      return new DecimalToInteger(operand, range.min, range.max);
    }
    if (target == SqlTypeName.DOUBLE || target == SqlTypeName.FLOAT) {
      if (source == SqlTypeName.DECIMAL || isInteger(source) || source == SqlTypeName.REAL
          || source == SqlTypeName.FLOAT || source == SqlTypeName.DOUBLE) {
        return new ToDouble(operand, false);
      }
      return null;
    }
    if (target == SqlTypeName.REAL && (source == SqlTypeName.DECIMAL || isInteger(source)
        || source == SqlTypeName.DOUBLE || source == SqlTypeName.FLOAT)) {
      return new ToDouble(operand, true);
    }
    if (SqlTypeUtil.isCharacter(to) && SqlTypeUtil.isCharacter(from)) {
      int precision = to.getPrecision();
      boolean pad = target == SqlTypeName.CHAR;
      if (precision == RelDataType.PRECISION_NOT_SPECIFIED) {
        return pad ? null : operand;
      }
      return new ToCharacter(operand, precision, pad);
    }
    if (source == SqlTypeName.DATE && target == SqlTypeName.TIMESTAMP) {
      return new Scale(operand, MILLIS_PER_DAY, true);
    }
    if (source == SqlTypeName.TIMESTAMP && target == SqlTypeName.DATE) {
      return new Scale(operand, MILLIS_PER_DAY, false);
    }
    if (source == SqlTypeName.TIMESTAMP && target == SqlTypeName.TIMESTAMP
        && from.getPrecision() <= to.getPrecision()) {
      return operand;
    }
    return null;
  }

  static boolean isInteger(SqlTypeName type) {
    return type == SqlTypeName.TINYINT || type == SqlTypeName.SMALLINT
        || type == SqlTypeName.INTEGER || type == SqlTypeName.BIGINT;
  }

  /** The value range of an integer type. */
  record Range(long min, long max) {
    static Range of(SqlTypeName type) {
      return switch (type) {
        case TINYINT -> new Range(Byte.MIN_VALUE, Byte.MAX_VALUE);
        case SMALLINT -> new Range(Short.MIN_VALUE, Short.MAX_VALUE);
        case INTEGER -> new Range(Integer.MIN_VALUE, Integer.MAX_VALUE);
        default -> new Range(Long.MIN_VALUE, Long.MAX_VALUE);
      };
    }

    boolean contains(Range other) {
      return min <= other.min && max >= other.max;
    }
  }

  /** An integer or decimal to DECIMAL(precision, scale): truncates, then checks the precision. */
  record ToDecimal(VectorExpression operand, int precision, int scale)
      implements VectorExpression {
    @Override
    public Column evaluate(Batch input, QueryContext context) {
      Column a = operand.evaluate(input, context);
      int size = input.size();
      int from = Columns.scale(a);
      if (a.objects == null && precision <= 18 && Math.abs(scale - from) <= 18) {
        long limit = Columns.POWERS_OF_TEN[precision];
        long[] result = new long[size];
        long[] values = a.longs;
        if (scale >= from) {
          long factor = Columns.POWERS_OF_TEN[scale - from];
          for (int i = 0; i < size; i++) {
            long value = values[i];
            // |value| < limit / factor keeps the product below 10^precision without overflow.
            if (value != 0 && (value >= limit / factor || value <= -(limit / factor))) {
              if (!a.isNull(i)) {
                throw Columns.decimalOverflow(Columns.decimal(a, i), precision, scale);
              }
              value = 0;
            }
            result[i] = value * factor;
          }
        } else {
          long divisor = Columns.POWERS_OF_TEN[from - scale];
          for (int i = 0; i < size; i++) {
            long value = values[i] / divisor;
            if ((value >= limit || value <= -limit) && !a.isNull(i)) {
              throw Columns.decimalOverflow(Columns.decimal(a, i), precision, scale);
            }
            result[i] = value;
          }
        }
        return Column.ofDecimals(size, scale, result, a.nulls);
      }
      if (a.objects == null && precision > 18 && Math.abs(scale - from) <= 18) {
        Column wide = wideFromLongs(a, size, from);
        if (wide != null) {
          return wide;
        }
      }
      BigDecimal[] result = new BigDecimal[size];
      for (int i = 0; i < size; i++) {
        if (a.isNull(i)) {
          continue;
        }
        BigDecimal value = Columns.decimal(a, i);
        BigDecimal scaled = Columns.toScale(value, scale);
        if (scaled.precision() > precision && scaled.signum() != 0) {
          throw Columns.decimalOverflow(value, precision, scale);
        }
        result[i] = scaled;
      }
      return Columns.decimals(size, scale, result, a.nulls);
    }

    /**
     * Unscaled longs to a type of more than 18 digits: any long fits its precision, so only the
     * rescaling can overflow, and then (null returned) the BigDecimal path takes over.
     */
    private Column wideFromLongs(Column a, int size, int from) {
      long[] values = a.longs;
      long[] result = new long[size];
      if (scale >= from) {
        long factor = Columns.POWERS_OF_TEN[scale - from];
        long bound = Long.MAX_VALUE / factor;
        for (int i = 0; i < size; i++) {
          long value = values[i];
          if (value > bound || value < -bound) {
            if (!a.isNull(i)) {
              return null;
            }
            value = 0;
          }
          result[i] = value * factor;
        }
      } else {
        long divisor = Columns.POWERS_OF_TEN[from - scale];
        for (int i = 0; i < size; i++) {
          result[i] = values[i] / divisor;
        }
      }
      return Column.ofDecimals(size, scale, result, a.nulls);
    }
  }

  /** DECIMAL to an integer type: truncates towards zero, refusing values out of range. */
  record DecimalToInteger(VectorExpression operand, long min, long max)
      implements VectorExpression {
    @Override
    public Column evaluate(Batch input, QueryContext context) {
      Column a = operand.evaluate(input, context);
      int size = input.size();
      long[] result = new long[size];
      for (int i = 0; i < size; i++) {
        if (a.isNull(i)) {
          continue;
        }
        long value;
        if (a.objects == null && a.scale <= 18) {
          value = a.longs[i] / Columns.POWERS_OF_TEN[a.scale];
        } else {
          BigDecimal truncated = Columns.toScale(a.decimal(i), 0);
          if (truncated.unscaledValue().bitLength() > 63) {
            throw Columns.outOfRange(a.decimal(i).toPlainString());
          }
          value = truncated.longValueExact();
        }
        if (value < min || value > max) {
          throw Columns.outOfRange(a.decimal(i).toPlainString());
        }
        result[i] = value;
      }
      return Column.ofLongs(size, result, a.nulls);
    }
  }

  /** A numeric value to DOUBLE (or to REAL, rounding to float precision). */
  record ToDouble(VectorExpression operand, boolean toFloat) implements VectorExpression {
    @Override
    public Column evaluate(Batch input, QueryContext context) {
      Column a = operand.evaluate(input, context);
      int size = input.size();
      double[] result = new double[size];
      for (int i = 0; i < size; i++) {
        double value = a.isNull(i) ? 0 : Columns.toDouble(a, i);
        result[i] = toFloat ? (float) value : value;
      }
      return Column.ofDoubles(size, result, a.nulls);
    }
  }

  /** Truncates strings to a length, padding with spaces to it for CHAR. */
  record ToCharacter(VectorExpression operand, int length, boolean pad)
      implements VectorExpression {
    @Override
    public Column evaluate(Batch input, QueryContext context) {
      Column a = operand.evaluate(input, context);
      int size = input.size();
      Object[] result = new Object[size];
      boolean changed = false;
      for (int i = 0; i < size; i++) {
        String value = (String) a.objects[i];
        if (value != null && value.length() != length
            && (value.length() > length || pad)) {
          value = value.length() > length ? value.substring(0, length)
              : value + " ".repeat(length - value.length());
          changed = true;
        }
        result[i] = value;
      }
      return changed ? Column.ofStrings(size, result, a.nulls) : a;
    }
  }

  /** DATE to TIMESTAMP (multiply) or TIMESTAMP to DATE (floor divide) by milliseconds a day. */
  record Scale(VectorExpression operand, long factor, boolean multiply)
      implements VectorExpression {
    @Override
    public Column evaluate(Batch input, QueryContext context) {
      Column a = operand.evaluate(input, context);
      int size = input.size();
      long[] result = new long[size];
      for (int i = 0; i < size; i++) {
        result[i] = multiply ? a.longs[i] * factor : Math.floorDiv(a.longs[i], factor);
      }
      return Column.ofLongs(size, result, a.nulls);
    }
  }
}
