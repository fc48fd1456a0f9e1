package io.basalt.planner.rel.pushdown;

import io.basalt.planner.source.SqlSource;
import java.util.Set;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Sarg;

/**
 * What a SQL source computes exactly as Basalt does, and so may be sent to it. An allow-list,
 * not a deny-list: an operator not named here (Redshift's own functions such as LEN, DATEADD and
 * DATEDIFF, functions of other libraries such as NVL2, division, casts to or from strings,
 * window functions, sub-queries, statement parameters) stays in Basalt.
 *
 * <p>Every source: comparisons, AND/OR/NOT, IS [NOT] NULL, IN and BETWEEN on numbers (not REAL),
 * dates, timestamps and booleans; COUNT, SUM, MIN and MAX on those; AVG on DOUBLE only (AVG of
 * integers is an integer in Redshift and a decimal elsewhere); ORDER BY on those with an explicit
 * null order; LIMIT and OFFSET literals (on MySQL no OFFSET without LIMIT). Strings only where the source {@link
 * SqlSource#comparesStringsExactly compares them exactly}, and then only for equality (string
 * order depends on the database's collation): equality, IN, GROUP BY, COUNT(DISTINCT) and join
 * keys; casts that widen exact numbers. PostgreSQL also: +, -, * (it fails on integer overflow
 * as Redshift does), CASE and COALESCE of non-strings, casts to DOUBLE and of DATE to TIMESTAMP,
 * LIKE with a pattern without backslash.
 */
final class RemoteExpressions {
  private static final Set<SqlOperator> LOGICAL = Set.of(SqlStdOperatorTable.AND,
      SqlStdOperatorTable.OR, SqlStdOperatorTable.NOT, SqlStdOperatorTable.IS_NULL,
      SqlStdOperatorTable.IS_NOT_NULL, SqlStdOperatorTable.IS_TRUE,
      SqlStdOperatorTable.IS_NOT_TRUE, SqlStdOperatorTable.IS_FALSE,
      SqlStdOperatorTable.IS_NOT_FALSE);
  private static final Set<SqlOperator> EQUALITY = Set.of(SqlStdOperatorTable.EQUALS,
      SqlStdOperatorTable.NOT_EQUALS);
  private static final Set<SqlOperator> ORDERING = Set.of(SqlStdOperatorTable.LESS_THAN,
      SqlStdOperatorTable.LESS_THAN_OR_EQUAL, SqlStdOperatorTable.GREATER_THAN,
      SqlStdOperatorTable.GREATER_THAN_OR_EQUAL);
  private static final Set<SqlOperator> ARITHMETIC = Set.of(SqlStdOperatorTable.PLUS,
      SqlStdOperatorTable.MINUS, SqlStdOperatorTable.MULTIPLY, SqlStdOperatorTable.UNARY_MINUS,
      SqlStdOperatorTable.CHECKED_PLUS, SqlStdOperatorTable.CHECKED_MINUS,
      SqlStdOperatorTable.CHECKED_MULTIPLY, SqlStdOperatorTable.CHECKED_UNARY_MINUS);
  private static final Set<SqlOperator> CONDITIONAL = Set.of(SqlStdOperatorTable.CASE,
      SqlStdOperatorTable.COALESCE);

  private final boolean exactStrings;
  private final boolean postgres;

  private RemoteExpressions(boolean exactStrings, boolean postgres) {
    this.exactStrings = exactStrings;
    this.postgres = postgres;
  }

  static RemoteExpressions of(SqlSource source) {
    return new RemoteExpressions(source.comparesStringsExactly(),
        source.dialect().getDatabaseProduct() == SqlDialect.DatabaseProduct.POSTGRESQL);
  }

  boolean filter(Filter filter) {
    return value(filter.getCondition());
  }

  boolean project(Project project) {
    return project.getVariablesSet().isEmpty()
        && project.getProjects().stream().allMatch(this::value);
  }

  boolean join(Join join) {
    JoinRelType type = join.getJoinType();
    return (type == JoinRelType.INNER || type == JoinRelType.LEFT || type == JoinRelType.RIGHT
        || type == JoinRelType.FULL) && join.getVariablesSet().isEmpty()
        && value(join.getCondition());
  }

  boolean sort(Sort sort) {
    if (!literalOrAbsent(sort.offset) || !literalOrAbsent(sort.fetch)) {
      return false;
    }
    if (!postgres && sort.offset != null && sort.fetch == null) {
      return false; // MySQL has no OFFSET without LIMIT.
    }
    for (RelFieldCollation key : sort.getCollation().getFieldCollations()) {
      RelDataType type = sort.getInput().getRowType().getFieldList()
          .get(key.getFieldIndex()).getType();
      if (!comparable(type, false)
          || key.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED) {
        return false;
      }
    }
    return true;
  }

  boolean aggregate(Aggregate aggregate) {
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      return false;
    }
    for (int key : aggregate.getGroupSet()) {
      if (!comparable(fieldType(aggregate, key), true)) {
        return false;
      }
    }
    return aggregate.getAggCallList().stream().allMatch(call -> aggregateCall(aggregate, call));
  }

  private boolean aggregateCall(Aggregate aggregate, AggregateCall call) {
    if (call.hasFilter() || call.distinctKeys != null || call.isApproximate()
        || !call.getCollation().getFieldCollations().isEmpty() || call.getArgList().size() > 1) {
      return false;
    }
    SqlOperator function = call.getAggregation();
    if (call.getArgList().isEmpty()) {
      return function == SqlStdOperatorTable.COUNT && !call.isDistinct();
    }
    RelDataType argument = fieldType(aggregate, call.getArgList().get(0));
    if (function == SqlStdOperatorTable.COUNT) {
      return !call.isDistinct() || comparable(argument, true);
    }
    if (call.isDistinct()) {
      return false;
    }
    if (function == SqlStdOperatorTable.SUM || function == SqlStdOperatorTable.MIN
        || function == SqlStdOperatorTable.MAX) {
      return comparable(argument, false) && argument.getSqlTypeName() != SqlTypeName.BOOLEAN
          && (function != SqlStdOperatorTable.SUM || numeric(argument));
    }
    return function == SqlStdOperatorTable.AVG
        && argument.getSqlTypeName() == SqlTypeName.DOUBLE;
  }

  private static RelDataType fieldType(Aggregate aggregate, int field) {
    return aggregate.getInput().getRowType().getFieldList().get(field).getType();
  }

  /** Whether the source computes {@code node}'s value as Basalt does. */
  boolean value(RexNode node) {
    if (node instanceof RexInputRef) {
      return true;
    }
    if (node instanceof RexLiteral literal) {
      return literal(literal);
    }
    if (node instanceof RexOver || !(node instanceof RexCall call)) {
      // Windows, statement parameters, correlation variables, sub-queries.
      return false;
    }
    SqlOperator operator = call.getOperator();
    if (LOGICAL.contains(operator)) {
      return operands(call);
    }
    if (EQUALITY.contains(operator) || ORDERING.contains(operator)) {
      boolean equality = EQUALITY.contains(operator);
      return call.getOperands().stream().allMatch(o -> comparable(o.getType(), equality))
          && operands(call);
    }
    if (operator == SqlStdOperatorTable.SEARCH) {
      return search(call);
    }
    if (operator == SqlStdOperatorTable.CAST) {
      return wideningCast(call.getOperands().get(0).getType(), call.getType())
          && (postgres || exact(call.getType())) && operands(call);
    }
    if (!postgres) {
      return false;
    }
    if (ARITHMETIC.contains(operator)) {
      return numeric(call.getType()) && call.getOperands().stream()
          .allMatch(o -> numeric(o.getType())) && operands(call);
    }
    if (CONDITIONAL.contains(operator)) {
      return !character(call.getType()) && comparable(call.getType(), false) && operands(call);
    }
    if (operator == SqlStdOperatorTable.LIKE
        && call.getOperands().get(1) instanceof RexLiteral pattern && defaultEscape(call)) {
      String text = pattern.getValueAs(String.class);
      return text != null && text.indexOf('\\') < 0 && exactStrings
          && value(call.getOperands().get(0));
    }
    return false;
  }

  /**
   * Whether a LIKE has no escape or Basalt's default one, a backslash, which PostgreSQL's LIKE
   * also takes by default (Basalt's parser writes it out as a third operand).
   */
  private static boolean defaultEscape(RexCall like) {
    if (like.getOperands().size() == 2) {
      return true;
    }
    return like.getOperands().size() == 3
        && like.getOperands().get(2) instanceof RexLiteral escape
        && "\\".equals(escape.getValueAs(String.class));
  }

  private boolean operands(RexCall call) {
    return call.getOperands().stream().allMatch(this::value);
  }

  private boolean search(RexCall call) {
    RexNode operand = call.getOperands().get(0);
    if (!(call.getOperands().get(1) instanceof RexLiteral literal)
        || !(literal.getValue() instanceof Sarg<?> sarg)) {
      return false;
    }
    if (character(operand.getType())) {
      return sarg.isPoints() && comparable(operand.getType(), true) && value(operand)
          && sarg.rangeSet.asRanges().stream().allMatch(range -> !range.hasLowerBound()
              || safeString(String.valueOf(range.lowerEndpoint())));
    }
    return comparable(operand.getType(), false) && value(operand);
  }

  private boolean literal(RexLiteral literal) {
    RelDataType type = literal.getType();
    if (literal.isNull()) {
      return comparable(type, true) || character(type);
    }
    if (character(type)) {
      String text = literal.getValueAs(String.class);
      return text != null && safeString(text);
    }
    return comparable(type, false);
  }

  /** MySQL reads a backslash in a string literal as an escape. */
  private boolean safeString(String text) {
    return postgres || text.indexOf('\\') < 0;
  }

  /**
   * Whether values of {@code type} compare (and group, and sort) in the source as in Basalt:
   * exact numbers, DOUBLE, dates, timestamps without time zone and booleans; strings for
   * equality where the source compares them exactly.
   */
  private boolean comparable(RelDataType type, boolean equality) {
    SqlTypeName name = type.getSqlTypeName();
    if (character(type)) {
      return equality && exactStrings;
    }
    return switch (name) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, DOUBLE, DATE, TIMESTAMP, BOOLEAN -> true;
      default -> false;
    };
  }

  private static boolean character(RelDataType type) {
    return type.getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER;
  }

  /** Exact numbers, the only cast targets MySQL's dialect writes as Basalt means them. */
  private static boolean exact(RelDataType type) {
    return numeric(type) && type.getSqlTypeName() != SqlTypeName.DOUBLE;
  }

  private static boolean numeric(RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, DOUBLE -> true;
      default -> false;
    };
  }

  /** A cast that changes no value: to a wider integer, a decimal holding it, or DOUBLE. */
  private static boolean wideningCast(RelDataType from, RelDataType to) {
    if (!numeric(from) || !numeric(to)) {
      return from.getSqlTypeName() == SqlTypeName.DATE
          && to.getSqlTypeName() == SqlTypeName.TIMESTAMP;
    }
    SqlTypeName target = to.getSqlTypeName();
    if (target == SqlTypeName.DOUBLE) {
      return true;
    }
    if (from.getSqlTypeName() == SqlTypeName.DOUBLE) {
      return false;
    }
    int fromDigits = digits(from);
    int toDigits = digits(to);
    int fromScale = Math.max(0, from.getScale());
    int toScale = target == SqlTypeName.DECIMAL ? Math.max(0, to.getScale()) : 0;
    return toScale >= fromScale && toDigits - toScale >= fromDigits - fromScale;
  }

  private static int digits(RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case TINYINT -> 3;
      case SMALLINT -> 5;
      case INTEGER -> 10;
      case BIGINT -> 19;
      default -> type.getPrecision();
    };
  }

  private static boolean literalOrAbsent(RexNode node) {
    return node == null || node instanceof RexLiteral;
  }
}
