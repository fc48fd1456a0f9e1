package io.basalt.planner.sql;

import static io.basalt.planner.sql.TestBasaltParser.assertRoundTrip;
import static io.basalt.planner.sql.TestBasaltParser.parse;
import static io.basalt.planner.sql.TestBasaltParser.redshift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MERGE INTO ... USING ... ON ... with any number of WHEN [NOT] MATCHED [AND ...] clauses. */
class TestMergeParser {
  private static SqlBasaltMerge merge(String sql) throws SqlParseException {
    SqlNode node = parse(sql);
    assertThat(node).isInstanceOf(SqlBasaltMerge.class);
    assertThat(node.getKind()).isEqualTo(SqlKind.MERGE);
    assertThat(node.isA(SqlKind.DML)).isTrue();
    return (SqlBasaltMerge) node;
  }

  @Test
  void clausesKeepTheirOrderActionsAndConditions() throws SqlParseException {
    SqlBasaltMerge merge = merge("MERGE INTO t USING s ON t.id = s.id\n"
        + "  WHEN MATCHED AND s.op = 'D' THEN DELETE\n"
        + "  WHEN MATCHED AND s.qty > 0 AND s.qty < 10 THEN UPDATE SET qty = s.qty, note = 'x'\n"
        + "  WHEN MATCHED THEN DELETE\n"
        + "  WHEN NOT MATCHED AND s.op <> 'D' THEN INSERT (id, qty) VALUES (s.id, s.qty)\n"
        + "  WHEN NOT MATCHED THEN INSERT VALUES (s.id, 0, NULL)");
    assertThat(merge.target.toString()).isEqualTo("t");
    assertThat(merge.alias).isNull();
    assertThat(merge.source.toString()).isEqualTo("s");
    assertThat(merge.condition.toString()).isEqualTo("`t`.`id` = `s`.`id`");
    List<SqlMergeClause> clauses = merge.whenClauses();
    assertThat(clauses).extracting(c -> c.action).containsExactly(
        SqlMergeClause.Action.DELETE, SqlMergeClause.Action.UPDATE,
        SqlMergeClause.Action.DELETE, SqlMergeClause.Action.INSERT,
        SqlMergeClause.Action.INSERT);
    assertThat(clauses).extracting(SqlMergeClause::heading).containsExactly(
        "WHEN MATCHED AND ... THEN DELETE", "WHEN MATCHED AND ... THEN UPDATE",
        "WHEN MATCHED THEN DELETE", "WHEN NOT MATCHED AND ... THEN INSERT",
        "WHEN NOT MATCHED THEN INSERT");
    // The AND of the condition belongs to the condition, not to the clause.
    assertThat(clauses.get(1).condition.toString())
        .isEqualTo("`s`.`qty` > 0 AND `s`.`qty` < 10");
    assertThat(clauses.get(1).columns).extracting(SqlNode::toString)
        .containsExactly("qty", "note");
    assertThat(clauses.get(1).values).extracting(SqlNode::toString)
        .containsExactly("s.qty", "'x'");
    assertThat(clauses.get(2).condition).isNull();
    assertThat(clauses.get(2).columns).isNull();
    assertThat(clauses.get(2).values).isEmpty();
    assertThat(clauses.get(3).columns).extracting(SqlNode::toString).containsExactly("id", "qty");
    assertThat(clauses.get(4).columns).isNull();
    assertThat(clauses.get(4).values).hasSize(3);
    assertRoundTrip(merge);
  }

  @Test
  void calcitesOwnFormStillParses() throws SqlParseException {
    SqlBasaltMerge merge = merge("merge into s.t as a using (select * from u) as b "
        + "on a.id = b.id when matched then update set v = b.v "
        + "when not matched then insert (id, v) (values (b.id, b.v))");
    assertThat(((SqlIdentifier) merge.target).names).containsExactly("s", "t");
    assertThat(merge.alias.getSimple()).isEqualTo("a");
    assertThat(merge.source.getKind()).isEqualTo(SqlKind.AS);
    assertThat(merge.whenClauses()).extracting(c -> c.action).containsExactly(
        SqlMergeClause.Action.UPDATE, SqlMergeClause.Action.INSERT);
    assertThat(merge.whenClauses().get(1).values).extracting(SqlNode::toString)
        .containsExactly("b.id", "b.v");
    assertRoundTrip(merge);
  }

  @Test
  void unparsingWritesTheClausesBackAsTyped() throws SqlParseException {
    SqlBasaltMerge merge = merge("merge into ice.t t using (select id, op from src) s "
        + "on t.id = s.id when matched and s.op = 'D' then delete "
        + "when not matched and s.op <> 'D' then insert (id) values (s.id)");
    assertThat(redshift(merge)).isEqualTo("MERGE INTO \"ice\".\"t\" AS \"t\"\n"
        + "USING (SELECT \"id\", \"op\"\n"
        + "FROM \"src\") AS \"s\"\n"
        + "ON \"t\".\"id\" = \"s\".\"id\"\n"
        + "WHEN MATCHED AND \"s\".\"op\" = 'D' THEN DELETE\n"
        + "WHEN NOT MATCHED AND \"s\".\"op\" <> 'D' THEN INSERT (\"id\") VALUES (\"s\".\"id\")");
    assertRoundTrip(merge);
    // The way Basalt writes a node for planning (every operand parenthesized) parses back too.
    String planned = merge.toSqlString(c -> c.withDialect(CalciteSqlDialect.DEFAULT)
        .withAlwaysUseParentheses(true)).getSql();
    assertThat(parse(planned).toString()).isEqualTo(merge.toString());
  }

  @Test
  void aSubqueryInAConditionOrValueStaysInItsClause() throws SqlParseException {
    SqlBasaltMerge merge = merge("merge into t using s on t.id = s.id "
        + "when matched and s.id in (select id from gone) then delete "
        + "when matched then update set v = (select max(v) from w)");
    assertThat(merge.whenClauses().get(0).condition.getKind()).isEqualTo(SqlKind.IN);
    assertThat(merge.whenClauses().get(1).values.get(0)).isInstanceOf(SqlSelect.class);
    assertRoundTrip(merge);
  }

  @Test
  void anInsertInAWhenMatchedClauseIsAnErrorAtTheInsert() {
    assertThatThrownBy(() -> parse("merge into t using s on t.id = s.id\n"
        + "when matched then insert values (s.id)"))
        .isInstanceOf(SqlParseException.class)
        .hasMessage("Cannot INSERT in a WHEN MATCHED clause: a matched target row can only be "
            + "updated or deleted (INSERT belongs in WHEN NOT MATCHED)")
        .satisfies(e -> {
          assertThat(((SqlParseException) e).getPos().getLineNum()).isEqualTo(2);
          assertThat(((SqlParseException) e).getPos().getColumnNum()).isEqualTo(19);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"update set v = 1", "delete"})
  void anUpdateOrDeleteInAWhenNotMatchedClauseIsAnErrorAtTheAction(String action) {
    assertThatThrownBy(() -> parse("merge into t using s on t.id = s.id "
        + "when matched then delete\nwhen not matched and s.v > 0 then " + action))
        .isInstanceOf(SqlParseException.class)
        .hasMessage("Cannot " + action.split(" ")[0].toUpperCase(java.util.Locale.ROOT)
            + " in a WHEN NOT MATCHED clause: no target row matched, so the clause can only "
            + "INSERT")
        .satisfies(e -> {
          assertThat(((SqlParseException) e).getPos().getLineNum()).isEqualTo(2);
          assertThat(((SqlParseException) e).getPos().getColumnNum()).isEqualTo(35);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "merge into t using s on t.id = s.id",
      "merge into t using s on t.id = s.id when matched then update",
      "merge into t using s on t.id = s.id when matched and then delete",
      "merge into t using s on t.id = s.id when not matched then insert (id)"})
  void incompleteClausesAreSyntaxErrors(String sql) {
    assertThatThrownBy(() -> parse(sql)).isInstanceOf(SqlParseException.class);
  }
}
