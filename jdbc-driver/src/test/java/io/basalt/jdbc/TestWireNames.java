package io.basalt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestWireNames {

  private static final String RESPONSE =
      "org.apache.calcite.avatica.proto.Responses$ResultSetResponse";
  private static final String SHADED = "io.basalt.jdbc.shaded.";

  @Test
  void findsTheRelocationPrefix() {
    assertThat(WireNames.relocationPrefix(
            SHADED + "org.apache.calcite.avatica.proto.Common$WireMessage"))
        .isEqualTo(SHADED);
    assertThat(WireNames.relocationPrefix("org.apache.calcite.avatica.proto.Common$WireMessage"))
        .isEmpty();
    assertThatThrownBy(() -> WireNames.relocationPrefix("com.example.WireMessage"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void isTheIdentityWhenNotShaded() {
    // Tests run on the unshaded classes.
    assertThat(WireNames.RELOCATION_PREFIX).isEmpty();
    byte[] envelope = {1, 2, 3};
    assertThat(WireNames.toServer(envelope)).isSameAs(envelope);
    assertThat(WireNames.fromServer(envelope)).isSameAs(envelope);
  }

  @Test
  void stripsAndAddsThePrefix() {
    assertThat(WireNames.stripPrefix(SHADED + RESPONSE, SHADED)).isEqualTo(RESPONSE);
    assertThat(WireNames.addPrefix(RESPONSE, SHADED)).isEqualTo(SHADED + RESPONSE);
    assertThat(WireNames.addPrefix("com.example.Other", SHADED)).isEqualTo("com.example.Other");
    assertThat(WireNames.stripPrefix(RESPONSE, "")).isEqualTo(RESPONSE);
  }
}
