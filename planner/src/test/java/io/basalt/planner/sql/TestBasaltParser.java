package io.basalt.planner.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.planner.sql.impl.BasaltSqlParserImpl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.sql.dialect.RedshiftSqlDialect;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests the Redshift query syntax, types and errors of {@link BasaltSqlParserImpl}. */
class TestBasaltParser {
  /** The configuration the planner parses with. */
  static final SqlParser.Config CONFIG = SqlParser.config()
      .withParserFactory(BasaltSqlParserImpl.FACTORY)
      .withUnquotedCasing(Casing.TO_LOWER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withConformance(SqlConformanceEnum.BABEL);

  static SqlNode parse(String sql) throws SqlParseException {
    return SqlParser.create(sql, CONFIG).parseStmt();
  }

  static SqlNode expression(String sql) throws SqlParseException {
    return SqlParser.create(sql, CONFIG).parseExpression();
  }

  /** Unparses as Redshift, parses the result again, and checks that it unparses the same. */
  static void assertRoundTrip(SqlNode node) throws SqlParseException {
    String sql = redshift(node);
    assertThat(redshift(parse(sql))).isEqualTo(sql);
  }

  static String redshift(SqlNode node) {
    return node.toSqlString(RedshiftSqlDialect.DEFAULT).getSql();
  }

  static SqlBasicTypeNameSpec castType(String expression) throws SqlParseException {
    SqlCall cast = (SqlCall) expression(expression);
    assertThat(cast.getKind()).isEqualTo(SqlKind.CAST);
    return (SqlBasicTypeNameSpec) ((SqlDataTypeSpec) cast.operand(1)).getTypeNameSpec();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SMALLINT | SMALLINT | -1 | -1",
      "INT2 | SMALLINT | -1 | -1",
      "INTEGER | INTEGER | -1 | -1",
      "INT | INTEGER | -1 | -1",
      "INT4 | INTEGER | -1 | -1",
      "BIGINT | BIGINT | -1 | -1",
      "INT8 | BIGINT | -1 | -1",
      "DECIMAL(12,2) | DECIMAL | 12 | 2",
      "NUMERIC(10) | DECIMAL | 10 | 0",
      "DECIMAL | DECIMAL | 18 | 0",
      "REAL | REAL | -1 | -1",
      "FLOAT4 | REAL | -1 | -1",
      "DOUBLE PRECISION | DOUBLE | -1 | -1",
      "FLOAT | DOUBLE | -1 | -1",
      "FLOAT8 | DOUBLE | -1 | -1",
      "BOOLEAN | BOOLEAN | -1 | -1",
      "BOOL | BOOLEAN | -1 | -1",
      "CHAR(10) | CHAR | 10 | -1",
      "CHARACTER(3) | CHAR | 3 | -1",
      "NCHAR(2) | CHAR | 2 | -1",
      "CHAR | CHAR | 1 | -1",
      "BPCHAR | CHAR | 256 | -1",
      "VARCHAR(20) | VARCHAR | 20 | -1",
      "CHARACTER VARYING(30) | VARCHAR | 30 | -1",
      "NVARCHAR(5) | VARCHAR | 5 | -1",
      "VARCHAR | VARCHAR | 256 | -1",
      "TEXT | VARCHAR | 256 | -1",
      "VARCHAR(MAX) | VARCHAR | 65535 | -1",
      "DATE | DATE | -1 | -1",
      "TIMESTAMP | TIMESTAMP | -1 | -1",
      "TIMESTAMP WITHOUT TIME ZONE | TIMESTAMP | -1 | -1",
      "TIMESTAMPTZ | TIMESTAMP_WITH_LOCAL_TIME_ZONE | -1 | -1",
      "TIMESTAMP WITH TIME ZONE | TIMESTAMP_WITH_LOCAL_TIME_ZONE | -1 | -1",
  })
  void typesMapOntoCalciteTypes(String type, SqlTypeName expected, int precision, int scale)
      throws SqlParseException {
    for (String sql : List.of("CAST(x AS " + type + ")", "x::" + type, "x :: " + type)) {
      SqlBasicTypeNameSpec spec = castType(sql);
      assertThat(spec.getTypeName().getSimple()).as(sql).isEqualTo(expected.name());
      assertPrecision(spec, precision, scale, sql);
    }
    SqlCreateBasaltTable create = (SqlCreateBasaltTable) parse("CREATE TABLE t (c " + type + ")");
    SqlBasaltColumn column = (SqlBasaltColumn) create.columnList.get(0);
    SqlBasicTypeNameSpec spec = (SqlBasicTypeNameSpec) column.dataType.getTypeNameSpec();
    assertThat(spec.getTypeName().getSimple()).isEqualTo(expected.name());
    assertPrecision(spec, precision, scale, type);
  }

  /** Checks precision and scale; -1 stands for "not specified". */
  private static void assertPrecision(SqlBasicTypeNameSpec spec, int precision, int scale,
      String sql) {
    if (precision < 0) {
      assertThat(spec.getPrecision()).as(sql).isNegative();
    } else {
      assertThat(spec.getPrecision()).as(sql).isEqualTo(precision);
    }
    if (scale < 0) {
      assertThat(spec.getScale()).as(sql).isNegative();
    } else {
      assertThat(spec.getScale()).as(sql).isEqualTo(scale);
    }
  }

  @Test
  void infixCastBindsTighterThanArithmeticAndChains() throws SqlParseException {
    SqlCall sum = (SqlCall) expression("a + b::int * 2");
    assertThat(sum.getKind()).isEqualTo(SqlKind.PLUS);
    SqlCall product = sum.operand(1);
    assertThat(product.getKind()).isEqualTo(SqlKind.TIMES);
    assertThat(product.operand(0).getKind()).isEqualTo(SqlKind.CAST);
    SqlCall outer = (SqlCall) expression("a::text::int");
    assertThat(outer.getKind()).isEqualTo(SqlKind.CAST);
    assertThat(((SqlDataTypeSpec) outer.operand(1)).getTypeName().getSimple())
        .isEqualTo("INTEGER");
    SqlCall inner = outer.operand(0);
    assertThat(inner.getKind()).isEqualTo(SqlKind.CAST);
    assertThat(((SqlDataTypeSpec) inner.operand(1)).getTypeName().getSimple())
        .isEqualTo("VARCHAR");
    SqlCall plus = (SqlCall) expression("'2020-01-01'::date + 1");
    assertThat(plus.getKind()).isEqualTo(SqlKind.PLUS);
    assertThat(plus.operand(0).getKind()).isEqualTo(SqlKind.CAST);
  }

  @Test
  void selectTopSetsTheFetch() throws SqlParseException {
    SqlSelect select = (SqlSelect) parse("SELECT TOP 10 a, b FROM t");
    assertThat(select.getFetch()).hasToString("10");
    assertThat(select.getSelectList()).hasSize(2);
    assertRoundTrip(select);

    SqlOrderBy ordered = (SqlOrderBy) parse("SELECT TOP 5 DISTINCT a FROM t ORDER BY a DESC");
    assertThat(ordered.fetch).hasToString("5");
    assertThat(((SqlSelect) ordered.query).getFetch()).isNull();
    assertThat(((SqlSelect) ordered.query).isDistinct()).isTrue();
    assertRoundTrip(ordered);

    assertThatThrownBy(() -> parse("SELECT TOP 5 a FROM t ORDER BY a LIMIT 3"))
        .isInstanceOf(SqlParseException.class)
        .hasMessageContaining("Cannot select: TOP cannot be combined with LIMIT or FETCH");
  }

  /** Plans {@code sql} with Redshift's operators, wrapped as the planner should wrap them. */
  private static String plan(String sql, SqlOperatorTable operators) throws Exception {
    Planner planner = Frameworks.getPlanner(Frameworks.newConfigBuilder()
        .parserConfig(CONFIG)
        .defaultSchema(Frameworks.createRootSchema(false))
        .operatorTable(operators)
        .build());
    return RelOptUtil.toString(planner.rel(planner.validate(planner.parse(sql))).project());
  }

  /** Calcite keeps Redshift's NVL, NVL2, DECODE and SYSDATE in its Oracle library. */
  private static final SqlOperatorTable REDSHIFT_OPERATORS =
      SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.STANDARD,
          SqlLibrary.POSTGRESQL, SqlLibrary.REDSHIFT, SqlLibrary.ORACLE);

  /** "::" is Calcite's PostgreSQL operator; TOP and interval strings need no operator. */
  @Test
  void redshiftSyntaxSurvivesValidation() throws Exception {
    String plan = plan("SELECT TOP 2 a::varchar AS s, "
        + "DATE '2020-01-01' + INTERVAL '100 days' AS d, split_part('a,b', ',', a) AS p, "
        + "sysdate AS now, nvl(a, 0) AS n "
        + "FROM (VALUES (3), (1), (2)) AS t (a) ORDER BY a DESC",
        CaseInsensitiveOperatorTable.of(REDSHIFT_OPERATORS));
    assertThat(plan)
        .contains("fetch=[2]")
        .contains("CAST($0):VARCHAR(256)")
        .contains("+(2020-01-01, 8640000000:INTERVAL DAY(3))")
        .contains("SPLIT_PART('a,b', ',', $0)")
        .contains("now=[SYSDATE]")
        .contains("n=[$0]");
  }

  /** Unquoted function names fold to lower case, which a case-sensitive lookup would miss. */
  @Test
  void builtInFunctionsNeedTheCaseInsensitiveOperatorTable() throws Exception {
    String sql = "SELECT split_part('a,b', ',', 1) FROM (VALUES (1)) AS t (a)";
    assertThatThrownBy(() -> plan(sql, REDSHIFT_OPERATORS))
        .hasMessageContaining("No match found for function signature split_part");
    assertThat(plan(sql, CaseInsensitiveOperatorTable.of(REDSHIFT_OPERATORS)))
        .contains("SPLIT_PART('a,b', ',', 1)");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "INTERVAL '7 days' | INTERVAL '7' DAY(2)",
      "INTERVAL '100 DAYS' | INTERVAL '100' DAY(3)",
      "INTERVAL '1 hour 30 minutes' | INTERVAL '90' MINUTE(2)",
      "INTERVAL '2 hrs' | INTERVAL '2' HOUR(2)",
      "INTERVAL '1 week' | INTERVAL '7' DAY(2)",
      "INTERVAL '1 year' | INTERVAL '1' YEAR(2)",
      "INTERVAL '14 months' | INTERVAL '14' MONTH(2)",
      "INTERVAL '1 year 2 mons' | INTERVAL '14' MONTH(2)",
      "INTERVAL '1 quarter' | INTERVAL '3' MONTH(2)",
      "INTERVAL '1.5 seconds' | INTERVAL '1.5' SECOND(2, 1)",
      "INTERVAL '250 ms' | INTERVAL '0.25' SECOND(2, 2)",
      "INTERVAL '-1 day' | INTERVAL -'1' DAY(2)",
      "INTERVAL -'2 hours' | INTERVAL -'2' HOUR(2)",
      "INTERVAL '02:30:00' | INTERVAL '150' MINUTE(3)",
      "INTERVAL '1 day 02:00' | INTERVAL '26' HOUR(2)",
      "INTERVAL '45' | INTERVAL '45' SECOND(2, 0)",
      "INTERVAL '3' DAY | INTERVAL '3' DAY",
      "INTERVAL '1:30' HOUR TO MINUTE | INTERVAL '1:30' HOUR TO MINUTE",
  })
  void intervalStringsBecomeStandardLiterals(String sql, String expected)
      throws SqlParseException {
    assertThat(expression(sql)).hasToString(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "INTERVAL '1 month 2 days' | it mixes years or months with days or time",
      "INTERVAL '3 fortnights' | \"fortnights\" is not a unit of time",
      "INTERVAL '1.5 months' | a number of months must be whole",
      "INTERVAL 'soon' | \"soon\" is not a number",
      "INTERVAL '1 day 2' | \"2\" has no unit",
  })
  void badIntervalStringsAreRejected(String sql, String reason) {
    assertThatThrownBy(() -> expression(sql))
        .isInstanceOf(SqlParseException.class)
        .hasMessageContaining("Cannot parse interval '")
        .hasMessageContaining(reason);
  }

  @Test
  void datePartNamesWorkAsColumnNames() throws SqlParseException {
    SqlSelect select = (SqlSelect) parse("SELECT year, month, day, hour, minute, second, value "
        + "FROM events WHERE year = 2025 AND month = 1 AND day > 14");
    assertThat(select.getSelectList()).extracting(n -> ((SqlIdentifier) n).getSimple())
        .containsExactly("year", "month", "day", "hour", "minute", "second", "value");
    for (String sql : List.of("EXTRACT(DAY FROM d)", "INTERVAL '1' DAY", "FLOOR(d TO MONTH)",
        "TIMESTAMPADD(HOUR, 1, d)", "year(d)", "CAST(x AS INTERVAL DAY)")) {
      assertThat(expression(sql)).as(sql).isInstanceOfAny(SqlCall.class, SqlLiteral.class);
    }
  }

  @Test
  void keywordsStillWorkAsIdentifiers() throws SqlParseException {
    SqlCreateBasaltTable create = (SqlCreateBasaltTable) parse("CREATE TABLE top (sortkey INT, "
        + "copy INT, encode VARCHAR(10), top INT, delimiter CHAR, text TEXT, distkey INT, "
        + "gzip INT, temp INT, auto INT, analyze INT, vacuum INT, interleaved INT, if INT) "
        + "SORTKEY (sortkey, top)");
    assertThat(create.name.getSimple()).isEqualTo("top");
    assertThat(create.columnList).extracting(c -> ((SqlBasaltColumn) c).name.getSimple())
        .containsExactly("sortkey", "copy", "encode", "top", "delimiter", "text", "distkey",
            "gzip", "temp", "auto", "analyze", "vacuum", "interleaved", "if");
    assertThat(create.attributes.sortKeyColumns()).containsExactly("sortkey", "top");

    SqlSelect select = (SqlSelect) parse(
        "SELECT top, sortkey, copy, t.encode, delimiter AS text FROM top AS t "
            + "WHERE encode = 'x' AND top > 1 GROUP BY top");
    assertThat(select.getSelectList()).hasSize(5);
    assertThat(select.getFetch()).isNull();
    assertThat(((SqlIdentifier) select.getSelectList().get(0)).getSimple()).isEqualTo("top");

    SqlOrderBy topTop = (SqlOrderBy) parse("SELECT TOP 5 top, a text, b AS sort FROM t copy "
        + "WHERE auto = 1 GROUP BY top, text, sort ORDER BY top");
    assertThat(topTop.fetch).hasToString("5");
    SqlNodeList items = ((SqlSelect) topTop.query).getSelectList();
    assertThat(((SqlIdentifier) items.get(0)).getSimple()).isEqualTo("top");
    assertThat(items.get(1).getKind()).isEqualTo(SqlKind.AS);
    for (String sql : List.of("INSERT INTO t (sortkey, top) VALUES (1, 2)",
        "UPDATE t SET top = 1, encode = 'x' WHERE copy IS NULL",
        "DELETE FROM t WHERE distkey = 1",
        "SELECT t.year, \"TOP\" FROM t JOIN u AS gzip ON t.temp = gzip.temp")) {
      assertThat(parse(sql)).as(sql).isNotNull();
    }
  }

  @Test
  void redshiftOperatorsAndFunctionsParse() throws SqlParseException {
    assertThat(expression("a ILIKE 'x%'").getKind()).isEqualTo(SqlKind.LIKE);
    assertThat(expression("a != b").getKind()).isEqualTo(SqlKind.NOT_EQUALS);
    assertThat(expression("a % 3").getKind()).isEqualTo(SqlKind.MOD);
    assertThat(expression("a SIMILAR TO 'x'").getKind()).isEqualTo(SqlKind.SIMILAR);
    assertThat(expression("a ~ '^x'").getKind()).isEqualTo(SqlKind.POSIX_REGEX_CASE_SENSITIVE);
    assertThat(expression("a ~* 'x'").getKind())
        .isEqualTo(SqlKind.POSIX_REGEX_CASE_INSENSITIVE);
    assertThat(expression("a !~ 'x'").getKind()).isEqualTo(SqlKind.POSIX_REGEX_CASE_SENSITIVE);
    assertThat(((SqlCall) expression("a !~* 'x'")).getOperator())
        .isEqualTo(SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_INSENSITIVE);
    assertThat(((SqlIdentifier) expression("sysdate")).getSimple()).isEqualTo("sysdate");
    assertThat(expression("CURRENT_DATE").getKind()).isNotNull();
    for (String call : List.of("getdate()", "len(x)", "nvl(a, b)", "nvl2(a, b, c)",
        "decode(a, 1, 'one', 'other')", "regexp_substr(a, '[0-9]+')", "split_part(a, ',', 2)",
        "date_trunc('month', d)", "extract(year FROM d)", "extract(epoch FROM d)",
        "to_char(d, 'YYYY')", "coalesce(a, b)", "nullif(a, b)")) {
      assertThat(expression(call)).as(call).isInstanceOf(SqlCall.class);
    }
    SqlNode listagg = parse("SELECT listagg(name, ',') WITHIN GROUP (ORDER BY name) FROM t");
    assertThat(listagg.toString()).contains("WITHIN GROUP");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "DATEADD(day, 1, d) | DATEADD | day",
      "dateadd(MONTH, -2, d) | DATEADD | month",
      "DATEADD('week', 1, d) | DATEADD | week",
      "DATEADD(qtr, 1, d) | DATEADD | qtr",
      "DATEDIFF(hour, a, b) | DATEDIFF | hour",
      "datediff(year, a, b) | DATEDIFF | year",
      "DATEPART(dow, d) | DATE_PART | dow",
      "date_part('minute', d) | DATE_PART | minute",
  })
  void datePartsBecomeStringLiterals(String sql, String function, String part)
      throws SqlParseException {
    SqlBasicCall call = (SqlBasicCall) expression(sql);
    assertThat(call.getOperator().getName()).isEqualTo(function);
    SqlNode first = call.operand(0);
    assertThat(first).isInstanceOf(SqlCharStringLiteral.class);
    assertThat(((SqlLiteral) first).getValueAs(String.class)).isEqualTo(part);
  }

  static Stream<Path> tpchQueries() throws IOException {
    Path queries = findTpchQueries();
    try (Stream<Path> files = Files.list(queries)) {
      List<Path> sql = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
      assertThat(sql).hasSize(22);
      return sql.stream();
    }
  }

  /** Finds shared/tpch/queries in an ancestor of the working directory. */
  private static Path findTpchQueries() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/tpch/queries");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("Cannot find shared/tpch/queries above "
        + Path.of("").toAbsolutePath());
  }

  @ParameterizedTest
  @MethodSource("tpchQueries")
  void tpchQueriesParse(Path file) throws IOException, SqlParseException {
    String sql = Files.readString(file).strip();
    if (sql.endsWith(";")) {
      sql = sql.substring(0, sql.length() - 1);
    }
    SqlNode node = parse(sql);
    assertThat(node.isA(SqlKind.QUERY)).as(file.toString()).isTrue();
    assertRoundTrip(node);
  }

  @Test
  void explainAnalyzeIsItsOwnNode() throws SqlParseException {
    SqlNode node = parse("EXPLAIN ANALYZE SELECT a FROM t WHERE b > 1 ORDER BY a");
    assertThat(node).isInstanceOf(SqlExplainAnalyze.class);
    assertThat(node.getKind()).isEqualTo(SqlKind.OTHER);
    SqlExplainAnalyze explain = (SqlExplainAnalyze) node;
    assertThat(explain.getOperator()).isSameAs(SqlExplainAnalyze.OPERATOR);
    assertThat(explain.query).isInstanceOf(SqlOrderBy.class);
    assertThat((SqlNode) explain.operand(0)).isSameAs(explain.query);
    assertRoundTrip(explain);
    assertThat(redshift(explain)).startsWith("EXPLAIN ANALYZE");

    SqlExplainAnalyze insert =
        (SqlExplainAnalyze) parse("explain analyze INSERT INTO s.t SELECT * FROM u");
    assertThat(insert.query).isInstanceOf(SqlInsert.class);
    assertRoundTrip(insert);
  }

  @Test
  void plainExplainStaysCalcites() throws SqlParseException {
    for (String sql : new String[] {"EXPLAIN SELECT a FROM t", "EXPLAIN PLAN FOR SELECT a FROM t",
        "EXPLAIN SELECT analyze FROM t"}) {
      SqlNode node = parse(sql);
      assertThat(node).as(sql).isInstanceOf(SqlExplain.class);
      assertThat(((SqlExplain) node).getExplicandum()).isInstanceOf(SqlSelect.class);
    }
    assertThat(parse("ANALYZE t")).isInstanceOf(SqlAnalyze.class);
  }

  @Test
  void syntaxErrorsReportLineAndColumn() {
    String sql = "SELECT a,\n"
        + "       b\n"
        + "FROM t WHERE WHERE a = 1";
    assertThatThrownBy(() -> parse(sql))
        .isInstanceOfSatisfying(SqlParseException.class, e -> {
          assertThat(e.getPos().getLineNum()).isEqualTo(3);
          assertThat(e.getPos().getColumnNum()).isEqualTo(14);
        })
        .hasMessageContaining("line 3, column 14");
  }

  @Test
  void semanticErrorsFromTheGrammarCarryTheirPosition() {
    String sql = "CREATE TABLE t (a INT, b INT)\n"
        + "DISTSTYLE EVEN\n"
        + "DISTKEY (a)";
    assertThatThrownBy(() -> parse(sql))
        .isInstanceOfSatisfying(SqlParseException.class,
            e -> assertThat(e.getPos().getLineNum()).isEqualTo(2))
        .hasMessageContaining(
            "Cannot create table \"t\": DISTKEY requires DISTSTYLE KEY, not DISTSTYLE EVEN");
  }

  @Test
  void severalStatementsParseAsAList() throws SqlParseException {
    SqlNodeList statements = SqlParser.create(
        "CREATE TABLE t (a INT); COPY t FROM 's3://b/k' CSV; SELECT TOP 1 a FROM t;", CONFIG)
        .parseStmtList();
    assertThat(statements.getList()).extracting(SqlNode::getClass).containsExactly(
        SqlCreateBasaltTable.class, SqlCopy.class, SqlSelect.class);
  }
}
