package io.basalt.planner.sql;

import static io.basalt.planner.sql.TestBasaltParser.assertRoundTrip;
import static io.basalt.planner.sql.TestBasaltParser.parse;
import static io.basalt.planner.sql.TestBasaltParser.redshift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.planner.sql.SqlAlterExternalTable.AddPartitions;
import io.basalt.planner.sql.SqlAlterExternalTable.DropPartitions;
import io.basalt.planner.sql.SqlAlterExternalTable.NewPartition;
import io.basalt.planner.sql.SqlAlterExternalTable.SetLocation;
import io.basalt.planner.sql.SqlAlterExternalTable.SetTableProperties;
import io.basalt.planner.sql.SqlCreateExternalSchema.SourceKind;
import io.basalt.planner.sql.SqlCreateExternalTable.Delimited;
import io.basalt.planner.sql.SqlCreateExternalTable.PartitionColumn;
import io.basalt.planner.sql.SqlCreateExternalTable.Serde;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests external schemas and tables, their partitions, MSCK REPAIR and CRAWL. */
class TestBasaltExternalParser {
  private static <T extends SqlNode> T parseAs(Class<T> type, String sql)
      throws SqlParseException {
    SqlNode node = parse(sql);
    assertThat(node).isInstanceOf(type);
    assertThat(node.isA(SqlKind.DDL)).as(sql).isTrue();
    assertRoundTrip(node);
    return type.cast(node);
  }

  private static void assertError(String sql, String message) {
    assertThatThrownBy(() -> parse(sql))
        .isInstanceOf(SqlParseException.class)
        .hasMessageContaining(message);
  }

  private static String typeName(SqlBasaltColumn column) {
    return column.dataType.getTypeName().getSimple();
  }

  @Test
  void externalSchemaFromTheDataCatalog() throws SqlParseException {
    SqlCreateExternalSchema schema = parseAs(SqlCreateExternalSchema.class,
        "CREATE EXTERNAL SCHEMA IF NOT EXISTS Spectrum\n"
            + "FROM DATA CATALOG DATABASE 'spectrum_db' REGION 'us-west-2'\n"
            + "IAM_ROLE 'arn:aws:iam::123456789012:role/spectrum'\n"
            + "CATALOG_ROLE 'arn:aws:iam::123456789012:role/catalog'\n"
            + "CREATE EXTERNAL DATABASE IF NOT EXISTS");
    assertThat(schema.getKind()).isEqualTo(SqlKind.CREATE_FOREIGN_SCHEMA);
    assertThat(schema.name.getSimple()).isEqualTo("spectrum");
    assertThat(schema.ifNotExists).isTrue();
    assertThat(schema.sourceKind).isEqualTo(SourceKind.DATA_CATALOG);
    assertThat(schema.database).isEqualTo("spectrum_db");
    assertThat(schema.createDatabase).isTrue();
    assertThat(schema.options).containsExactly(
        Map.entry("REGION", "us-west-2"),
        Map.entry("IAM_ROLE", "arn:aws:iam::123456789012:role/spectrum"),
        Map.entry("CATALOG_ROLE", "arn:aws:iam::123456789012:role/catalog"));

    SqlCreateExternalSchema defaults = parseAs(SqlCreateExternalSchema.class,
        "CREATE EXTERNAL SCHEMA s FROM DATABASE 'db' IAM_ROLE default CATALOG_ROLE SESSION");
    assertThat(defaults.ifNotExists).isFalse();
    assertThat(defaults.sourceKind).isEqualTo(SourceKind.DATA_CATALOG);
    assertThat(defaults.createDatabase).isFalse();
    assertThat(defaults.options).containsExactly(Map.entry("IAM_ROLE", "default"),
        Map.entry("CATALOG_ROLE", "session"));
    assertThat(redshift(defaults)).isEqualTo("CREATE EXTERNAL SCHEMA \"s\" FROM DATA CATALOG "
        + "DATABASE 'db' IAM_ROLE DEFAULT CATALOG_ROLE SESSION");
  }

  @Test
  void federatedSchemas() throws SqlParseException {
    SqlCreateExternalSchema postgres = parseAs(SqlCreateExternalSchema.class,
        "CREATE EXTERNAL SCHEMA apg FROM POSTGRES DATABASE 'shop' SCHEMA 'sales'\n"
            + "URI '127.0.0.1' PORT 55432 USER 'postgres' PASSWORD 'it''s'\n"
            + "IAM_ROLE 'arn:aws:iam::1:role/r' SECRET_ARN 'arn:aws:secretsmanager:x'");
    assertThat(postgres.sourceKind).isEqualTo(SourceKind.POSTGRES);
    assertThat(postgres.database).isEqualTo("shop");
    assertThat(postgres.options).containsExactly(
        Map.entry("SCHEMA", "sales"),
        Map.entry("URI", "127.0.0.1"),
        Map.entry("PORT", "55432"),
        Map.entry("USER", "postgres"),
        Map.entry("PASSWORD", "it's"),
        Map.entry("IAM_ROLE", "arn:aws:iam::1:role/r"),
        Map.entry("SECRET_ARN", "arn:aws:secretsmanager:x"));

    SqlCreateExternalSchema mysql = parseAs(SqlCreateExternalSchema.class,
        "CREATE EXTERNAL SCHEMA m FROM MYSQL URI 'db.local' DATABASE 'shop'");
    assertThat(mysql.sourceKind).isEqualTo(SourceKind.MYSQL);
    assertThat(mysql.database).isEqualTo("shop");
    assertThat(mysql.options).containsExactly(Map.entry("URI", "db.local"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "CREATE EXTERNAL SCHEMA s FROM DATA CATALOG REGION 'r' | DATABASE is required",
      "CREATE EXTERNAL SCHEMA s FROM POSTGRES DATABASE 'd' | URI is required for FROM POSTGRES",
      "CREATE EXTERNAL SCHEMA s FROM DATABASE 'd' URI 'h' | URI is not an option of FROM DATA",
      "CREATE EXTERNAL SCHEMA s FROM MYSQL DATABASE 'd' URI 'h' SCHEMA 'x' "
          + "| SCHEMA is not an option of FROM MYSQL",
      "CREATE EXTERNAL SCHEMA s FROM POSTGRES DATABASE 'd' URI 'h' "
          + "CREATE EXTERNAL DATABASE IF NOT EXISTS "
          + "| CREATE EXTERNAL DATABASE is not an option of FROM POSTGRES",
      "CREATE EXTERNAL SCHEMA s FROM DATABASE 'd' DATABASE 'e' "
          + "| DATABASE is specified more than once",
      "CREATE OR REPLACE EXTERNAL SCHEMA s FROM DATABASE 'd' "
          + "| OR REPLACE is not supported for schemas",
  })
  void badExternalSchemasAreRejected(String sql, String message) {
    assertError(sql, "Cannot create external schema \"s\": " + message);
  }

  @Test
  void plainSchemasAreUnchanged() throws SqlParseException {
    SqlCreateBasaltSchema create = (SqlCreateBasaltSchema) parse("CREATE SCHEMA external_data");
    assertThat(create.name.getSimple()).isEqualTo("external_data");
    SqlDropBasaltSchema drop = parseAs(SqlDropBasaltSchema.class,
        "DROP SCHEMA IF EXISTS spectrum DROP EXTERNAL DATABASE CASCADE");
    assertThat(drop.ifExists).isTrue();
    assertThat(drop.dropExternalDatabase).isTrue();
    assertThat(drop.cascade).isTrue();
    SqlDropBasaltSchema plain = parseAs(SqlDropBasaltSchema.class, "DROP SCHEMA s");
    assertThat(plain.dropExternalDatabase).isFalse();
    assertThat(plain.cascade).isFalse();
    assertThat(((SqlDropBasaltSchema) parse("DROP SCHEMA s DROP EXTERNAL DATABASE"))
        .dropExternalDatabase).isTrue();
  }

  @Test
  void externalTableOverDelimitedText() throws SqlParseException {
    SqlCreateExternalTable table = parseAs(SqlCreateExternalTable.class,
        "CREATE EXTERNAL TABLE Spectrum.Sales (\n"
            + "  salesid INTEGER, listid INT4, pricepaid DECIMAL(8,2), saletime TIMESTAMP,\n"
            + "  location VARCHAR(30), format TEXT, year INT)\n"
            + "PARTITIONED BY (saledate DATE, region CHAR(2))\n"
            + "ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\'\n"
            + "  LINES TERMINATED BY '\\n' NULL DEFINED AS '\\N'\n"
            + "STORED AS textfile\n"
            + "LOCATION 's3://bucket/tickit/spectrum/sales/'\n"
            + "TABLE PROPERTIES ('numRows' = '172000', 'skip.header.line.count' = '1')");
    assertThat(table.getKind()).isEqualTo(SqlKind.CREATE_TABLE);
    assertThat(table.name.names).containsExactly("spectrum", "sales");
    assertThat(table.ifNotExists).isFalse();
    assertThat(table.isCreateTableAs()).isFalse();
    assertThat(table.columns).extracting(c -> c.name.getSimple())
        .containsExactly("salesid", "listid", "pricepaid", "saletime", "location", "format",
            "year");
    assertThat(table.columns).extracting(TestBasaltExternalParser::typeName)
        .containsExactly("INTEGER", "INTEGER", "DECIMAL", "TIMESTAMP", "VARCHAR", "VARCHAR",
            "INTEGER");
    assertThat(table.columns).allMatch(c -> c.nullable);
    SqlBasicTypeNameSpec price =
        (SqlBasicTypeNameSpec) table.columns.get(2).dataType.getTypeNameSpec();
    assertThat(price.getPrecision()).isEqualTo(8);
    assertThat(price.getScale()).isEqualTo(2);
    assertThat(table.partitionColumns).extracting(PartitionColumn::name)
        .containsExactly("saledate", "region");
    assertThat(table.partitionColumns.get(0).type().getTypeName().getSimple())
        .isEqualTo("DATE");
    assertThat(table.rowFormat).isEqualTo(new Delimited(Map.of(
        Delimited.FIELD_DELIMITER, "\\t",
        Delimited.ESCAPE, "\\\\",
        Delimited.LINE_DELIMITER, "\\n",
        Delimited.NULL_FORMAT, "\\N")));
    assertThat(((Delimited) table.rowFormat).properties().keySet()).containsExactly(
        "field.delim", "escape.delim", "line.delim", "serialization.null.format");
    assertThat(table.storedAs).isEqualTo("TEXTFILE");
    assertThat(table.inputFormat).isNull();
    assertThat(table.outputFormat).isNull();
    assertThat(table.location).isEqualTo("s3://bucket/tickit/spectrum/sales/");
    assertThat(table.tableProperties).containsExactly(Map.entry("numRows", "172000"),
        Map.entry("skip.header.line.count", "1"));
    assertThat(table.query).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "PARQUET", "TEXTFILE", "JSON", "ORC", "AVRO", "SEQUENCEFILE", "RCFILE", "parquet",
  })
  void storedAsFormats(String format) throws SqlParseException {
    SqlCreateExternalTable table = parseAs(SqlCreateExternalTable.class,
        "CREATE EXTERNAL TABLE IF NOT EXISTS s.t (a BIGINT) STORED AS " + format
            + " LOCATION 's3://b/t/'");
    assertThat(table.ifNotExists).isTrue();
    assertThat(table.storedAs).isEqualTo(format.toUpperCase(java.util.Locale.ROOT));
    assertThat(table.rowFormat).isNull();
    assertThat(table.partitionColumns).isEmpty();
    assertThat(table.tableProperties).isEmpty();
  }

  @Test
  void serdeAndInputFormat() throws SqlParseException {
    SqlCreateExternalTable json = parseAs(SqlCreateExternalTable.class,
        "CREATE EXTERNAL TABLE s.events (id BIGINT, payload VARCHAR(MAX))\n"
            + "ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'\n"
            + "WITH SERDEPROPERTIES ('ignore.malformed.json' = 'true', 'dots.in.keys' = 'x')\n"
            + "STORED AS INPUTFORMAT 'org.apache.hadoop.mapred.TextInputFormat'\n"
            + "OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'\n"
            + "LOCATION 's3://b/events/' TBLPROPERTIES ('has_encrypted_data' = 'false')");
    Serde serde = (Serde) json.rowFormat;
    assertThat(serde.serdeClass()).isEqualTo("org.openx.data.jsonserde.JsonSerDe");
    assertThat(serde.properties()).containsExactly(Map.entry("ignore.malformed.json", "true"),
        Map.entry("dots.in.keys", "x"));
    assertThat(json.storedAs).isNull();
    assertThat(json.inputFormat).isEqualTo("org.apache.hadoop.mapred.TextInputFormat");
    assertThat(json.outputFormat)
        .isEqualTo("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat");
    assertThat(json.tableProperties).containsExactly(Map.entry("has_encrypted_data", "false"));
    assertThat(redshift(json)).contains("TABLE PROPERTIES ('has_encrypted_data' = 'false')");

    SqlCreateExternalTable bare = parseAs(SqlCreateExternalTable.class,
        "CREATE EXTERNAL TABLE s.t (a INT) ROW FORMAT SERDE 'x.Y' LOCATION 's3://b/'");
    assertThat(((Serde) bare.rowFormat).properties()).isEmpty();
    assertThat(bare.storedAs).isNull();
    SqlCreateExternalTable delimited = parseAs(SqlCreateExternalTable.class,
        "CREATE EXTERNAL TABLE s.t (a INT) ROW FORMAT DELIMITED LOCATION 's3://b/'");
    assertThat(((Delimited) delimited.rowFormat).properties()).isEmpty();
  }

  @Test
  void createExternalTableAs() throws SqlParseException {
    SqlCreateExternalTable ctas = parseAs(SqlCreateExternalTable.class,
        "CREATE EXTERNAL TABLE spectrum.lineitem_by_date\n"
            + "PARTITIONED BY (l_shipdate, l_returnflag)\n"
            + "ROW FORMAT DELIMITED FIELDS TERMINATED BY ','\n"
            + "STORED AS TEXTFILE LOCATION 's3://b/out/'\n"
            + "TABLE PROPERTIES ('write.parallel' = 'off')\n"
            + "AS SELECT l_orderkey, l_shipdate, l_returnflag FROM lineitem "
            + "WHERE l_quantity > 10");
    assertThat(ctas.isCreateTableAs()).isTrue();
    assertThat(ctas.columns).isEmpty();
    assertThat(ctas.partitionColumns).containsExactly(new PartitionColumn("l_shipdate", null),
        new PartitionColumn("l_returnflag", null));
    assertThat(ctas.query).isInstanceOf(SqlSelect.class);
    assertThat(ctas.storedAs).isEqualTo("TEXTFILE");
    assertThat(ctas.tableProperties).containsEntry("write.parallel", "off");

    SqlCreateExternalTable parquet = parseAs(SqlCreateExternalTable.class,
        "CREATE EXTERNAL TABLE s.t STORED AS PARQUET LOCATION 's3://b/t/' AS "
            + "WITH x AS (SELECT 1 AS a) SELECT a FROM x ORDER BY a");
    assertThat(parquet.query.getKind()).isEqualTo(SqlKind.ORDER_BY);
    assertThat(parquet.partitionColumns).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "CREATE EXTERNAL TABLE s.t (a INT) STORED AS PARQUET | LOCATION is required",
      "CREATE EXTERNAL TABLE s.t (a INT) | LOCATION is required",
      "CREATE EXTERNAL TABLE s.t STORED AS PARQUET LOCATION 's3://b/' | the table has no columns",
      "CREATE EXTERNAL TABLE s.t (a INT) PARTITIONED BY (d) LOCATION 's3://b/' "
          + "| partition column \"d\" has no type",
      "CREATE EXTERNAL TABLE s.t (a INT) PARTITIONED BY (a INT) LOCATION 's3://b/' "
          + "| partition column \"a\" is also a column of the table",
      "CREATE EXTERNAL TABLE s.t (a INT) PARTITIONED BY (d INT, d INT) LOCATION 's3://b/' "
          + "| partition column \"d\" is declared more than once",
      "CREATE EXTERNAL TABLE s.t (a INT, a INT) LOCATION 's3://b/' "
          + "| column \"a\" is declared more than once",
      "CREATE EXTERNAL TABLE s.t (a INT) STORED AS PARQUET LOCATION 's3://b/' AS SELECT 1 "
          + "| CREATE EXTERNAL TABLE AS takes no column definitions",
      "CREATE EXTERNAL TABLE s.t PARTITIONED BY (d DATE) STORED AS PARQUET LOCATION 's3://b/' "
          + "AS SELECT 1 AS d "
          + "| CREATE EXTERNAL TABLE AS takes partition column names only, but \"d\" has a type",
      "CREATE EXTERNAL TABLE s.t STORED AS ORC LOCATION 's3://b/' AS SELECT 1 "
          + "| CREATE EXTERNAL TABLE AS requires STORED AS PARQUET, TEXTFILE or JSON",
      "CREATE EXTERNAL TABLE s.t LOCATION 's3://b/' AS SELECT 1 "
          + "| CREATE EXTERNAL TABLE AS requires STORED AS PARQUET, TEXTFILE or JSON",
      "CREATE EXTERNAL TABLE s.t ROW FORMAT SERDE 'x' STORED AS PARQUET LOCATION 's3://b/' "
          + "AS SELECT 1 | CREATE EXTERNAL TABLE AS takes ROW FORMAT DELIMITED only",
      "CREATE EXTERNAL TABLE s.t (a INT) ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' "
          + "FIELDS TERMINATED BY ';' LOCATION 's3://b/' "
          + "| FIELDS TERMINATED BY is specified more than once",
      "CREATE EXTERNAL TABLE s.t (a INT) LOCATION 's3://b/' TABLE PROPERTIES ('k' = '1', "
          + "'k' = '2') | property 'k' is specified more than once",
      "CREATE OR REPLACE EXTERNAL TABLE s.t (a INT) LOCATION 's3://b/' "
          + "| OR REPLACE is not supported for external tables",
      "CREATE EXTERNAL TABLE s.t (tags ARRAY<VARCHAR(10)>) LOCATION 's3://b/' "
          + "| column \"tags\" has the nested type ARRAY, which is not supported",
      "CREATE EXTERNAL TABLE s.t (m MAP<INT, INT>) LOCATION 's3://b/' "
          + "| column \"m\" has the nested type MAP, which is not supported",
      "CREATE EXTERNAL TABLE s.t (a struct<x:int>) LOCATION 's3://b/' "
          + "| column \"a\" has the nested type STRUCT, which is not supported",
      "CREATE EXTERNAL TABLE s.t (a INT ARRAY) LOCATION 's3://b/' "
          + "| column \"a\" has a nested type, which is not supported",
      "CREATE EXTERNAL TABLE s.t (r ROW(x INT)) LOCATION 's3://b/' "
          + "| column \"r\" has a nested type, which is not supported",
  })
  void badExternalTablesAreRejected(String sql, String message) {
    assertError(sql, "Cannot create external table \"s.t\": " + message);
  }

  @Test
  void missingLocationIsReportedWithItsPosition() {
    assertThatThrownBy(() -> parse("CREATE EXTERNAL TABLE s.t (a INT)\nSTORED AS PARQUET"))
        .isInstanceOfSatisfying(SqlParseException.class,
            e -> assertThat(e.getPos().getLineNum()).isEqualTo(1))
        .hasMessageContaining("LOCATION is required");
  }

  @Test
  void clausesOutOfOrderAreSyntaxErrors() {
    assertThatThrownBy(() -> parse(
        "CREATE EXTERNAL TABLE s.t (a INT) LOCATION 's3://b/' STORED AS PARQUET"))
        .isInstanceOfSatisfying(SqlParseException.class,
            e -> assertThat(e.getPos().getColumnNum()).isEqualTo(54))
        .hasMessageContaining("Encountered \" \"STORED\"")
        .hasMessageContaining("at line 1, column 54");
  }

  @Test
  void addPartitions() throws SqlParseException {
    SqlAlterExternalTable alter = parseAs(SqlAlterExternalTable.class,
        "ALTER TABLE spectrum.sales ADD IF NOT EXISTS\n"
            + "PARTITION (saledate = '2008-01-01', hour = 3) LOCATION 's3://b/sales/d=1/'\n"
            + "PARTITION (saledate = DATE '2008-02-01', hour = -1)\n"
            + ", PARTITION (saledate = '2008-03-01', hour = 2.5) LOCATION 's3://b/sales/d=3/'");
    assertThat(alter.getKind()).isEqualTo(SqlKind.ALTER_TABLE);
    assertThat(alter.table.names).containsExactly("spectrum", "sales");
    AddPartitions add = (AddPartitions) alter.action;
    assertThat(add.ifNotExists()).isTrue();
    assertThat(add.partitions()).extracting(NewPartition::location)
        .containsExactly("s3://b/sales/d=1/", null, "s3://b/sales/d=3/");
    NewPartition first = add.partitions().get(0);
    assertThat(first.partition().values().keySet()).containsExactly("saledate", "hour");
    assertThat(first.partition().values().get("saledate"))
        .isInstanceOf(SqlCharStringLiteral.class);
    assertThat(first.partition().values().get("hour")).isInstanceOf(SqlNumericLiteral.class);
    assertThat(first.partition().stringValues()).containsExactly(
        Map.entry("saledate", "2008-01-01"), Map.entry("hour", "3"));
    assertThat(add.partitions().get(1).partition().stringValues()).containsExactly(
        Map.entry("saledate", "2008-02-01"), Map.entry("hour", "-1"));
    assertThat(add.partitions().get(2).partition().stringValues()).containsEntry("hour", "2.5");

    AddPartitions plain = (AddPartitions) parseAs(SqlAlterExternalTable.class,
        "ALTER TABLE t ADD PARTITION (year = 2024) LOCATION 's3://b/t/year=2024/'").action;
    assertThat(plain.ifNotExists()).isFalse();
    assertThat(plain.partitions()).hasSize(1);
  }

  @Test
  void dropPartitions() throws SqlParseException {
    DropPartitions drop = (DropPartitions) parseAs(SqlAlterExternalTable.class,
        "ALTER TABLE t DROP IF EXISTS PARTITION (year = 2024, month = '01'), "
            + "PARTITION (year = 2023, month = '12')").action;
    assertThat(drop.ifExists()).isTrue();
    assertThat(drop.partitions()).hasSize(2);
    assertThat(drop.partitions().get(1).stringValues()).containsExactly(
        Map.entry("year", "2023"), Map.entry("month", "12"));
    DropPartitions one = (DropPartitions) parseAs(SqlAlterExternalTable.class,
        "ALTER TABLE t DROP PARTITION (d = '2024-01-01')").action;
    assertThat(one.ifExists()).isFalse();
    assertThat(one.partitions()).hasSize(1);
  }

  @Test
  void setLocationAndTableProperties() throws SqlParseException {
    SetLocation table = (SetLocation) parseAs(SqlAlterExternalTable.class,
        "ALTER TABLE s.t SET LOCATION 's3://b/new/'").action;
    assertThat(table.partition()).isNull();
    assertThat(table.location()).isEqualTo("s3://b/new/");
    SetLocation partition = (SetLocation) parseAs(SqlAlterExternalTable.class,
        "ALTER TABLE s.t PARTITION (year = 2024) SET LOCATION 's3://b/y/'").action;
    assertThat(partition.partition().stringValues()).containsExactly(Map.entry("year", "2024"));
    for (String keyword : List.of("TABLE PROPERTIES", "TBLPROPERTIES")) {
      SetTableProperties properties = (SetTableProperties) parseAs(SqlAlterExternalTable.class,
          "ALTER TABLE s.t SET " + keyword + " ('numRows' = '100', 'a.b' = 'c')").action;
      assertThat(properties.properties()).containsExactly(Map.entry("numRows", "100"),
          Map.entry("a.b", "c"));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ALTER TABLE t ADD PARTITION (y = 1, y = 2) | partition column \"y\" is given more than once",
      "ALTER TABLE t ADD PARTITION (y = NULL) | the value of partition column \"y\" is not a",
      "ALTER TABLE t DROP PARTITION (y = TRUE) | the value of partition column \"y\" is not a",
      "ALTER TABLE t SET TABLE PROPERTIES ('a' = '1', 'a' = '2') "
          + "| property 'a' is specified more than once",
  })
  void badPartitionsAreRejected(String sql, String message) {
    assertError(sql, "Cannot alter table \"t\": " + message);
  }

  /** The native forms still parse, including columns whose names the new forms use. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ALTER TABLE t ADD if INT | AddColumn",
      "ALTER TABLE t ADD COLUMN location VARCHAR(10) | AddColumn",
      "ALTER TABLE t ADD partitioned INT | AddColumn",
      "ALTER TABLE t DROP if | DropColumn[column=if, cascade=false]",
      "ALTER TABLE t DROP if CASCADE | DropColumn[column=if, cascade=true]",
      "ALTER TABLE t DROP COLUMN location | DropColumn[column=location, cascade=false]",
      "ALTER TABLE t RENAME location TO format | RenameColumn[column=location, newName=format]",
      "ALTER TABLE t ALTER DISTSTYLE ALL | AlterDistribution[distStyle=ALL, distKey=null]",
  })
  void nativeAlterTableStillParses(String sql, String action) throws SqlParseException {
    SqlAlterBasaltTable alter = (SqlAlterBasaltTable) parse(sql);
    assertThat(alter.action.toString()).startsWith(action);
    assertRoundTrip(alter);
  }

  @Test
  void msckRepair() throws SqlParseException {
    SqlMsckRepair repair = parseAs(SqlMsckRepair.class, "MSCK REPAIR TABLE spectrum.sales");
    assertThat(repair.getKind()).isEqualTo(SqlKind.OTHER_DDL);
    assertThat(repair.table.names).containsExactly("spectrum", "sales");
    assertThat(redshift(repair)).isEqualTo("MSCK REPAIR TABLE \"spectrum\".\"sales\"");
  }

  @Test
  void crawl() throws SqlParseException {
    SqlCrawl crawl = parseAs(SqlCrawl.class,
        "CRAWL 's3://bucket/prefix/' INTO DATABASE Lake "
            + "WITH (format = 'parquet', max_depth = 3, \"Sample\" = -1.5, hive = TRUE)");
    assertThat(crawl.getKind()).isEqualTo(SqlKind.OTHER_DDL);
    assertThat(crawl.location).isEqualTo("s3://bucket/prefix/");
    assertThat(crawl.database).isEqualTo("lake");
    assertThat(crawl.options).containsExactly(Map.entry("format", "parquet"),
        Map.entry("max_depth", "3"), Map.entry("Sample", "-1.5"), Map.entry("hive", "true"));

    SqlCrawl quoted = parseAs(SqlCrawl.class, "CRAWL 's3://b/' INTO DATABASE 'My Lake'");
    assertThat(quoted.database).isEqualTo("My Lake");
    assertThat(quoted.options).isEmpty();
    assertError("CRAWL 's3://b/' INTO DATABASE d WITH (a = 1, a = 2)",
        "Cannot crawl 's3://b/': option \"a\" is specified more than once");
  }

  @Test
  void insertSelectIntoAQualifiedTableParses() throws SqlParseException {
    SqlInsert insert = (SqlInsert) parse("INSERT INTO spectrum.sales SELECT * FROM staging");
    assertThat(insert.getTargetTable()).hasToString("spectrum.sales");
  }

  @Test
  void newKeywordsStillWorkAsIdentifiers() throws SqlParseException {
    String columns = "location, format, database, stored, serde, fields, lines, terminated, "
        + "partitioned, properties, tblproperties, header, parallel, verbose, extension, port, "
        + "uri, password, mb, gb, crawl, unload, msck, repair, orc, textfile, escaped, "
        + "delimited, maxfilesize, encrypted, cleanpath";
    SqlSelect select = (SqlSelect) parse("SELECT " + columns + " FROM location AS unload "
        + "WHERE format = 'x' AND database > 1");
    assertThat(select).isNotNull();
    SqlCreateBasaltTable create = (SqlCreateBasaltTable) parse("CREATE TABLE location ("
        + columns.replace(",", " INT,") + " INT)");
    assertThat(create.columnList).hasSize(columns.split(",").length);
    assertThat(parse("INSERT INTO s.t (location, format) SELECT location, format FROM u"))
        .isNotNull();
  }
}
