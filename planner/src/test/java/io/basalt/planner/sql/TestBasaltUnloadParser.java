package io.basalt.planner.sql;

import static io.basalt.planner.sql.TestBasaltParser.assertRoundTrip;
import static io.basalt.planner.sql.TestBasaltParser.parse;
import static io.basalt.planner.sql.TestBasaltParser.redshift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.planner.sql.SqlUnload.Flag;
import java.util.Map;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests Redshift's UNLOAD statement. */
class TestBasaltUnloadParser {
  private static SqlUnload unload(String sql) throws SqlParseException {
    SqlNode node = parse(sql);
    assertThat(node).isInstanceOf(SqlUnload.class);
    assertThat(node.getKind()).isEqualTo(SqlKind.OTHER_DDL);
    assertRoundTrip(node);
    return (SqlUnload) node;
  }

  private static void assertError(String sql, String message) {
    assertThatThrownBy(() -> parse(sql))
        .isInstanceOf(SqlParseException.class)
        .hasMessageContaining(message);
  }

  @Test
  void unloadWithEveryKindOfOption() throws SqlParseException {
    SqlUnload unload = unload("UNLOAD ('select * from venue where venuestate = ''NV''')\n"
        + "TO 's3://bucket/unload/venue_'\n"
        + "IAM_ROLE 'arn:aws:iam::1:role/r'\n"
        + "FORMAT AS CSV HEADER DELIMITER AS '|' NULL AS '\\N' PARTITION BY (venuecity, year) "
        + "INCLUDE\n"
        + "MAXFILESIZE AS 100 MB ALLOWOVERWRITE CLEANPATH MANIFEST VERBOSE GZIP\n"
        + "PARALLEL OFF EXTENSION 'csv.gz' ENCRYPTED REGION AS 'us-east-1'");
    assertThat(unload.query).isEqualTo("select * from venue where venuestate = 'NV'");
    assertThat(unload.target).isEqualTo("s3://bucket/unload/venue_");
    assertThat(unload.format).isEqualTo("CSV");
    assertThat(unload.partitionBy).containsExactly("venuecity", "year");
    assertThat(unload.partitionInclude).isTrue();
    assertThat(unload.maxFileSizeBytes).isEqualTo(100L << 20);
    assertThat(unload.rowGroupSizeBytes).isNull();
    assertThat(unload.parallel).isFalse();
    assertThat(unload.flags).containsExactly(Flag.ALLOWOVERWRITE, Flag.CLEANPATH, Flag.MANIFEST,
        Flag.MANIFEST_VERBOSE, Flag.HEADER, Flag.GZIP, Flag.ENCRYPTED);
    assertThat(unload.options).containsExactly(
        Map.entry("IAM_ROLE", "arn:aws:iam::1:role/r"),
        Map.entry("DELIMITER", "|"),
        Map.entry("NULL", "\\N"),
        Map.entry("EXTENSION", "csv.gz"),
        Map.entry("REGION", "us-east-1"));
    assertThat(redshift(unload)).startsWith(
        "UNLOAD ('select * from venue where venuestate = ''NV''') "
            + "TO 's3://bucket/unload/venue_' IAM_ROLE 'arn:aws:iam::1:role/r' ");
  }

  @Test
  void unloadDefaults() throws SqlParseException {
    SqlUnload unload = unload("UNLOAD ('SELECT 1') TO 's3://b/p'");
    assertThat(unload.format).isNull();
    assertThat(unload.partitionBy).isEmpty();
    assertThat(unload.partitionInclude).isFalse();
    assertThat(unload.maxFileSizeBytes).isNull();
    assertThat(unload.parallel).isTrue();
    assertThat(unload.flags).isEmpty();
    assertThat(unload.options).isEmpty();
    assertThat(redshift(unload)).isEqualTo("UNLOAD ('SELECT 1') TO 's3://b/p'");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "FORMAT PARQUET | PARQUET",
      "FORMAT AS json | JSON",
      "PARQUET | PARQUET",
      "CSV | CSV",
      "JSON | JSON",
      "GZIP | null",
  })
  void formats(String option, String format) throws SqlParseException {
    assertThat(unload("UNLOAD ('select 1') TO 's3://b/' IAM_ROLE default " + option).format)
        .isEqualTo(format);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "MAXFILESIZE 100 | 104857600",
      "MAXFILESIZE AS 5 mb | 5242880",
      "MAXFILESIZE 1 GB | 1073741824",
      "MAXFILESIZE 6.2 GB | 6657199308",
      "MAXFILESIZE 0.5 MB | 524288",
  })
  void fileSizesAreInBytes(String option, long bytes) throws SqlParseException {
    SqlUnload unload = unload("UNLOAD ('select 1') TO 's3://b/' " + option);
    assertThat(unload.maxFileSizeBytes).isEqualTo(bytes);
  }

  @Test
  void rowGroupSizeParallelAndAuthorization() throws SqlParseException {
    SqlUnload unload = unload("UNLOAD ('select 1') TO 's3://b/' FORMAT PARQUET "
        + "ROWGROUPSIZE 64 MB PARALLEL TRUE CREDENTIALS 'aws_access_key_id=x'");
    assertThat(unload.rowGroupSizeBytes).isEqualTo(64L << 20);
    assertThat(unload.parallel).isTrue();
    assertThat(unload.options).containsExactly(Map.entry("CREDENTIALS", "aws_access_key_id=x"));
    assertThat(unload("UNLOAD ('select 1') TO 's3://b/' PARALLEL").parallel).isTrue();
    assertThat(unload("UNLOAD ('select 1') TO 's3://b/' PARALLEL FALSE").parallel).isFalse();
    assertThat(unload("UNLOAD ('select 1') TO 's3://b/' PARALLEL ON").parallel).isTrue();
    SqlUnload defaultRole = unload("UNLOAD ('select 1') TO 's3://b/' IAM_ROLE DEFAULT "
        + "MANIFEST ADDQUOTES ESCAPE BZIP2 PARTITION BY (a)");
    assertThat(defaultRole.options).containsExactly(Map.entry("IAM_ROLE", "default"));
    assertThat(defaultRole.flags).containsExactly(Flag.MANIFEST, Flag.ADDQUOTES, Flag.ESCAPE,
        Flag.BZIP2);
    assertThat(defaultRole.partitionBy).containsExactly("a");
    assertThat(defaultRole.partitionInclude).isFalse();
    assertThat(redshift(defaultRole)).contains("IAM_ROLE DEFAULT");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "GZIP GZIP | option GZIP is specified more than once",
      "FORMAT CSV PARQUET | option FORMAT is specified more than once",
      "PARTITION BY (a) PARTITION BY (b) | option PARTITION BY is specified more than once",
      "MAXFILESIZE 10 MAXFILESIZE 20 | option MAXFILESIZE is specified more than once",
      "IAM_ROLE default CREDENTIALS 'x' | IAM_ROLE and CREDENTIALS cannot be combined",
      "GZIP ZSTD | GZIP and ZSTD cannot be combined",
      "FORMAT PARQUET DELIMITER ',' | FORMAT PARQUET cannot be combined with DELIMITER",
      "PARQUET GZIP | FORMAT PARQUET cannot be combined with GZIP",
      "JSON HEADER | FORMAT JSON cannot be combined with HEADER",
      "CSV ADDQUOTES | FORMAT CSV cannot be combined with ADDQUOTES",
  })
  void badUnloadsAreRejected(String options, String message) {
    assertError("UNLOAD ('select 1') TO 's3://b/' " + options,
        "Cannot unload to 's3://b/': " + message);
  }

  @Test
  void unloadNeedsAStringQuery() {
    assertError("UNLOAD (SELECT 1) TO 's3://b/'", "\"SELECT\" \"SELECT \"\" at line 1, column 9");
    assertError("UNLOAD ('select 1') 's3://b/'", "at line 1, column 21");
  }
}
