package io.basalt.planner.rel.pushdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.planner.source.SqlSource;
import io.basalt.planner.source.TableSource;
import io.basalt.storage.ColumnDefinition;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** What {@link RemoteExpressions} lets a PostgreSQL or MySQL source compute, and what not. */
class TestRemoteExpressions {
  private final RelDataTypeFactory types = new JavaTypeFactoryImpl();
  private final RexBuilder rex = new RexBuilder(types);
  private final RelDataType integer = types.createSqlType(SqlTypeName.INTEGER);
  private final RelDataType text = types.createSqlType(SqlTypeName.VARCHAR, 20);
  private final RelDataType real = types.createSqlType(SqlTypeName.REAL);
  private final RexNode id = rex.makeInputRef(integer, 0);
  private final RexNode name = rex.makeInputRef(text, 1);
  private final RexNode weight = rex.makeInputRef(real, 2);
  private final RemoteExpressions postgres = RemoteExpressions.of(
      new Source(PostgresqlSqlDialect.DEFAULT, true));
  private final RemoteExpressions mysql = RemoteExpressions.of(
      new Source(MysqlSqlDialect.DEFAULT, false));

  /** A source that only answers what the planner asks of it while planning. */
  private record Source(SqlDialect dialect, boolean comparesStringsExactly)
      implements SqlSource {
    @Override
    public String name() {
      return "remote";
    }

    @Override
    public TableSource query(String sql, List<String> tables, List<ColumnDefinition> columns) {
      throw new UnsupportedOperationException("not run");
    }
  }

  private RexNode call(org.apache.calcite.sql.SqlOperator operator, RexNode... operands) {
    return rex.makeCall(operator, operands);
  }

  private RexNode number(int value) {
    return rex.makeExactLiteral(BigDecimal.valueOf(value), integer);
  }

  @Test
  void numberComparisonsGoToEverySource() {
    RexNode condition = call(SqlStdOperatorTable.AND,
        call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, id, number(2)),
        call(SqlStdOperatorTable.IS_NOT_NULL, id));
    assertThat(postgres.value(condition)).isTrue();
    assertThat(mysql.value(condition)).isTrue();
  }

  @Test
  void stringEqualityGoesOnlyWhereStringsCompareExactly() {
    RexNode equality = call(SqlStdOperatorTable.EQUALS, name, rex.makeLiteral("ann"));
    assertThat(postgres.value(equality)).isTrue();
    assertThat(mysql.value(equality)).isFalse();
    // String order is the database's collation's.
    assertThat(postgres.value(call(SqlStdOperatorTable.LESS_THAN, name,
        rex.makeLiteral("b")))).isFalse();
  }

  @Test
  void arithmeticGoesToPostgresButDivisionNowhere() {
    RexNode times = call(SqlStdOperatorTable.MULTIPLY, id, number(2));
    assertThat(postgres.value(times)).isTrue();
    assertThat(mysql.value(times)).isFalse();
    RexNode divide = call(SqlStdOperatorTable.DIVIDE, id, number(2));
    assertThat(postgres.value(divide)).isFalse();
    assertThat(mysql.value(divide)).isFalse();
  }

  @Test
  void functionsOutsideTheListStayInBasalt() {
    SqlFunction len = new SqlFunction("LEN", SqlKind.OTHER_FUNCTION, ReturnTypes.INTEGER, null,
        OperandTypes.STRING, SqlFunctionCategory.USER_DEFINED_FUNCTION);
    assertThat(postgres.value(call(SqlStdOperatorTable.GREATER_THAN, call(len, name),
        number(2)))).isFalse();
    assertThat(postgres.value(call(SqlLibraryOperators.NVL2, id, number(1), number(0))))
        .isFalse();
    assertThat(postgres.value(call(SqlStdOperatorTable.EQUALS, id,
        rex.makeDynamicParam(integer, 0)))).isFalse();
  }

  @Test
  void realsAndBackslashesStayInBasalt() {
    assertThat(postgres.value(call(SqlStdOperatorTable.GREATER_THAN, weight,
        rex.makeApproxLiteral(BigDecimal.ONE, real)))).isFalse();
    assertThat(postgres.value(call(SqlStdOperatorTable.LIKE, name, rex.makeLiteral("a%"))))
        .isTrue();
    assertThat(postgres.value(call(SqlStdOperatorTable.LIKE, name, rex.makeLiteral("a\\_%"))))
        .isFalse();
  }

  @Test
  void statementsAreWrittenOnOneLineKeepingQuotedLineBreaks() {
    assertThat(RemoteQuery.oneLine("SELECT 'a\nb' FROM t\nFETCH NEXT 1 ROWS ONLY"))
        .isEqualTo("SELECT 'a\nb' FROM t FETCH NEXT 1 ROWS ONLY");
  }
}
