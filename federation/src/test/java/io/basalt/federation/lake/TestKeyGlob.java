package io.basalt.federation.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.StorageException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestKeyGlob {
  @Test
  void starStaysInOneSegmentAndDoubleStarCrosses() {
    assertThat(KeyGlob.compile("*.tmp").excludes("a.tmp")).isTrue();
    assertThat(KeyGlob.compile("*.tmp").excludes("orders/a.tmp")).isFalse();
    assertThat(KeyGlob.compile("**.tmp").excludes("orders/x/a.tmp")).isTrue();
    assertThat(KeyGlob.compile("**/*.tmp").excludes("a.tmp")).isTrue();
    assertThat(KeyGlob.compile("**/*.tmp").excludes("orders/year=1/a.tmp")).isTrue();
    assertThat(KeyGlob.compile("orders/*.csv").excludes("orders/a.csv")).isTrue();
    assertThat(KeyGlob.compile("orders/*.csv").excludes("orders/b/a.csv")).isFalse();
  }

  @Test
  void aMatchingFolderExcludesEverythingBelowIt() {
    assertThat(KeyGlob.compile("staging").excludes("staging/x/y.parquet")).isTrue();
    assertThat(KeyGlob.compile("staging/**").excludes("staging/y.parquet")).isTrue();
    assertThat(KeyGlob.compile("*/year=2020").excludes("orders/year=2020/a.parquet")).isTrue();
    assertThat(KeyGlob.compile("staging").excludes("stagingarea/y.parquet")).isFalse();
  }

  @Test
  void setsAlternativesAndEscapes() {
    assertThat(KeyGlob.compile("part-?.csv").excludes("part-1.csv")).isTrue();
    assertThat(KeyGlob.compile("part-?.csv").excludes("part-12.csv")).isFalse();
    assertThat(KeyGlob.compile("part-[0-4].csv").excludes("part-3.csv")).isTrue();
    assertThat(KeyGlob.compile("part-[!0-4].csv").excludes("part-3.csv")).isFalse();
    assertThat(KeyGlob.compile("part-[!0-4].csv").excludes("part-7.csv")).isTrue();
    assertThat(KeyGlob.compile("*.{tmp,bak}").excludes("x.bak")).isTrue();
    assertThat(KeyGlob.compile("*.{tmp,bak}").excludes("x.csv")).isFalse();
    assertThat(KeyGlob.compile("a\\*b").excludes("a*b")).isTrue();
    assertThat(KeyGlob.compile("a\\*b").excludes("axb")).isFalse();
    assertThat(KeyGlob.compile("a+b(1).csv").excludes("a+b(1).csv")).isTrue();
  }

  @Test
  void malformedGlobsAreErrors() {
    assertThatThrownBy(() -> KeyGlob.compile("part-[0-4.csv"))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot crawl: exclude pattern 'part-[0-4.csv' is malformed: '[' is not "
            + "closed");
    assertThatThrownBy(() -> KeyGlob.compile("*.{tmp,bak"))
        .hasMessage("Cannot crawl: exclude pattern '*.{tmp,bak' is malformed: '{' is not closed");
  }

  @Test
  void optionsSplitPatternsOnCommasOutsideBraces() {
    CrawlOptions options = CrawlOptions.parse("s3://b/p/",
        Map.of("exclude", "**/*.{tmp,bak}, staging", "sample_size", "3", "table_prefix", "Raw-"));
    assertThat(options.excludes()).extracting(KeyGlob::glob)
        .containsExactly("**/*.{tmp,bak}", "staging");
    assertThat(options.sampleSize()).isEqualTo(3);
    assertThat(options.tablePrefix()).isEqualTo("raw_");
    assertThat(options.excluded("t/x.bak")).isTrue();
    assertThat(options.excluded("staging/t/x.csv")).isTrue();
    assertThat(options.excluded("t/x.csv")).isFalse();
  }

  @Test
  void badOptionsAreErrors() {
    assertThatThrownBy(() -> CrawlOptions.parse("s3://b/p/", Map.of("sample_size", "0")))
        .hasMessage("Cannot crawl 's3://b/p/': sample_size must be a positive integer, not '0'")
        .satisfies(e -> assertThat(((StorageException) e).sqlState()).isEqualTo("22023"));
    assertThatThrownBy(() -> CrawlOptions.parse("s3://b/p/", Map.of("depth", "2")))
        .hasMessage("Cannot crawl 's3://b/p/': unknown option 'depth' (the options are "
            + "sample_size, table_prefix, exclude)");
  }
}
