package io.basalt.federation.iceberg;

import static io.basalt.federation.iceberg.EqualityDeletes.normalised;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Equality delete keys compare values, not the Java types a reader happened to return. */
class TestEqualityDeletes {
  @Test
  void equalValuesOfDifferentTypesNormaliseAlike() {
    assertThat(normalised(5)).isEqualTo(normalised(5L)).isEqualTo(normalised((short) 5));
    assertThat(normalised(1.5f)).isEqualTo(normalised(1.5d));
    assertThat(normalised(new BigDecimal("1.50"))).isEqualTo(normalised(new BigDecimal("1.5")))
        .hasSameHashCodeAs(normalised(new BigDecimal("1.5")));
    assertThat(normalised(BigDecimal.ZERO.setScale(2))).isEqualTo(normalised(BigDecimal.ZERO));
    assertThat(normalised("a")).isEqualTo("a");
  }

  @Test
  void nullMatchesNullOnly() {
    assertThat(normalised(null)).isEqualTo(normalised(null)).isNotNull()
        .isNotEqualTo(normalised(0L)).isNotEqualTo(normalised(""));
  }

  @Test
  void doublesCompareAsIcebergComparesThem() {
    // Iceberg's readers compare with Double.compare: NaN equals NaN, -0.0 is not 0.0.
    assertThat(normalised(Double.NaN)).isEqualTo(normalised(Double.NaN));
    assertThat(normalised(-0.0d)).isNotEqualTo(normalised(0.0d));
  }
}
