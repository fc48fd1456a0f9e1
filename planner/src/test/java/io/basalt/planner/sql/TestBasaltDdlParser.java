package io.basalt.planner.sql;

import static io.basalt.planner.sql.TestBasaltParser.assertRoundTrip;
import static io.basalt.planner.sql.TestBasaltParser.parse;
import static io.basalt.planner.sql.TestBasaltParser.redshift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;
import org.apache.calcite.sql.ddl.SqlTruncateTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests the Redshift DDL, COPY and maintenance statements of Basalt's parser. */
class TestBasaltDdlParser {
  private static SqlCreateBasaltTable createTable(String sql) throws SqlParseException {
    SqlNode node = parse(sql);
    assertThat(node).isInstanceOf(SqlCreateBasaltTable.class);
    assertThat(node.getKind()).isEqualTo(SqlKind.CREATE_TABLE);
    assertThat(node.isA(SqlKind.DDL)).isTrue();
    return (SqlCreateBasaltTable) node;
  }

  private static SqlBasaltColumn column(SqlCreateBasaltTable create, int index) {
    return (SqlBasaltColumn) create.columnList.get(index);
  }

  private static void assertError(String sql, String message) {
    assertThatThrownBy(() -> parse(sql))
        .isInstanceOf(SqlParseException.class)
        .hasMessageContaining(message);
  }

  @Test
  void createTableWithColumnsAndAttributes() throws SqlParseException {
    SqlCreateBasaltTable create = createTable("CREATE TABLE Sales.LineItem (\n"
        + "  l_orderkey BIGINT NOT NULL ENCODE az64,\n"
        + "  l_shipdate DATE,\n"
        + "  l_comment VARCHAR(44) DEFAULT 'none' ENCODE zstd NULL,\n"
        + "  l_flag CHAR(1) NOT NULL DEFAULT 'N'\n"
        + ")\n"
        + "DISTSTYLE KEY DISTKEY (l_orderkey)\n"
        + "COMPOUND SORTKEY (l_shipdate, l_orderkey)");
    assertThat(create.name.names).containsExactly("sales", "lineitem");
    assertThat(create.temporary).isFalse();
    assertThat(create.ifNotExists).isFalse();
    assertThat(create.likeTable).isNull();
    assertThat(create.query).isNull();
    assertThat(create.columnList).hasSize(4);
    SqlBasaltColumn orderKey = column(create, 0);
    assertThat(orderKey.name.getSimple()).isEqualTo("l_orderkey");
    assertThat(orderKey.dataType.getTypeName().getSimple()).isEqualTo("BIGINT");
    assertThat(orderKey.nullable).isFalse();
    assertThat(orderKey.dataType.getNullable()).isFalse();
    assertThat(orderKey.encoding).isEqualTo("AZ64");
    assertThat(orderKey.defaultValue).isNull();
    assertThat(column(create, 1).nullable).isTrue();
    assertThat(column(create, 1).encoding).isNull();
    SqlBasaltColumn comment = column(create, 2);
    assertThat(comment.defaultValue).hasToString("'none'");
    assertThat(comment.encoding).isEqualTo("ZSTD");
    assertThat(comment.nullable).isTrue();
    assertThat(column(create, 3).nullable).isFalse();
    assertThat(column(create, 3).defaultValue).hasToString("'N'");
    assertThat(create.attributes).isEqualTo(new TableAttributes("KEY", "l_orderkey", "COMPOUND",
        List.of("l_shipdate", "l_orderkey")));
    assertRoundTrip(create);
  }

  @Test
  void tableAttributesComeInAnyOrderAndDefaultAsRedshiftDoes() throws SqlParseException {
    assertThat(createTable("CREATE TABLE t (a INT, b INT) SORTKEY (b, a) DISTKEY (a)").attributes)
        .isEqualTo(new TableAttributes("KEY", "a", "COMPOUND", List.of("b", "a")));
    assertThat(createTable("CREATE TABLE t (a INT) INTERLEAVED SORTKEY (a) DISTSTYLE ALL")
        .attributes).isEqualTo(new TableAttributes("ALL", null, "INTERLEAVED", List.of("a")));
    assertThat(createTable("CREATE TABLE t (a INT) DISTSTYLE even SORTKEY AUTO").attributes)
        .isEqualTo(new TableAttributes("EVEN", null, "AUTO", List.of()));
    assertThat(createTable("CREATE TABLE t (a INT) DISTSTYLE AUTO").attributes.distStyle())
        .isEqualTo("AUTO");
    assertThat(createTable("CREATE TABLE t (a INT)").attributes).isEqualTo(TableAttributes.NONE);
  }

  @Test
  void columnLevelKeysFoldIntoTheTableAttributes() throws SqlParseException {
    SqlCreateBasaltTable create =
        createTable("CREATE TABLE t (a INT DISTKEY, b DATE SORTKEY NOT NULL, c TEXT)");
    assertThat(create.attributes)
        .isEqualTo(new TableAttributes("KEY", "a", "COMPOUND", List.of("b")));
    assertThat(column(create, 1).nullable).isFalse();
    assertRoundTrip(create);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "CREATE TABLE t (a INT DISTKEY, b INT DISTKEY) | DISTKEY is declared more than once",
      "CREATE TABLE t (a INT DISTKEY) DISTKEY (a) | DISTKEY is declared more than once",
      "CREATE TABLE t (a INT SORTKEY) SORTKEY (a) | SORTKEY is declared more than once",
      "CREATE TABLE t (a INT) DISTSTYLE ALL DISTSTYLE EVEN | DISTSTYLE is declared more than once",
      "CREATE TABLE t (a INT) DISTSTYLE KEY | DISTSTYLE KEY requires a DISTKEY column",
      "CREATE TABLE t (a INT) DISTSTYLE ALL DISTKEY (a) | DISTKEY requires DISTSTYLE KEY",
      "CREATE TABLE t (a, b INT) | column \"a\" has no type",
      "CREATE TABLE t (a INT) AS SELECT 1 | CREATE TABLE AS takes column names only",
      "CREATE OR REPLACE TABLE t (a INT) | OR REPLACE is not supported for tables",
      "CREATE TABLE t (a INT) DISTSTYLE RANDOM | RANDOM \"\" at line 1, column 34",
  })
  void contradictoryTablesAreRejected(String sql, String message) {
    assertError(sql, message);
  }

  @Test
  void temporaryTablesAndIfNotExists() throws SqlParseException {
    for (String prefix : List.of("TEMP", "TEMPORARY", "LOCAL TEMP", "LOCAL TEMPORARY")) {
      SqlCreateBasaltTable create =
          createTable("CREATE " + prefix + " TABLE IF NOT EXISTS staging (id INT)");
      assertThat(create.temporary).as(prefix).isTrue();
      assertThat(create.ifNotExists).as(prefix).isTrue();
      assertRoundTrip(create);
    }
  }

  @Test
  void constraintsAreCollectedFromColumnsAndTable() throws SqlParseException {
    SqlCreateBasaltTable create = createTable("CREATE TABLE orders (\n"
        + "  o_orderkey BIGINT PRIMARY KEY,\n"
        + "  o_custkey BIGINT NOT NULL REFERENCES customer (c_custkey),\n"
        + "  o_code INT UNIQUE,\n"
        + "  o_a INT, o_b INT,\n"
        + "  UNIQUE (o_a, o_b),\n"
        + "  CONSTRAINT fk_b FOREIGN KEY (o_b) REFERENCES other (x),\n"
        + "  PRIMARY KEY (o_a))");
    assertThat(create.columnList).hasSize(5);
    assertThat(column(create, 0).nullable).isFalse();
    assertThat(create.constraints).hasSize(6);
    assertThat(create.constraints.get(0)).isInstanceOf(SqlKeyConstraint.class);
    assertThat(create.constraints.get(0).getKind()).isEqualTo(SqlKind.PRIMARY_KEY);
    SqlForeignKey columnReference = (SqlForeignKey) create.constraints.get(1);
    assertThat(columnReference.columns.get(0)).hasToString("O_CUSTKEY".toLowerCase());
    assertThat(columnReference.referencedTable.getSimple()).isEqualTo("customer");
    assertThat(columnReference.referencedColumns).hasSize(1);
    assertThat(create.constraints.get(2).getKind()).isEqualTo(SqlKind.UNIQUE);
    assertThat(create.constraints.get(3).getKind()).isEqualTo(SqlKind.UNIQUE);
    SqlForeignKey named = (SqlForeignKey) create.constraints.get(4);
    assertThat(named.name.getSimple()).isEqualTo("fk_b");
    assertThat(named.referencedTable.getSimple()).isEqualTo("other");
    assertThat(create.constraints.get(5).getKind()).isEqualTo(SqlKind.PRIMARY_KEY);
    assertRoundTrip(create);
  }

  @Test
  void createTableLike() throws SqlParseException {
    SqlCreateBasaltTable create = createTable("CREATE TABLE t2 (LIKE s.t1 INCLUDING DEFAULTS)");
    assertThat(create.likeTable.names).containsExactly("s", "t1");
    assertThat(create.likeIncludingDefaults).isTrue();
    assertThat(create.columnList).isEmpty();
    assertRoundTrip(create);
    SqlCreateBasaltTable excluding =
        createTable("CREATE TABLE t2 (LIKE t1 EXCLUDING DEFAULTS) DISTSTYLE EVEN");
    assertThat(excluding.likeIncludingDefaults).isFalse();
    assertThat(excluding.attributes.distStyle()).isEqualTo("EVEN");
    assertThat(createTable("CREATE TABLE t2 (LIKE t1)").likeIncludingDefaults).isFalse();
  }

  @Test
  void createTableAs() throws SqlParseException {
    SqlCreateBasaltTable create = createTable(
        "CREATE TEMP TABLE top_customers DISTKEY (c) SORTKEY (n) AS "
            + "SELECT TOP 10 c_custkey AS c, c_name AS n FROM customer ORDER BY c_acctbal DESC");
    assertThat(create.isCreateTableAs()).isTrue();
    assertThat(create.temporary).isTrue();
    assertThat(create.columnList).isEmpty();
    assertThat(create.attributes)
        .isEqualTo(new TableAttributes("KEY", "c", "COMPOUND", List.of("n")));
    assertThat(create.query.getKind()).isEqualTo(SqlKind.ORDER_BY);
    assertRoundTrip(create);

    SqlCreateBasaltTable named = createTable("CREATE TABLE t (x, y) AS SELECT 1, 2");
    assertThat(named.columnList).extracting(n -> ((SqlIdentifier) n).getSimple())
        .containsExactly("x", "y");
    assertThat(named.query).isInstanceOf(SqlSelect.class);
    assertRoundTrip(named);
  }

  @Test
  void copyWithOptionsInAnyOrder() throws SqlParseException {
    SqlCopy copy = (SqlCopy) parse("COPY sales.lineitem (l_orderkey, l_shipdate)\n"
        + "FROM 's3://bucket/prefix/'\n"
        + "IAM_ROLE 'arn:aws:iam::1:role/r'\n"
        + "FORMAT AS CSV QUOTE AS '\"' DELIMITER '|' IGNOREHEADER 1 NULL AS '\\N' GZIP\n"
        + "MAXERROR 5 REGION AS 'us-east-1' DATEFORMAT 'auto' TIMEFORMAT AS 'epochsecs'\n"
        + "EMPTYASNULL BLANKSASNULL TRIMBLANKS ACCEPTINVCHARS AS '?' TRUNCATECOLUMNS\n"
        + "COMPUPDATE OFF STATUPDATE ON MANIFEST FILLRECORD");
    assertThat(copy.getKind()).isEqualTo(SqlKind.OTHER_DDL);
    assertThat(copy.isA(SqlKind.DDL)).isTrue();
    assertThat(copy.table.names).containsExactly("sales", "lineitem");
    assertThat(copy.columns).containsExactly("l_orderkey", "l_shipdate");
    assertThat(copy.source).isEqualTo("s3://bucket/prefix/");
    assertThat(copy.options).containsExactly(
        Map.entry("IAM_ROLE", "arn:aws:iam::1:role/r"),
        Map.entry("FORMAT", "CSV"),
        Map.entry("QUOTE", "\""),
        Map.entry("DELIMITER", "|"),
        Map.entry("IGNOREHEADER", "1"),
        Map.entry("NULL", "\\N"),
        Map.entry("GZIP", ""),
        Map.entry("MAXERROR", "5"),
        Map.entry("REGION", "us-east-1"),
        Map.entry("DATEFORMAT", "auto"),
        Map.entry("TIMEFORMAT", "epochsecs"),
        Map.entry("EMPTYASNULL", ""),
        Map.entry("BLANKSASNULL", ""),
        Map.entry("TRIMBLANKS", ""),
        Map.entry("ACCEPTINVCHARS", "?"),
        Map.entry("TRUNCATECOLUMNS", ""),
        Map.entry("COMPUPDATE", "OFF"),
        Map.entry("STATUPDATE", "ON"),
        Map.entry("MANIFEST", ""),
        Map.entry("FILLRECORD", ""));
    assertRoundTrip(copy);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "COPY t FROM 'f' CSV | {FORMAT=CSV}",
      "COPY t FROM 'f' FORMAT PARQUET | {FORMAT=PARQUET}",
      "COPY t FROM 'f' FORMAT AS JSON 'auto' ZSTD | {FORMAT=JSON, JSON=auto, ZSTD=}",
      "COPY t FROM 'f' JSON 's3://b/paths.json' BZIP2 | {FORMAT=JSON, JSON=s3://b/paths.json, BZIP2=}",
      "COPY t FROM 'f' FORMAT AS AVRO 'auto' | {FORMAT=AVRO, AVRO=auto}",
      "COPY t FROM 'f' CREDENTIALS 'aws_iam_role=x' REMOVEQUOTES ESCAPE | {CREDENTIALS=aws_iam_role=x, REMOVEQUOTES=, ESCAPE=}",
      "COPY t FROM 'f' ACCEPTINVCHARS COMPUPDATE | {ACCEPTINVCHARS=, COMPUPDATE=ON}",
      "COPY t FROM 'f' DELIMITER AS ',' IGNOREHEADER AS 2 MAXERROR AS 0 | {DELIMITER=,, IGNOREHEADER=2, MAXERROR=0}",
      "COPY t FROM 'f' | {}",
  })
  void copyFormats(String sql, String options) throws SqlParseException {
    SqlCopy copy = (SqlCopy) parse(sql);
    assertThat(copy.columns).isEmpty();
    assertThat(copy.options).hasToString(options);
    assertRoundTrip(copy);
  }

  @Test
  void copyRejectsRepeatedOptions() {
    assertError("COPY t FROM 'f' CSV FORMAT AS PARQUET",
        "Cannot copy: option FORMAT is specified more than once");
    assertError("COPY t FROM 'f' GZIP DELIMITER '|' GZIP",
        "Cannot copy: option GZIP is specified more than once");
  }

  @Test
  void truncateUsesCalcitesNode() throws SqlParseException {
    for (String sql : List.of("TRUNCATE TABLE s.t", "TRUNCATE s.t")) {
      SqlTruncateTable truncate = (SqlTruncateTable) parse(sql);
      assertThat(truncate.name.names).containsExactly("s", "t");
      assertThat(truncate.isA(SqlKind.DDL)).isTrue();
    }
  }

  @Test
  void dropTables() throws SqlParseException {
    SqlDropBasaltTable drop = (SqlDropBasaltTable) parse("DROP TABLE IF EXISTS a, s.b CASCADE");
    assertThat(drop.getKind()).isEqualTo(SqlKind.DROP_TABLE);
    assertThat(drop.ifExists).isTrue();
    assertThat(drop.cascade).isTrue();
    assertThat(drop.names).extracting(SqlIdentifier::toString).containsExactly("a", "s.b");
    assertRoundTrip(drop);
    SqlDropBasaltTable plain = (SqlDropBasaltTable) parse("DROP TABLE t RESTRICT");
    assertThat(plain.ifExists).isFalse();
    assertThat(plain.cascade).isFalse();
    assertThat(plain.names).hasSize(1);
  }

  @Test
  void schemas() throws SqlParseException {
    SqlCreateBasaltSchema create =
        (SqlCreateBasaltSchema) parse("CREATE SCHEMA IF NOT EXISTS Sales AUTHORIZATION dwuser");
    assertThat(create.getKind()).isEqualTo(SqlKind.CREATE_SCHEMA);
    assertThat(create.name.getSimple()).isEqualTo("sales");
    assertThat(create.ifNotExists).isTrue();
    assertThat(create.authorization.getSimple()).isEqualTo("dwuser");
    assertRoundTrip(create);
    assertThat(((SqlCreateBasaltSchema) parse("CREATE SCHEMA s")).authorization).isNull();

    SqlDropBasaltSchema drop = (SqlDropBasaltSchema) parse("DROP SCHEMA IF EXISTS s CASCADE");
    assertThat(drop.getKind()).isEqualTo(SqlKind.DROP_SCHEMA);
    assertThat(drop.ifExists).isTrue();
    assertThat(drop.cascade).isTrue();
    assertRoundTrip(drop);
    assertThat(((SqlDropBasaltSchema) parse("DROP SCHEMA s RESTRICT")).cascade).isFalse();
    assertError("CREATE OR REPLACE SCHEMA s", "OR REPLACE is not supported for schemas");
  }

  @Test
  void views() throws SqlParseException {
    SqlCreateBasaltView view = (SqlCreateBasaltView) parse(
        "CREATE OR REPLACE VIEW v (a, b) AS SELECT x, y FROM t WITH NO SCHEMA BINDING");
    assertThat(view.getKind()).isEqualTo(SqlKind.CREATE_VIEW);
    assertThat(view.getReplace()).isTrue();
    assertThat(view.noSchemaBinding).isTrue();
    assertThat(view.columnList).hasSize(2);
    assertThat(view.query).isInstanceOf(SqlSelect.class);
    assertRoundTrip(view);
    SqlCreateBasaltView plain = (SqlCreateBasaltView) parse("CREATE VIEW s.v AS SELECT 1");
    assertThat(plain.getReplace()).isFalse();
    assertThat(plain.noSchemaBinding).isFalse();
    assertThat(plain.columnList).isNull();

    SqlDrop drop = (SqlDrop) parse("DROP VIEW IF EXISTS s.v");
    assertThat(drop.getKind()).isEqualTo(SqlKind.DROP_VIEW);
    assertThat(drop.ifExists).isTrue();
    assertThat(redshift(drop)).isEqualTo("DROP VIEW IF EXISTS \"s\".\"v\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "VACUUM | FULL | null | null",
      "VACUUM t | FULL | t | null",
      "VACUUM FULL s.t TO 75 PERCENT | FULL | s.t | 75",
      "VACUUM SORT ONLY t | SORT_ONLY | t | null",
      "VACUUM DELETE ONLY | DELETE_ONLY | null | null",
      "VACUUM REINDEX t | REINDEX | t | null",
      "VACUUM sort | FULL | sort | null",
  })
  void vacuum(String sql, SqlVacuum.Mode mode, String table, Integer percent)
      throws SqlParseException {
    SqlVacuum vacuum = (SqlVacuum) parse(sql);
    assertThat(vacuum.isA(SqlKind.DDL)).isTrue();
    assertThat(vacuum.mode).isEqualTo(mode);
    assertThat(vacuum.table == null ? null : vacuum.table.toString()).isEqualTo(table);
    assertThat(vacuum.thresholdPercent).isEqualTo(percent);
    assertRoundTrip(vacuum);
  }

  @Test
  void vacuumRejectsAThresholdAboveHundred() {
    assertError("VACUUM t TO 101 PERCENT", "Cannot vacuum: TO 101 PERCENT");
  }

  @Test
  void analyze() throws SqlParseException {
    SqlAnalyze all = (SqlAnalyze) parse("ANALYZE");
    assertThat(all.table).isNull();
    assertThat(all.columns).isEmpty();
    assertThat(all.isA(SqlKind.DDL)).isTrue();
    SqlAnalyze columns = (SqlAnalyze) parse("ANALYZE s.t (a, b)");
    assertThat(columns.table.names).containsExactly("s", "t");
    assertThat(columns.columns).containsExactly("a", "b");
    assertRoundTrip(columns);
    assertThat(((SqlAnalyze) parse("ANALYZE t")).columns).isEmpty();
  }
}
