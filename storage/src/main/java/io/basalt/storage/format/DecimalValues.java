package io.basalt.storage.format;

import io.basalt.storage.ColumnType;
import io.basalt.storage.TypeName;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Rescaling and range checks for DECIMAL values, on unscaled longs where they fit. */
final class DecimalValues {
  static final long[] POWERS_OF_TEN = new long[19];

  static {
    long power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private DecimalValues() {}

  /**
   * {@code unscaled} at {@code fromScale} as an unscaled long at {@code type}'s scale, rounded
   * half up; out of range when it has more digits than the type allows.
   */
  static long rescale(long unscaled, int fromScale, ColumnType type) {
    int toScale = type.scale();
    long value = unscaled;
    if (toScale > fromScale) {
      int shift = toScale - fromScale;
      if (shift > 18) {
        return rescale(BigDecimal.valueOf(unscaled, fromScale), type).unscaledValue()
            .longValueExact();
      }
      long high = Math.multiplyHigh(value, POWERS_OF_TEN[shift]);
      long product = value * POWERS_OF_TEN[shift];
      if (high != (product >> 63)) {
        throw outOfRange(BigDecimal.valueOf(unscaled, fromScale), type);
      }
      value = product;
    } else if (toScale < fromScale) {
      int shift = fromScale - toScale;
      if (shift > 18) {
        return rescale(BigDecimal.valueOf(unscaled, fromScale), type).unscaledValue()
            .longValueExact();
      }
      long divisor = POWERS_OF_TEN[shift];
      long quotient = value / divisor;
      long remainder = value % divisor;
      if (Math.abs(remainder) >= (divisor + 1) / 2) {
        quotient += value < 0 ? -1 : 1;
      }
      value = quotient;
    }
    int precision = Math.min(18, type.precision());
    if (value >= POWERS_OF_TEN[precision] || value <= -POWERS_OF_TEN[precision]) {
      throw outOfRange(BigDecimal.valueOf(unscaled, fromScale), type);
    }
    return value;
  }

  /** The value at {@code type}'s scale, rounded half up; out of range past its precision. */
  static BigDecimal rescale(BigDecimal value, ColumnType type) {
    BigDecimal scaled = value.setScale(type.scale(), RoundingMode.HALF_UP);
    if (scaled.precision() > type.precision() && scaled.signum() != 0) {
      throw outOfRange(value, type);
    }
    return scaled;
  }

  /** A two's-complement big-endian unscaled value (Parquet's BINARY/FIXED decimals). */
  static BigDecimal fromBytes(byte[] bytes, int scale) {
    return new BigDecimal(new BigInteger(bytes), scale);
  }

  /** A two's-complement big-endian value of at most 8 bytes. */
  static long longFromBytes(byte[] bytes, int offset, int length) {
    long value = bytes[offset]; // sign-extends the first byte
    for (int i = 1; i < length; i++) {
      value = value << 8 | (bytes[offset + i] & 0xff);
    }
    return value;
  }

  static boolean isLongDecimal(ColumnType type) {
    return type.name() == TypeName.DECIMAL && type.precision() <= 18;
  }

  static BadValueException outOfRange(BigDecimal value, ColumnType type) {
    return BadValueException.outOfRange("value " + value.toPlainString()
        + " is out of range for " + ColumnTypes.label(type));
  }
}
