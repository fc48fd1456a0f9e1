package io.basalt.storage.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TestLongCodec {
  private static long[] roundTrip(long[] values, LongEncoding expected) {
    ByteWriter out = new ByteWriter(16);
    LongEncoding encoding = LongCodec.encode(values, values.length, out);
    assertThat(encoding).isEqualTo(expected);
    byte[] bytes = out.toByteArray();
    assertThat(LongCodec.encodingOf(bytes, 0)).isEqualTo(expected);
    long[] decoded = new long[values.length];
    ByteReader in = new ByteReader(bytes);
    LongCodec.decode(in, values.length, decoded);
    assertThat(in.remaining()).isZero();
    assertThat(decoded).containsExactly(values);
    return decoded;
  }

  @Test
  void rawForRandomFullRangeValues() {
    Random random = new Random(1);
    long[] values = new long[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextLong();
    }
    values[0] = Long.MIN_VALUE;
    values[1] = Long.MAX_VALUE;
    roundTrip(values, LongEncoding.RAW);
  }

  @Test
  void frameOfReferenceForNarrowRange() {
    Random random = new Random(2);
    long[] values = new long[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = 1_000_000_000_000L + random.nextInt(1000);
    }
    roundTrip(values, LongEncoding.FRAME_OF_REFERENCE);
  }

  @Test
  void constantBlockIsAZeroWidthFrame() {
    long[] values = new long[5000];
    Arrays.fill(values, -42);
    ByteWriter out = new ByteWriter(16);
    assertThat(LongCodec.encode(values, values.length, out))
        .isEqualTo(LongEncoding.FRAME_OF_REFERENCE);
    assertThat(out.size()).isLessThan(32);
    roundTrip(values, LongEncoding.FRAME_OF_REFERENCE);
  }

  @Test
  void deltaForIncreasingKeys() {
    Random random = new Random(3);
    long[] values = new long[4000];
    long v = -5_000_000_000L;
    for (int i = 0; i < values.length; i++) {
      v += 1_000_000 + random.nextInt(4);
      values[i] = v;
    }
    roundTrip(values, LongEncoding.DELTA);
  }

  @Test
  void dictionaryForFewWidelySpreadValues() {
    Random random = new Random(4);
    long[] distinct = {-9_000_000_000_000L, 17, 123_456_789_012L, 5_000_000_000_000L};
    long[] values = new long[4000];
    for (int i = 0; i < values.length; i++) {
      values[i] = distinct[random.nextInt(distinct.length)];
    }
    roundTrip(values, LongEncoding.DICTIONARY);
  }

  @Test
  void runLengthForLongRuns() {
    Random random = new Random(5);
    long[] values = new long[10_000];
    for (int i = 0; i < values.length; i += 500) {
      long v = random.nextLong() >> 12;
      Arrays.fill(values, i, i + 500, v);
    }
    roundTrip(values, LongEncoding.RUN_LENGTH);
  }

  @Test
  void randomBlocksRoundTripWhateverTheEncoding() {
    Random random = new Random(6);
    for (int round = 0; round < 300; round++) {
      int n = 1 + random.nextInt(3000);
      long[] values = new long[n];
      int shape = random.nextInt(4);
      long base = random.nextLong();
      for (int i = 0; i < n; i++) {
        values[i] = switch (shape) {
          case 0 -> random.nextLong();
          case 1 -> base + random.nextInt(1 << random.nextInt(31));
          case 2 -> i == 0 ? base : values[i - 1] + random.nextInt(3) - 1;
          default -> random.nextInt(5) * 1_000_000_007L;
        };
      }
      ByteWriter out = new ByteWriter(16);
      LongCodec.encode(values, n, out);
      long[] decoded = new long[n];
      LongCodec.decode(new ByteReader(out.toByteArray()), n, decoded);
      assertThat(decoded).containsExactly(values);
    }
  }
}
