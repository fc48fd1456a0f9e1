package io.basalt.ingest.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Checks the TPC-H DDL and COPY statements. */
class TestTpchSchema {
  @Test
  void createsLineitemWithItsPhysicalDesign() {
    String ddl = TpchSchema.createTable("tpch", "lineitem");

    assertThat(ddl)
        .startsWith("CREATE TABLE tpch.lineitem (\n  l_orderkey BIGINT NOT NULL,\n")
        .contains("  l_returnflag CHAR(1) NOT NULL,\n", "  l_shipdate DATE NOT NULL,\n")
        .contains("  l_comment VARCHAR(44) NOT NULL\n)\n")
        .endsWith("DISTSTYLE KEY DISTKEY (l_orderkey) COMPOUND SORTKEY (l_shipdate)");
    assertThat(TpchSchema.createTable("tpch", "region")).endsWith(")\nDISTSTYLE ALL");
  }

  @Test
  void createsAllTablesInOrder() {
    assertThat(TpchSchema.createTables("s"))
        .hasSize(8)
        .allSatisfy(ddl -> assertThat(ddl).startsWith("CREATE TABLE s."))
        .first()
        .asString()
        .startsWith("CREATE TABLE s.region (");
  }

  @Test
  void copiesFromTheTableFile() {
    assertThat(TpchSchema.copy("tpch_sf1", "orders", "/data/tbl/sf1"))
        .isEqualTo("COPY tpch_sf1.orders FROM '/data/tbl/sf1/orders.tbl' DELIMITER '|'");
    assertThat(TpchSchema.copyAll("tpch", "s3://bucket/tpch/"))
        .contains("COPY tpch.part FROM 's3://bucket/tpch/part.tbl' DELIMITER '|'");
  }

  @Test
  void rejectsUnknownTablesAndUnsafeNames() {
    assertThatThrownBy(() -> TpchSchema.createTable("tpch", "parts"))
        .hasMessage("Cannot find TPC-H table: parts");
    assertThatThrownBy(() -> TpchSchema.createSchema("tpch; DROP"))
        .hasMessage(
            "Cannot use TPC-H schema name \"tpch; DROP\": expected a lower-case identifier");
    assertThatThrownBy(() -> TpchSchema.copy("tpch", "part", "/it's"))
        .hasMessage("Cannot copy TPC-H table part: directory contains a quote: /it's");
  }
}
