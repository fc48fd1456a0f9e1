package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.ColumnKind;
import io.basalt.planner.exec.ColumnKinds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.Sarg;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Compiles Calcite row expressions into {@link VectorExpression}s and {@link VectorFilter}s for
 * Basalt's engine, computing exactly what Calcite's Enumerable code computes; anything it does
 * not cover compiles to null, so the caller leaves the operator to Enumerable.
 */
public final class ExpressionCompiler {
  private final RelDataType inputRowType;
  /**
   * A DECIMAL arithmetic call directly under a CAST to no more decimal places: its value may be
   * truncated to its type's scale, because the CAST truncates further anyway. Elsewhere Calcite
   * keeps every digit of a product or quotient, which a column at the type's scale cannot hold.
   */
  private RexNode truncatable;
  private final FunctionCompiler functions = new FunctionCompiler(this::expression);

  private ExpressionCompiler(RelDataType inputRowType) {
    this.inputRowType = inputRowType;
  }

  /**
   * {@code node}'s value per row of batches whose fields are typed by {@code inputRowType};
   * null when any part is unsupported.
   */
  public static @Nullable VectorExpression compile(RexNode node, RelDataType inputRowType) {
    if (!ColumnKinds.supportsRow(inputRowType)) {
      return null;
    }
    return new ExpressionCompiler(inputRowType).expression(node);
  }

  /** Compiles a BOOLEAN condition as a filter; null when any part is unsupported. */
  public static @Nullable VectorFilter compileFilter(RexNode condition,
      RelDataType inputRowType) {
    if (!ColumnKinds.supportsRow(inputRowType)) {
      return null;
    }
    return new ExpressionCompiler(inputRowType).filter(condition);
  }

  private Filters.PositionFilter filter(RexNode condition) {
    if (condition.getType().getSqlTypeName() != SqlTypeName.BOOLEAN) {
      return null;
    }
    if (condition.getKind() == SqlKind.AND || condition.getKind() == SqlKind.OR) {
      List<Filters.PositionFilter> parts = new ArrayList<>();
      for (RexNode operand : ((RexCall) condition).getOperands()) {
        Filters.PositionFilter part = filter(operand);
        if (part == null) {
          return null;
        }
        parts.add(part);
      }
      return condition.getKind() == SqlKind.AND ? new Filters.And(parts) : new Filters.Or(parts);
    }
    VectorExpression expression = expression(condition);
    if (expression == null) {
      return null;
    }
    if (expression instanceof Search search) {
      return new Filters.SearchFilter(search);
    }
    if (expression instanceof Comparison comparison) {
      Filters.ColumnConstant columnConstant = Filters.ColumnConstant.of(comparison);
      if (columnConstant != null) {
        return columnConstant;
      }
    }
    return new Filters.Generic(scoped(expression, condition));
  }

  /** Tags an expression with the input fields it reads (see {@link Columns#evaluateAt}). */
  private static VectorExpression scoped(VectorExpression expression, RexNode node) {
    if (expression instanceof Leaves.InputRef || expression instanceof Leaves.Constant) {
      return expression;
    }
    return new Columns.Scoped(expression, RelOptUtil.InputFinder.bits(node).toArray());
  }

  private static List<VectorExpression> scoped(List<VectorExpression> expressions,
      List<RexNode> nodes) {
    List<VectorExpression> result = new ArrayList<>();
    for (int i = 0; i < expressions.size(); i++) {
      result.add(scoped(expressions.get(i), nodes.get(i)));
    }
    return result;
  }

  private VectorExpression expression(RexNode node) {
    ColumnKind kind = ColumnKinds.of(node.getType());
    if (kind == null) {
      return null;
    }
    int scale = kind == ColumnKind.DECIMAL ? node.getType().getScale() : 0;
    if (node instanceof RexInputRef ref) {
      RelDataType fieldType = inputRowType.getFieldList().get(ref.getIndex()).getType();
      if (ColumnKinds.of(fieldType) != kind || kind == ColumnKind.DECIMAL
          && fieldType.getScale() != scale) {
        return null;
      }
      return new Leaves.InputRef(ref.getIndex());
    }
    if (node instanceof RexLiteral literal) {
      Object value = literalValue(literal, kind);
      if (value == null && !literal.isNull()) {
        return null;
      }
      return new Leaves.Constant(kind, scale, value);
    }
    if (node instanceof RexDynamicParam param) {
      return new Leaves.DynamicParam(param.getIndex(), kind, scale);
    }
    if (node instanceof RexCall call) {
      return call(call, kind, scale);
    }
    return null;
  }

  /** A literal's value in Calcite's internal representation for its kind, or null. */
  private static Object literalValue(RexLiteral literal, ColumnKind kind) {
    if (literal.isNull()) {
      return null;
    }
    SqlTypeName type = literal.getType().getSqlTypeName();
    return switch (kind) {
      case LONG -> switch (type) {
        case BOOLEAN -> literal.getValueAs(Boolean.class);
        case DATE, TIME -> literal.getValueAs(Integer.class);
        case TINYINT, SMALLINT, INTEGER, BIGINT, TIMESTAMP -> literal.getValueAs(Long.class);
        default -> SqlTypeUtil.isInterval(literal.getType())
            ? literal.getValueAs(Long.class) : null;
      };
      case DOUBLE -> literal.getValueAs(Double.class);
      case DECIMAL -> literal.getValueAs(BigDecimal.class);
      case STRING -> literal.getValueAs(String.class);
    };
  }

  private List<VectorExpression> operands(RexCall call) {
    List<VectorExpression> operands = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      VectorExpression compiled = expression(operand);
      if (compiled == null) {
        return null;
      }
      operands.add(compiled);
    }
    return operands;
  }

  private VectorExpression call(RexCall call, ColumnKind kind, int scale) {
    // Read before the operands are compiled: a CAST among them sets its own.
    boolean mayTruncate = call == truncatable;
    SqlKind sqlKind = call.getKind();
    List<RexNode> rexOperands = call.getOperands();
    if (sqlKind == SqlKind.CAST) {
      RelDataType from = rexOperands.get(0).getType();
      if (SqlTypeUtil.isDecimal(call.getType()) && SqlTypeUtil.isDecimal(from)
          && call.getType().getScale() <= from.getScale()) {
        truncatable = rexOperands.get(0);
      }
      VectorExpression operand = expression(rexOperands.get(0));
      // RexNodes are shared within a tree; another use of the operand may not truncate.
      truncatable = null;
      return operand == null ? null : Cast.of(operand, from, call.getType());
    }
    if (sqlKind == SqlKind.SEARCH) {
      VectorExpression operand = expression(rexOperands.get(0));
      ColumnKind operandKind = ColumnKinds.of(rexOperands.get(0).getType());
      if (operand == null || !(rexOperands.get(1) instanceof RexLiteral literal)) {
        return null;
      }
      RelDataType operandType = rexOperands.get(0).getType();
      int operandScale = operandKind == ColumnKind.DECIMAL ? operandType.getScale() : 0;
      return Search.of(scoped(operand, rexOperands.get(0)), operandKind, operandScale,
          literal.getValueAs(Sarg.class));
    }
    if (sqlKind == SqlKind.LIKE) {
      return functions.like(call);
    }
    if (sqlKind == SqlKind.EXTRACT) {
      return functions.extract(call);
    }
    if (sqlKind == SqlKind.TRIM) {
      return functions.trim(call);
    }
    if (call.getOperator() == SqlStdOperatorTable.DATETIME_PLUS
        || call.getOperator() == SqlStdOperatorTable.MINUS_DATE) {
      // Calcite's convertlets write datetime +/- interval with these two operators only.
      return functions.dateArithmetic(call, sqlKind == SqlKind.MINUS);
    }
    List<VectorExpression> operands = operands(call);
    if (operands == null) {
      return null;
    }
    switch (sqlKind) {
      case PLUS, MINUS, TIMES, DIVIDE, MOD, CHECKED_PLUS, CHECKED_MINUS, CHECKED_TIMES,
          CHECKED_DIVIDE:
        return arithmetic(call, sqlKind, operands, kind, scale, mayTruncate);
      case MINUS_PREFIX, CHECKED_MINUS_PREFIX: {
        if (!numeric(call.getType()) || !sameKind(rexOperands.get(0), kind, scale)) {
          return null;
        }
        Cast.Range range = Cast.Range.of(call.getType().getSqlTypeName());
        return new Arithmetic.Negate(operands.get(0), kind, scale, range.min(), range.max(),
            sqlKind == SqlKind.CHECKED_MINUS_PREFIX);
      }
      case PLUS_PREFIX:
        return operands.get(0);
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN,
          GREATER_THAN_OR_EQUAL:
        if (!comparable(rexOperands.get(0).getType(), rexOperands.get(1).getType())) {
          return null;
        }
        return new Comparison(comparisonOp(sqlKind), operands.get(0), operands.get(1));
      case IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM:
        if (!comparable(rexOperands.get(0).getType(), rexOperands.get(1).getType())) {
          return null;
        }
        return new Logic.Distinct(operands.get(0), operands.get(1),
            sqlKind == SqlKind.IS_DISTINCT_FROM);
      case AND, OR:
        return new Logic.Junction(scoped(operands, rexOperands), sqlKind == SqlKind.AND);
      case NOT:
        return new Logic.Not(operands.get(0));
      case IS_NULL:
        return new Logic.Is(operands.get(0), Logic.Test.IS_NULL);
      case IS_NOT_NULL:
        return new Logic.Is(operands.get(0), Logic.Test.IS_NOT_NULL);
      case IS_TRUE:
        return new Logic.Is(operands.get(0), Logic.Test.IS_TRUE);
      case IS_NOT_TRUE:
        return new Logic.Is(operands.get(0), Logic.Test.IS_NOT_TRUE);
      case IS_FALSE:
        return new Logic.Is(operands.get(0), Logic.Test.IS_FALSE);
      case IS_NOT_FALSE:
        return new Logic.Is(operands.get(0), Logic.Test.IS_NOT_FALSE);
      case CASE:
        for (int i = 1; i < rexOperands.size(); i += 2) {
          if (!sameKind(rexOperands.get(i), kind, scale)) {
            return null;
          }
        }
        if (!sameKind(rexOperands.get(rexOperands.size() - 1), kind, scale)) {
          return null;
        }
        return new Conditional.Case(scoped(operands, rexOperands), kind, scale);
      case COALESCE:
        for (RexNode operand : rexOperands) {
          if (!sameKind(operand, kind, scale)) {
            return null;
          }
        }
        return new Conditional.Coalesce(scoped(operands, rexOperands), kind, scale);
      default:
        return functions.function(call, operands);
    }
  }

  private VectorExpression arithmetic(RexCall call, SqlKind sqlKind,
      List<VectorExpression> operands, ColumnKind kind, int scale, boolean mayTruncate) {
    RelDataType type = call.getType();
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    if (!numeric(type) || !numeric(left.getType()) || !numeric(right.getType())) {
      return null;
    }
    if (kind == ColumnKind.LONG && (!Cast.isInteger(left.getType().getSqlTypeName())
        || !Cast.isInteger(right.getType().getSqlTypeName()))) {
      return null;
    }
    if (kind == ColumnKind.DECIMAL && (ColumnKinds.of(left.getType()) == ColumnKind.DOUBLE
        || ColumnKinds.of(right.getType()) == ColumnKind.DOUBLE)) {
      return null;
    }
    Arithmetic.Op op = switch (sqlKind) {
      case PLUS, CHECKED_PLUS -> Arithmetic.Op.PLUS;
      case MINUS, CHECKED_MINUS -> Arithmetic.Op.MINUS;
      case TIMES, CHECKED_TIMES -> Arithmetic.Op.TIMES;
      case DIVIDE, CHECKED_DIVIDE -> Arithmetic.Op.DIVIDE;
      default -> Arithmetic.Op.MOD;
    };
    if (kind == ColumnKind.DECIMAL && sqlKind == SqlKind.CHECKED_DIVIDE) {
      // Calcite divides checked decimals with HALF_DOWN at the dividend's scale; not covered.
      return null;
    }
    if (kind == ColumnKind.DECIMAL && !mayTruncate && !exactDecimal(op, left, right,
        scale)) {
      return null;
    }
    Cast.Range range = Cast.Range.of(type.getSqlTypeName());
    boolean checked = sqlKind.name().startsWith("CHECKED_");
    return new Arithmetic(op, operands.get(0), operands.get(1), kind, scale, range.min(),
        range.max(), checked);
  }

  /** Whether Calcite's value of a DECIMAL operation always has exactly the type's scale. */
  private static boolean exactDecimal(Arithmetic.Op op, RexNode left, RexNode right,
      int scale) {
    int scaleLeft = decimalScale(left.getType());
    int scaleRight = decimalScale(right.getType());
    return switch (op) {
      case PLUS, MINUS -> Math.max(scaleLeft, scaleRight) == scale;
      case TIMES -> scaleLeft + scaleRight == scale;
      case DIVIDE, MOD -> false;
    };
  }

  private static int decimalScale(RelDataType type) {
    return SqlTypeUtil.isDecimal(type) ? type.getScale() : 0;
  }

  private static boolean numeric(RelDataType type) {
    return SqlTypeUtil.isNumeric(type);
  }

  private static boolean sameKind(RexNode node, ColumnKind kind, int scale) {
    ColumnKind other = ColumnKinds.of(node.getType());
    return other == kind && (kind != ColumnKind.DECIMAL || node.getType().getScale() == scale);
  }

  /** Whether the engine compares these types the way Calcite does. */
  private static boolean comparable(RelDataType left, RelDataType right) {
    ColumnKind a = ColumnKinds.of(left);
    ColumnKind b = ColumnKinds.of(right);
    if (a == null || b == null) {
      return false;
    }
    if (a == ColumnKind.STRING || b == ColumnKind.STRING) {
      // Enumerable compares the Java strings as they are, CHAR or VARCHAR alike.
      return a == b;
    }
    if (numeric(left) && numeric(right)) {
      return true;
    }
    return left.getSqlTypeName() == right.getSqlTypeName();
  }

  private static Comparison.Op comparisonOp(SqlKind kind) {
    return switch (kind) {
      case EQUALS -> Comparison.Op.EQ;
      case NOT_EQUALS -> Comparison.Op.NE;
      case LESS_THAN -> Comparison.Op.LT;
      case LESS_THAN_OR_EQUAL -> Comparison.Op.LE;
      case GREATER_THAN -> Comparison.Op.GT;
      default -> Comparison.Op.GE;
    };
  }
}
