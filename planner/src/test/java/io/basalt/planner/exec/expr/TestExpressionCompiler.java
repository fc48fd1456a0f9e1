package io.basalt.planner.exec.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.StorageException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.junit.jupiter.api.Test;

class TestExpressionCompiler {
  private static final long DAY = 86_400_000L;
  private final ExpressionFixture fixture = fixture();
  private final RexBuilder rex = fixture.rexBuilder;

  private static ExpressionFixture fixture() {
    JavaTypeFactoryImpl types = new JavaTypeFactoryImpl(
        io.basalt.planner.catalog.BasaltTypeSystem.INSTANCE);
    RelDataType row = types.builder()
        .add("i", SqlTypeName.INTEGER).nullable(true)
        .add("j", SqlTypeName.INTEGER).nullable(true)
        .add("l", SqlTypeName.BIGINT).nullable(true)
        .add("d", SqlTypeName.DECIMAL, 15, 2).nullable(true)
        .add("e", SqlTypeName.DECIMAL, 15, 2).nullable(true)
        .add("f", SqlTypeName.DECIMAL, 10, 4).nullable(true)
        .add("x", SqlTypeName.DOUBLE).nullable(true)
        .add("s", SqlTypeName.VARCHAR, 30).nullable(true)
        .add("dt", SqlTypeName.DATE).nullable(true)
        .add("ts", SqlTypeName.TIMESTAMP, 3).nullable(true)
        .add("b", SqlTypeName.BOOLEAN).nullable(true)
        .build();
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {7, 2, 10L, dec("10.00"), dec("3.00"), dec("1.2345"), 1.5, "abc",
        9000, 9000 * DAY + 3_600_000L, true});
    rows.add(new Object[] {-7, 3, -5L, dec("-2.50"), dec("0.07"), dec("-0.0001"), -2.25,
        "PROMO BRUSHED", 10_000, -1L, false});
    rows.add(new Object[] {null, 1, null, null, dec("1.00"), null, null, null, null, null,
        null});
    rows.add(new Object[] {0, -4, 1_000_000_000_000_000L, dec("9999999999999.99"),
        dec("-1.00"), dec("123456.3456"), 0.0, "a_b%c", -1, 7 * DAY, true});
    rows.add(new Object[] {2_147_483_647, 1, 3L, dec("0.01"), dec("5.55"), dec("0.5000"),
        3.0, "x\ny", 0, 0L, null});
    rows.add(new Object[] {100, 7, 42L, dec("123.45"), dec("0.10"), dec("99.9999"), 1e10,
        "%spe.cial(%)", 19_000, 19_000 * DAY + 59_999L, false});
    return new ExpressionFixture(row, rows, Map.of("?0", 5, "?1", "abc"));
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  private RexNode f(String name) {
    return fixture.field(name);
  }

  private RexNode call(SqlOperator operator, RexNode... operands) {
    return rex.makeCall(operator, operands);
  }

  private RexNode num(String value) {
    return rex.makeExactLiteral(new BigDecimal(value));
  }

  private RexNode str(String value) {
    return rex.makeLiteral(value);
  }

  @Test
  void inputsLiteralsAndParameters() {
    for (String name : List.of("i", "l", "d", "f", "x", "s", "dt", "ts", "b")) {
      fixture.check(f(name));
    }
    fixture.check(num("12.50"));
    fixture.check(rex.makeNullLiteral(fixture.type(SqlTypeName.INTEGER)));
    fixture.check(rex.makeNullLiteral(fixture.type(SqlTypeName.DECIMAL, 10, 2)));
    fixture.check(call(SqlStdOperatorTable.GREATER_THAN, f("i"),
        rex.makeDynamicParam(fixture.type(SqlTypeName.INTEGER), 0)));
    fixture.check(call(SqlStdOperatorTable.EQUALS, f("s"),
        rex.makeDynamicParam(fixture.type(SqlTypeName.VARCHAR, 30), 1)));
  }

  @Test
  void integerArithmetic() {
    fixture.check(call(SqlStdOperatorTable.CHECKED_MINUS, f("i"), f("j")));
    fixture.check(call(SqlStdOperatorTable.CHECKED_MULTIPLY, f("l"), f("j")));
    fixture.check(call(SqlStdOperatorTable.CHECKED_DIVIDE, f("i"), f("j")));
    fixture.check(call(SqlStdOperatorTable.DIVIDE, f("l"), f("j")));
    fixture.check(call(SqlStdOperatorTable.MOD, f("i"), f("j")));
    fixture.check(call(SqlStdOperatorTable.PLUS, f("i"), f("j")));
    fixture.check(call(SqlStdOperatorTable.MINUS, f("i"), f("j")));
    fixture.check(call(SqlStdOperatorTable.CHECKED_UNARY_MINUS, f("l")));
    fixture.check(call(SqlStdOperatorTable.UNARY_MINUS, f("i")));
  }

  @Test
  void integerOverflowIs22003() {
    RexNode overflow = call(SqlStdOperatorTable.CHECKED_PLUS, f("i"), f("j"));
    fixture.check(overflow);
    assertThatThrownBy(() -> ExpressionCompiler.compile(overflow, fixture.rowType)
        .evaluate(fixture.batch(false), fixture.context()))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22003"))
        .hasMessageContaining("integer overflow");
    fixture.check(call(SqlStdOperatorTable.CHECKED_MULTIPLY, f("l"), f("l")));
  }

  @Test
  void divisionByZeroIs22012() {
    for (RexNode division : List.of(
        call(SqlStdOperatorTable.CHECKED_DIVIDE, f("i"), num("0")),
        rex.makeAbstractCast(fixture.type(SqlTypeName.DECIMAL, 38, 2),
            call(SqlStdOperatorTable.DIVIDE, f("d"), num("0.00")), false),
        call(SqlStdOperatorTable.MOD, f("i"), num("0")))) {
      assertThatThrownBy(() -> ExpressionCompiler.compile(division, fixture.rowType)
          .evaluate(fixture.batch(false), fixture.context()))
          .isInstanceOfSatisfying(StorageException.class,
              e -> assertThat(e.sqlState()).isEqualTo("22012"))
          .hasMessage("division by zero");
    }
  }

  @Test
  void decimalArithmetic() {
    for (SqlOperator op : List.of(SqlStdOperatorTable.PLUS, SqlStdOperatorTable.MINUS,
        SqlStdOperatorTable.MULTIPLY, SqlStdOperatorTable.DIVIDE, SqlStdOperatorTable.MOD)) {
      for (RexNode[] pair : new RexNode[][] {{f("d"), f("e")}, {f("d"), f("f")},
          {f("f"), f("e")}, {f("d"), f("j")}, {f("l"), f("e")}, {num("1"), f("e")}}) {
        RexNode plain = call(op, pair);
        // ConvertToChecked wraps decimal arithmetic in a CAST to its own type.
        fixture.check(rex.makeAbstractCast(plain.getType(), plain, false));
        if (op != SqlStdOperatorTable.DIVIDE && op != SqlStdOperatorTable.MOD) {
          fixture.check(plain);
        } else {
          // Unwrapped, Calcite keeps more digits than the type's scale: not covered.
          assertThat(ExpressionCompiler.compile(plain, fixture.rowType)).isNull();
        }
      }
    }
    // AVG as Calcite expands it: CAST(CAST(sum AS DECIMAL(15, 2)) / count AS DECIMAL(15, 2)).
    RelDataType money = fixture.type(SqlTypeName.DECIMAL, 15, 2);
    RexNode average = call(SqlStdOperatorTable.DIVIDE, rex.makeAbstractCast(money, f("f"),
        false), f("l"));
    fixture.check(rex.makeAbstractCast(money, average, false));
    // The same quotient object used again outside a CAST keeps all its digits in Calcite.
    RexNode quotient = call(SqlStdOperatorTable.DIVIDE, f("d"), f("e"));
    RexNode both = call(SqlStdOperatorTable.AND,
        call(SqlStdOperatorTable.GREATER_THAN, rex.makeAbstractCast(money, quotient, false),
            num("1")),
        call(SqlStdOperatorTable.GREATER_THAN, quotient, num("1")));
    assertThat(ExpressionCompiler.compile(both, fixture.rowType)).isNull();
    fixture.check(call(SqlStdOperatorTable.UNARY_MINUS, f("d")));
    fixture.check(call(SqlStdOperatorTable.MULTIPLY, f("d"), num("100.00")));
    RexNode cube = call(SqlStdOperatorTable.MULTIPLY,
        call(SqlStdOperatorTable.MULTIPLY, f("d"), f("d")), f("d"));
    fixture.check(cube);
    assertThat(ExpressionCompiler.compile(cube, fixture.rowType)
        .evaluate(fixture.batch(false), fixture.context()).isWideDecimal()).isTrue();
  }

  @Test
  void doubleArithmetic() {
    fixture.check(call(SqlStdOperatorTable.PLUS, f("x"), f("x")));
    fixture.check(call(SqlStdOperatorTable.DIVIDE, f("x"), f("x")));
    fixture.check(call(SqlStdOperatorTable.MULTIPLY, f("x"),
        rex.makeAbstractCast(fixture.type(SqlTypeName.DOUBLE), f("f"), false)));
    fixture.check(call(SqlStdOperatorTable.UNARY_MINUS, f("x")));
  }

  @Test
  void casts() {
    fixture.check(rex.makeAbstractCast(fixture.type(SqlTypeName.DECIMAL, 12, 2), f("i"),
        false));
    fixture.check(rex.makeAbstractCast(fixture.type(SqlTypeName.DECIMAL, 16, 1), f("d"),
        false));
    fixture.check(rex.makeAbstractCast(fixture.type(SqlTypeName.DECIMAL, 38, 6), f("d"),
        false));
    fixture.check(rex.makeAbstractCast(fixture.type(SqlTypeName.DECIMAL, 15, 2), f("f"),
        false));
    fixture.check(rex.makeAbstractCast(fixture.type(SqlTypeName.BIGINT), f("i"), false));
    fixture.check(rex.makeAbstractCast(fixture.type(SqlTypeName.INTEGER), f("f"), false));
    fixture.check(rex.makeAbstractCast(fixture.type(SqlTypeName.BIGINT), f("d"), false));
    fixture.check(rex.makeAbstractCast(fixture.type(SqlTypeName.INTEGER), f("d"), false));
    fixture.check(rex.makeAbstractCast(fixture.type(SqlTypeName.DOUBLE), f("d"), false));
    fixture.check(rex.makeAbstractCast(fixture.type(SqlTypeName.DOUBLE), f("l"), false));
    fixture.check(rex.makeAbstractCast(fixture.type(SqlTypeName.CHAR, 5), f("s"), false));
    fixture.check(rex.makeAbstractCast(fixture.type(SqlTypeName.VARCHAR, 2), f("s"), false));
    fixture.check(rex.makeAbstractCast(fixture.type(SqlTypeName.TIMESTAMP, 3), f("dt"),
        false));
    fixture.check(rex.makeAbstractCast(fixture.type(SqlTypeName.DATE), f("ts"), false));
  }

  @Test
  void decimalCastOverflowIs22003() {
    RexNode cast = rex.makeAbstractCast(fixture.type(SqlTypeName.DECIMAL, 5, 2), f("d"),
        false);
    fixture.check(cast);
    assertThatThrownBy(() -> ExpressionCompiler.compile(cast, fixture.rowType)
        .evaluate(fixture.batch(true), fixture.context()))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22003"))
        .hasMessageContaining("cannot be represented as a DECIMAL(5, 2)");
  }

  @Test
  void comparisons() {
    List<SqlOperator> ops = List.of(SqlStdOperatorTable.EQUALS, SqlStdOperatorTable.NOT_EQUALS,
        SqlStdOperatorTable.LESS_THAN, SqlStdOperatorTable.LESS_THAN_OR_EQUAL,
        SqlStdOperatorTable.GREATER_THAN, SqlStdOperatorTable.GREATER_THAN_OR_EQUAL);
    for (SqlOperator op : ops) {
      for (RexNode[] pair : new RexNode[][] {
          {f("i"), f("j")}, {f("d"), f("e")}, {f("d"), f("f")}, {f("x"), f("x")},
          {f("s"), str("abc")}, {f("i"), num("7")}, {num("7"), f("l")}, {f("d"), num("0.5")},
          {f("dt"), rex.makeDateLiteral(new DateString("1994-08-22"))}, {f("d"), f("i")}}) {
        RexNode comparison = call(op, pair);
        fixture.check(comparison);
        fixture.checkFilter(comparison);
      }
    }
  }

  @Test
  void logicAndNullTests() {
    RexNode positive = call(SqlStdOperatorTable.GREATER_THAN, f("i"), num("0"));
    RexNode big = call(SqlStdOperatorTable.GREATER_THAN, f("d"), num("5"));
    List<RexNode> conditions = List.of(
        call(SqlStdOperatorTable.AND, positive, f("b")),
        call(SqlStdOperatorTable.OR, positive, f("b")),
        call(SqlStdOperatorTable.AND, f("b"), big, positive),
        call(SqlStdOperatorTable.OR, call(SqlStdOperatorTable.NOT, f("b")), big),
        call(SqlStdOperatorTable.NOT, positive),
        call(SqlStdOperatorTable.IS_NULL, f("d")),
        call(SqlStdOperatorTable.IS_NOT_NULL, f("s")),
        call(SqlStdOperatorTable.IS_TRUE, f("b")),
        call(SqlStdOperatorTable.IS_NOT_TRUE, f("b")),
        call(SqlStdOperatorTable.IS_FALSE, f("b")),
        call(SqlStdOperatorTable.IS_NOT_FALSE, f("b")),
        call(SqlStdOperatorTable.IS_DISTINCT_FROM, f("i"), f("j")),
        call(SqlStdOperatorTable.IS_NOT_DISTINCT_FROM, f("d"), f("d")));
    for (RexNode condition : conditions) {
      fixture.check(condition);
      fixture.checkFilter(condition);
    }
  }

  @Test
  void nestedFilters() {
    RexNode promo = call(SqlStdOperatorTable.LIKE, f("s"), str("PROMO%"), str("\\"));
    RexNode cheap = rex.makeBetween(f("d"), num("-5"), num("10"));
    RexNode sized = rex.makeIn(f("j"), List.of(num("2"), num("3")));
    RexNode condition = call(SqlStdOperatorTable.OR,
        call(SqlStdOperatorTable.AND, promo, cheap, sized),
        call(SqlStdOperatorTable.AND, call(SqlStdOperatorTable.IS_NOT_NULL, f("x")),
            call(SqlStdOperatorTable.GREATER_THAN, call(SqlStdOperatorTable.MULTIPLY, f("d"),
                f("e")), num("100"))),
        call(SqlStdOperatorTable.AND, f("b"), call(SqlStdOperatorTable.NOT, sized)));
    fixture.check(condition);
    fixture.checkFilter(condition);
    RexNode shifted = rex.makeCall(SqlStdOperatorTable.CASE, f("b"),
        call(SqlStdOperatorTable.CONCAT, f("s"), str("!")), str("-"));
    fixture.checkFilter(call(SqlStdOperatorTable.EQUALS, shifted, str("abc!")));
    fixture.check(rex.makeCall(SqlStdOperatorTable.CASE, call(SqlStdOperatorTable.IS_TRUE,
        call(SqlStdOperatorTable.GREATER_THAN, f("l"), num("5"))), f("d"), f("e")));
  }

  @Test
  void guardedDivisionDoesNotFail() {
    RexNode nonZero = call(SqlStdOperatorTable.NOT_EQUALS, f("i"), num("0"));
    RexNode quotient = call(SqlStdOperatorTable.CHECKED_DIVIDE, f("j"), f("i"));
    fixture.check(rex.makeCall(SqlStdOperatorTable.CASE, nonZero, quotient, num("-1")));
    // Enumerable evaluates both sides of AND (and fails on row 3); the engine stops early.
    RexNode guarded = call(SqlStdOperatorTable.AND, nonZero,
        call(SqlStdOperatorTable.EQUALS, quotient, num("0")));
    int[] positions = new int[fixture.rows.size()];
    for (boolean wide : new boolean[] {false, true}) {
      int count = ExpressionCompiler.compileFilter(guarded, fixture.rowType)
          .filter(fixture.batch(wide), fixture.context(), positions);
      assertThat(java.util.Arrays.copyOf(positions, count)).containsExactly(0, 1, 4, 5);
    }
  }

  @Test
  void characterComparisons() {
    RexNode padded = rex.makeAbstractCast(fixture.type(SqlTypeName.CHAR, 5), f("s"), false);
    fixture.check(call(SqlStdOperatorTable.EQUALS, padded, f("s")));
    fixture.check(call(SqlStdOperatorTable.LESS_THAN, padded, str("abc")));
    fixture.checkFilter(call(SqlStdOperatorTable.EQUALS, padded, str("abc  ")));
  }

  @Test
  void caseAndCoalesce() {
    RexNode positive = call(SqlStdOperatorTable.GREATER_THAN, f("i"), num("0"));
    fixture.check(rex.makeCall(SqlStdOperatorTable.CASE, positive, f("d"), f("b"), f("e"),
        rex.makeNullLiteral(f("d").getType())));
    fixture.check(rex.makeCall(SqlStdOperatorTable.CASE, f("b"), f("s"), str("zz")));
    fixture.check(rex.makeCall(SqlStdOperatorTable.CASE, positive, f("x"),
        rex.makeApproxLiteral(BigDecimal.ONE)));
    fixture.check(call(SqlStdOperatorTable.COALESCE, f("i"), f("j")));
    fixture.check(call(SqlStdOperatorTable.COALESCE, f("l"),
        rex.makeBigintLiteral(BigDecimal.valueOf(-1))));
  }

  @Test
  void search() {
    List<RexNode> searches = List.of(
        rex.makeIn(f("i"), List.of(num("1"), num("7"), num("100"))),
        rex.makeIn(f("s"), List.of(str("abc"), str("x\ny"))),
        rex.makeIn(f("d"), List.of(num("10.00"), num("0.01"), num("5"))),
        rex.makeBetween(f("d"), num("0"), num("123.45")),
        rex.makeBetween(f("f"), num("-0.00005"), num("1.23455")),
        rex.makeBetween(f("x"), num("-2.25"), num("1.5")),
        rex.makeBetween(f("l"), num("3"), num("42")),
        rex.makeBetween(f("dt"), rex.makeDateLiteral(new DateString("1970-01-01")),
            rex.makeDateLiteral(new DateString("2000-01-01"))),
        rex.makeBetween(f("s"), str("a"), str("b")),
        rex.makeBetween(f("ts"), rex.makeTimestampLiteral(
            new org.apache.calcite.util.TimestampString("1970-01-01 00:00:00"), 3),
            rex.makeTimestampLiteral(
                new org.apache.calcite.util.TimestampString("1994-08-22 01:00:00"), 3)),
        call(SqlStdOperatorTable.NOT, rex.makeIn(f("j"), List.of(num("1"), num("2")))));
    for (RexNode search : searches) {
      assertThat(search.toString()).contains("SEARCH");
      fixture.check(search);
      fixture.checkFilter(search);
    }
  }

  @Test
  void like() {
    for (String pattern : List.of("abc", "a%", "%c", "%b%", "%O%U%", "a\\_b%", "a_b%",
        "%\\%%", "%spe.cial(\\%)", "x%y", "x_y", "_", "%", "", "%.%", "PROMO%", "a%c%c",
        "\\\\%")) {
      RexNode like = call(SqlStdOperatorTable.LIKE, f("s"), str(pattern), str("\\"));
      fixture.check(like);
      fixture.checkFilter(like);
      fixture.check(call(SqlStdOperatorTable.NOT, like));
    }
  }

  @Test
  void stringFunctions() {
    fixture.check(call(SqlStdOperatorTable.SUBSTRING, f("s"), num("2"), num("3")));
    fixture.check(call(SqlStdOperatorTable.SUBSTRING, f("s"), num("0"), num("2")));
    fixture.check(call(SqlStdOperatorTable.SUBSTRING, f("s"), num("3")));
    fixture.check(call(SqlStdOperatorTable.UPPER, f("s")));
    fixture.check(call(SqlStdOperatorTable.LOWER, f("s")));
    fixture.check(call(SqlStdOperatorTable.CHAR_LENGTH, f("s")));
    fixture.check(call(SqlStdOperatorTable.CONCAT, f("s"), f("s")));
  }

  @Test
  void extract() {
    for (TimeUnitRange unit : List.of(TimeUnitRange.YEAR, TimeUnitRange.QUARTER,
        TimeUnitRange.MONTH, TimeUnitRange.DAY, TimeUnitRange.DOW, TimeUnitRange.DOY)) {
      fixture.check(call(SqlStdOperatorTable.EXTRACT, rex.makeFlag(unit), f("dt")));
      fixture.check(call(SqlStdOperatorTable.EXTRACT, rex.makeFlag(unit), f("ts")));
    }
  }

  @Test
  void numericFunctions() {
    for (String name : List.of("d", "f", "x", "i", "l")) {
      fixture.check(call(SqlStdOperatorTable.FLOOR, f(name)));
      fixture.check(call(SqlStdOperatorTable.CEIL, f(name)));
      fixture.check(call(SqlStdOperatorTable.ABS, f(name)));
    }
    for (String name : List.of("d", "f", "x")) {
      fixture.check(call(SqlStdOperatorTable.ROUND, f(name)));
      fixture.check(call(SqlStdOperatorTable.ROUND, f(name), num("1")));
      fixture.check(call(SqlStdOperatorTable.ROUND, f(name), num("3")));
      fixture.check(call(SqlStdOperatorTable.ROUND, f(name), num("-1")));
    }
    // Redshift's narrowing cast: ROUND to the target scale, then CAST.
    RexNode rounded = call(SqlStdOperatorTable.ROUND, f("f"), num("2"));
    fixture.check(rex.makeAbstractCast(fixture.type(SqlTypeName.DECIMAL, 12, 2), rounded,
        false));
  }

  @Test
  void dateArithmetic() {
    RexNode days = rex.makeIntervalLiteral(BigDecimal.valueOf(3 * DAY),
        new SqlIntervalQualifier(TimeUnit.DAY, null, SqlParserPos.ZERO));
    RexNode hours = rex.makeIntervalLiteral(BigDecimal.valueOf(30 * 3_600_000L),
        new SqlIntervalQualifier(TimeUnit.HOUR, null, SqlParserPos.ZERO));
    RexNode months = rex.makeIntervalLiteral(BigDecimal.valueOf(14),
        new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, SqlParserPos.ZERO));
    for (RexNode interval : List.of(days, hours, months)) {
      for (String name : List.of("dt", "ts")) {
        fixture.check(call(SqlStdOperatorTable.DATETIME_PLUS, f(name), interval));
        fixture.check(rex.makeCall(f(name).getType(), SqlStdOperatorTable.MINUS_DATE,
            List.of(f(name), interval)));
      }
    }
    RexNode later = call(SqlStdOperatorTable.DATETIME_PLUS, f("dt"), months);
    fixture.checkFilter(call(SqlStdOperatorTable.LESS_THAN, f("dt"), later));
  }

  @Test
  void trimAndPosition() {
    for (SqlTrimFunction.Flag flag : SqlTrimFunction.Flag.values()) {
      fixture.check(rex.makeCall(SqlStdOperatorTable.TRIM, rex.makeFlag(flag), str("a"),
          f("s")));
      fixture.check(rex.makeCall(SqlStdOperatorTable.TRIM, rex.makeFlag(flag), str(" "),
          rex.makeAbstractCast(fixture.type(SqlTypeName.CHAR, 5), f("s"), false)));
    }
    fixture.check(call(SqlStdOperatorTable.POSITION, str("b"), f("s")));
    fixture.check(call(SqlStdOperatorTable.POSITION, f("s"), f("s")));
  }

  @Test
  void unsupportedCompilesToNull() {
    assertThat(ExpressionCompiler.compile(call(SqlStdOperatorTable.SIN, f("x")),
        fixture.rowType)).isNull();
    assertThat(ExpressionCompiler.compile(call(SqlStdOperatorTable.PLUS, f("i"),
        call(SqlStdOperatorTable.CHAR_LENGTH, call(SqlStdOperatorTable.REPLACE, f("s"),
            str("a"), str("b")))), fixture.rowType)).isNull();
    assertThat(ExpressionCompiler.compileFilter(call(SqlStdOperatorTable.AND, f("b"),
        call(SqlStdOperatorTable.SIMILAR_TO, f("s"), str("a"))), fixture.rowType)).isNull();
    RelDataType withArray = fixture.typeFactory.builder()
        .add("a", fixture.typeFactory.createArrayType(
            fixture.typeFactory.createSqlType(SqlTypeName.INTEGER), -1))
        .build();
    assertThat(ExpressionCompiler.compile(rex.makeLiteral(true), withArray)).isNull();
  }
}
