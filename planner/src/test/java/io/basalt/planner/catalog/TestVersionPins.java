package io.basalt.planner.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.planner.source.TableVersion;
import org.junit.jupiter.api.Test;

class TestVersionPins {
  @Test
  void aPinnedNameNamesItsTableAndVersion() {
    String bySnapshot = VersionPins.name("orders", TableVersion.ofSnapshot(-42));
    String byInstant = VersionPins.name("orders", TableVersion.asOf(1_767_225_600_000L));
    assertThat(bySnapshot).isEqualTo("orders@v-42");
    assertThat(VersionPins.parse(bySnapshot)).isEqualTo(TableVersion.ofSnapshot(-42));
    assertThat(VersionPins.parse(byInstant)).isEqualTo(TableVersion.asOf(1_767_225_600_000L));
    assertThat(VersionPins.baseName(byInstant)).isEqualTo("orders");
    assertThat(VersionPins.baseName("a@b@v7")).isEqualTo("a@b");
    String byRef = VersionPins.name("orders", TableVersion.ofRef("q3@close"));
    assertThat(byRef).isEqualTo("orders@r713340636c6f7365");
    assertThat(VersionPins.parse(byRef)).isEqualTo(TableVersion.ofRef("q3@close"));
    assertThat(VersionPins.baseName(byRef)).isEqualTo("orders");
  }

  @Test
  void otherNamesAreNotPinned() {
    assertThat(VersionPins.parse("orders")).isNull();
    assertThat(VersionPins.parse("orders@")).isNull();
    assertThat(VersionPins.parse("orders@v")).isNull();
    assertThat(VersionPins.parse("orders@x12")).isNull();
    assertThat(VersionPins.parse("orders@r7")).isNull();
    assertThat(VersionPins.parse("orders@rzz")).isNull();
    assertThat(VersionPins.parse("orders@v12a")).isNull();
    assertThat(VersionPins.parse("@v12")).isNull();
    assertThat(VersionPins.parse("orders@v99999999999999999999")).isNull();
    assertThat(VersionPins.baseName("orders$snapshots")).isNull();
  }
}
