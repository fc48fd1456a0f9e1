package io.basalt.planner.sql;

import static io.basalt.planner.sql.TestBasaltParser.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** FOR VERSION AS OF and FOR TIMESTAMP AS OF after a table name. */
class TestTimeTravelParser {
  private static SqlNode from(String sql) throws SqlParseException {
    return ((SqlSelect) parse(sql)).getFrom();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "t FOR VERSION AS OF 123                             | VERSION        | 123",
      "t FOR SYSTEM_VERSION AS OF 8744736658442914487      | SYSTEM_VERSION | 8744736658442914487",
      "t FOR TIMESTAMP AS OF TIMESTAMP '2026-01-01 00:00:00' | TIMESTAMP   "
          + "| TIMESTAMP '2026-01-01 00:00:00'",
      "t for timestamp as of '2026-01-01'                  | TIMESTAMP      | '2026-01-01'",
      "s.t FOR SYSTEM_TIME AS OF CURRENT_TIMESTAMP         | SYSTEM_TIME    | current_timestamp"})
  void theClauseBecomesASnapshotWhosePeriodCarriesTheExpression(String table, String keyword,
      String expression) throws SqlParseException {
    SqlNode from = from("SELECT * FROM " + table);
    assertThat(from).isInstanceOf(SqlTimeTravel.class);
    TimeTravelOperator operator = SqlTimeTravel.operator((SqlTimeTravel) from);
    assertThat(operator.clause()).isEqualTo("FOR " + keyword + " AS OF");
    assertThat(operator.takesSnapshotId()).isEqualTo(keyword.endsWith("VERSION"));
    SqlNode period = ((SqlTimeTravel) from).getPeriod();
    assertThat(((SqlCall) period).operand(0).toString()).isEqualTo(expression);
  }

  @Test
  void anAliasFollowsTheClause() throws SqlParseException {
    SqlNode from = from("SELECT a.x FROM t FOR VERSION AS OF 1 AS a");
    assertThat(from.getKind()).isEqualTo(SqlKind.AS);
    assertThat((SqlNode) ((SqlCall) from).operand(0)).isInstanceOf(SqlTimeTravel.class);
    assertThat(((SqlCall) from).operand(1).toString()).isEqualTo("a");
    assertThatThrownBy(() -> parse("SELECT a.x FROM t AS a FOR VERSION AS OF 1"))
        .isInstanceOf(SqlParseException.class);
  }

  @Test
  void eachSideOfAJoinHasItsOwnVersion() throws SqlParseException {
    SqlJoin join = (SqlJoin) from("SELECT * FROM t FOR VERSION AS OF 1 a "
        + "JOIN t FOR TIMESTAMP AS OF current_timestamp - interval '1' hour b ON a.x = b.x");
    SqlNode left = ((SqlCall) join.getLeft()).operand(0);
    SqlNode right = ((SqlCall) join.getRight()).operand(0);
    assertThat(SqlTimeTravel.operator((SqlTimeTravel) left)).isSameAs(TimeTravelOperator.VERSION);
    assertThat(SqlTimeTravel.operator((SqlTimeTravel) right))
        .isSameAs(TimeTravelOperator.TIMESTAMP);
    assertThat(((SqlCall) ((SqlTimeTravel) right).getPeriod()).operand(0).getKind())
        .isEqualTo(SqlKind.MINUS);
  }

  @Test
  void aSubqueryMayReadAVersion() throws SqlParseException {
    SqlNode from = from("SELECT * FROM (SELECT x FROM t FOR VERSION AS OF 7) AS q");
    SqlSelect inner = (SqlSelect) ((SqlCall) from).operand(0);
    assertThat(inner.getFrom()).isInstanceOf(SqlTimeTravel.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM t FOR VERSION AS OF 1 AS a",
      "SELECT * FROM s.t FOR TIMESTAMP AS OF CURRENT_TIMESTAMP - INTERVAL '1' HOUR",
      "SELECT * FROM t FOR SYSTEM_TIME AS OF TIMESTAMP '2026-01-01 00:00:00'"})
  void theClauseIsWrittenBackAsTyped(String sql) throws SqlParseException {
    String written = parse(sql).toSqlString(CalciteSqlDialect.DEFAULT).getSql();
    assertThat(written.replace("\n", " ")).containsPattern(
        "FOR (VERSION|TIMESTAMP|SYSTEM_TIME) AS OF");
    assertThat(parse(written).toSqlString(CalciteSqlDialect.DEFAULT).getSql())
        .isEqualTo(written);
  }

  @ParameterizedTest
  @ValueSource(strings = {"version", "system_version"})
  void theKeywordsStillNameColumns(String column) throws SqlParseException {
    SqlSelect select = (SqlSelect) parse("SELECT " + column + " FROM t WHERE " + column
        + " > 1");
    assertThat(((SqlIdentifier) select.getSelectList().get(0)).getSimple()).isEqualTo(column);
  }
}
