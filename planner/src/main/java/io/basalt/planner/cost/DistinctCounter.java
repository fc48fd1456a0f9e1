package io.basalt.planner.cost;

/**
 * A HyperLogLog sketch: estimates how many distinct values it has seen within about 1% using
 * 16 KiB, whatever the column's size.
 */
final class DistinctCounter {
  private static final int BITS = 14;
  private static final int REGISTERS = 1 << BITS;
  private final byte[] registers = new byte[REGISTERS];

  void add(Object value) {
    long hash = mix(value instanceof Number number && !(value instanceof java.math.BigDecimal)
        ? number.longValue() : value.hashCode());
    int index = (int) (hash >>> (Long.SIZE - BITS));
    int rank = Long.numberOfLeadingZeros((hash << BITS) | (1L << (BITS - 1))) + 1;
    if (rank > registers[index]) {
      registers[index] = (byte) rank;
    }
  }

  long estimate() {
    double sum = 0;
    int zeros = 0;
    for (byte register : registers) {
      sum += Math.pow(2, -register);
      if (register == 0) {
        zeros++;
      }
    }
    double alpha = 0.7213 / (1 + 1.079 / REGISTERS);
    double estimate = alpha * REGISTERS * (double) REGISTERS / sum;
    if (estimate <= 2.5 * REGISTERS && zeros > 0) {
      estimate = REGISTERS * Math.log((double) REGISTERS / zeros);
    }
    return Math.round(estimate);
  }

  /** MurmurHash3's 64-bit finalizer: spreads any input over all bits. */
  private static long mix(long value) {
    long h = value;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb53fe1a85ec3L;
    h ^= h >>> 33;
    return h;
  }
}
