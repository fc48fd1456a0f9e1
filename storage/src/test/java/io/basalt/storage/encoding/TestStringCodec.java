package io.basalt.storage.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestStringCodec {
  private static DecodedStrings roundTrip(String[] values, StringEncoding expected) {
    ByteWriter out = new ByteWriter(16);
    assertThat(StringCodec.encode(values, values.length, out)).isEqualTo(expected);
    byte[] bytes = out.toByteArray();
    assertThat(StringCodec.encodingOf(bytes, 0)).isEqualTo(expected);
    DecodedStrings decoded = StringCodec.decode(new ByteReader(bytes), values.length);
    for (int i = 0; i < values.length; i++) {
      assertThat(decoded.get(i)).isEqualTo(values[i]);
    }
    return decoded;
  }

  @Test
  void dictionaryForLowCardinality() {
    String[] flags = {"A", "N", "R", "Ünïcödé", ""};
    String[] values = new String[3000];
    for (int i = 0; i < values.length; i++) {
      values[i] = flags[(i * 7) % flags.length];
    }
    DecodedStrings decoded = roundTrip(values, StringEncoding.DICTIONARY);
    assertThat(decoded.dictionary()).containsExactly("", "A", "N", "R", "Ünïcödé");
  }

  @Test
  void plainForDistinctValues() {
    String[] values = new String[2000];
    for (int i = 0; i < values.length; i++) {
      values[i] = "comment number " + i + " with ünicode ✓";
    }
    DecodedStrings decoded = roundTrip(values, StringEncoding.PLAIN);
    assertThat(decoded.dictionary()).isNull();
  }

  @Test
  void blockStartingWithDistinctValuesStaysPlain() {
    // A dictionary would be smaller here, but deciding early saves hashing comment-like columns.
    String[] values = new String[20_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i < 2000 ? "distinct value " + i : "x";
    }
    roundTrip(values, StringEncoding.PLAIN);
  }
}
