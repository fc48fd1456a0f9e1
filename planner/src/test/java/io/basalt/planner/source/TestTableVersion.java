package io.basalt.planner.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** How versions describe themselves, and ScanSpec's default version. */
class TestTableVersion {
  @Test
  void describesTheVersionAsExplainShowsIt() {
    assertThat(TableVersion.LATEST.describe()).isEqualTo("latest");
    assertThat(TableVersion.ofSnapshot(8744736658442914487L).describe())
        .isEqualTo("snapshot 8744736658442914487");
    assertThat(TableVersion.asOf(1_767_225_600_000L).describe())
        .isEqualTo("as of 2026-01-01 00:00:00");
    assertThat(TableVersion.asOf(1_767_225_600_007L).describe())
        .isEqualTo("as of 2026-01-01 00:00:00.007");
    assertThat(TableVersion.asOf(-1).describe()).isEqualTo("as of 1969-12-31 23:59:59.999");
  }

  @Test
  void aScanReadsTheLatestVersionUnlessToldOtherwise() {
    ScanSpec spec = new ScanSpec(new int[] {1, 0}, List.of(), OptionalLong.empty());
    assertThat(spec.version()).isEqualTo(TableVersion.LATEST);
    assertThat(ScanSpec.allColumns(2).version()).isEqualTo(TableVersion.LATEST);
    ScanSpec old = spec.withVersion(TableVersion.ofSnapshot(1));
    assertThat(old.version()).isEqualTo(TableVersion.ofSnapshot(1));
    assertThat(old.columns()).containsExactly(1, 0);
  }
}
