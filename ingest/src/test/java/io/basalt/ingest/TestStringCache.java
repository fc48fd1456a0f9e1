package io.basalt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestStringCache {
  private static String get(StringCache cache, String text) {
    char[] chars = ("<" + text + ">").toCharArray();
    return cache.get(chars, 1, chars.length - 1);
  }

  @Test
  void repeatedValuesShareOneString() {
    StringCache cache = new StringCache();
    String first = get(cache, "MAIL");
    String second = get(cache, "MAIL");
    assertThat(second).isEqualTo("MAIL").isSameAs(first);
    assertThat(get(cache, "SHIP")).isEqualTo("SHIP").isNotSameAs(first);
    assertThat(get(cache, "")).isEmpty();
  }

  @Test
  void collidingValuesStayDistinct() {
    StringCache cache = new StringCache();
    // "Aa" and "BB" have the same String hash code.
    assertThat(get(cache, "Aa")).isEqualTo("Aa");
    assertThat(get(cache, "BB")).isEqualTo("BB");
    assertThat(get(cache, "Aa")).isEqualTo("Aa");
  }

  @Test
  void mostlyDistinctValuesTurnSharingOff() {
    StringCache cache = new StringCache();
    for (int i = 0; i < 10_000; i++) {
      assertThat(get(cache, "comment " + i)).isEqualTo("comment " + i);
    }
    String first = get(cache, "again");
    assertThat(get(cache, "again")).isEqualTo("again").isNotSameAs(first);
  }

  @Test
  void longValuesAreNotShared() {
    StringCache cache = new StringCache();
    String text = "x".repeat(100);
    assertThat(get(cache, text)).isEqualTo(text).isNotSameAs(get(cache, text));
  }
}
