package io.basalt.planner.exec.expr;

import io.basalt.planner.exec.ColumnKind;
import io.basalt.planner.exec.ColumnKinds;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * The function calls of {@link ExpressionCompiler}: string functions, LIKE, EXTRACT, datetime
 * plus or minus an interval and the rounding functions; each returns null when unsupported.
 */
final class FunctionCompiler {
  private final Function<RexNode, VectorExpression> compiler;

  FunctionCompiler(Function<RexNode, VectorExpression> compiler) {
    this.compiler = compiler;
  }

  VectorExpression function(RexCall call, List<VectorExpression> operands) {
    var operator = call.getOperator();
    if (operator == SqlStdOperatorTable.UPPER) {
      return new Strings.UnaryString(operands.get(0), Strings.Unary.UPPER);
    }
    if (operator == SqlStdOperatorTable.LOWER) {
      return new Strings.UnaryString(operands.get(0), Strings.Unary.LOWER);
    }
    if (operator == SqlStdOperatorTable.CHAR_LENGTH
        || operator == SqlStdOperatorTable.CHARACTER_LENGTH) {
      return new Strings.UnaryString(operands.get(0), Strings.Unary.CHAR_LENGTH);
    }
    if (operator == SqlStdOperatorTable.SUBSTRING && allInteger(call, 1)) {
      return new Strings.Substring(operands.get(0), operands.get(1),
          operands.size() > 2 ? operands.get(2) : null);
    }
    if (operator == SqlStdOperatorTable.POSITION && operands.size() == 2) {
      return new Strings.Position(operands.get(0), operands.get(1));
    }
    if (operator == SqlStdOperatorTable.FLOOR || operator == SqlStdOperatorTable.CEIL
        || operator == SqlStdOperatorTable.ABS || operator == SqlStdOperatorTable.ROUND) {
      return rounding(call, operands);
    }
    if (operator == SqlStdOperatorTable.CONCAT && operands.size() == 2
        && call.getOperands().stream().allMatch(o -> SqlTypeUtil.isCharacter(o.getType()))) {
      // Enumerable concatenates the Java strings as they are, CHAR or VARCHAR alike.
      return new Strings.Concat(operands.get(0), operands.get(1));
    }
    return null;
  }

  private VectorExpression rounding(RexCall call, List<VectorExpression> operands) {
    RexNode operand = call.getOperands().get(0);
    RelDataType type = call.getType();
    ColumnKind kind = ColumnKinds.of(type);
    if (!SqlTypeUtil.isNumeric(type) || ColumnKinds.of(operand.getType()) != kind
        || operands.size() > (call.getOperator() == SqlStdOperatorTable.ROUND ? 2 : 1)) {
      return null;
    }
    Rounding.Function function;
    var operator = call.getOperator();
    if (operator == SqlStdOperatorTable.FLOOR) {
      function = Rounding.Function.FLOOR;
    } else if (operator == SqlStdOperatorTable.CEIL) {
      function = Rounding.Function.CEIL;
    } else if (operator == SqlStdOperatorTable.ABS) {
      function = Rounding.Function.ABS;
    } else {
      function = Rounding.Function.ROUND;
    }
    int places = 0;
    if (operands.size() == 2) {
      if (!(call.getOperands().get(1) instanceof RexLiteral literal) || literal.isNull()) {
        return null;
      }
      places = literal.getValueAs(Integer.class);
    }
    SqlTypeName typeName = type.getSqlTypeName();
    if (kind == ColumnKind.LONG) {
      if (!Cast.isInteger(typeName) || function == Rounding.Function.ROUND && places < 0
          || function == Rounding.Function.ABS && typeName != SqlTypeName.INTEGER
          && typeName != SqlTypeName.BIGINT) {
        return null;
      }
    }
    if (kind == ColumnKind.DOUBLE && typeName != SqlTypeName.DOUBLE) {
      return null;
    }
    return new Rounding(operands.get(0), function, places, kind,
        kind == ColumnKind.DECIMAL ? type.getScale() : 0, typeName == SqlTypeName.INTEGER);
  }

  VectorExpression trim(RexCall call) {
    List<RexNode> operands = call.getOperands();
    if (operands.size() != 3 || !(operands.get(0) instanceof RexLiteral flagLiteral)
        || !(operands.get(1) instanceof RexLiteral seekLiteral)) {
      return null;
    }
    String seek = seekLiteral.getValueAs(String.class);
    var flag = flagLiteral.getValueAs(SqlTrimFunction.Flag.class);
    VectorExpression string = compiler.apply(operands.get(2));
    if (seek == null || seek.length() != 1 || flag == null || string == null) {
      return null;
    }
    return new Strings.Trim(string, seek.charAt(0), flag.getLeft() == 1, flag.getRight() == 1);
  }

  VectorExpression dateArithmetic(RexCall call, boolean minus) {
    List<RexNode> operands = call.getOperands();
    SqlTypeName result = call.getType().getSqlTypeName();
    SqlTypeName source = operands.get(0).getType().getSqlTypeName();
    RelDataType intervalType = operands.get(1).getType();
    boolean months = SqlTypeName.YEAR_INTERVAL_TYPES.contains(intervalType.getSqlTypeName());
    boolean dateToTimestamp = source == SqlTypeName.DATE && result == SqlTypeName.TIMESTAMP
        && !months;
    if (source != result && !dateToTimestamp
        || source != SqlTypeName.DATE && source != SqlTypeName.TIMESTAMP
        || !SqlTypeUtil.isInterval(intervalType)) {
      return null;
    }
    VectorExpression datetime = compiler.apply(operands.get(0));
    VectorExpression interval = compiler.apply(operands.get(1));
    if (datetime == null || interval == null) {
      return null;
    }
    return new DateArithmetic(datetime, interval, result == SqlTypeName.TIMESTAMP, months,
        minus, dateToTimestamp);
  }

  private static boolean allInteger(RexCall call, int from) {
    for (int i = from; i < call.getOperands().size(); i++) {
      SqlTypeName type = call.getOperands().get(i).getType().getSqlTypeName();
      if (type != SqlTypeName.INTEGER && type != SqlTypeName.SMALLINT
          && type != SqlTypeName.TINYINT) {
        return false;
      }
    }
    return true;
  }

  VectorExpression like(RexCall call) {
    List<RexNode> operands = call.getOperands();
    if (call.getOperator() != SqlStdOperatorTable.LIKE || operands.size() != 3
        || !(operands.get(1) instanceof RexLiteral pattern)
        || !(operands.get(2) instanceof RexLiteral escape)) {
      return null;
    }
    String patternText = pattern.getValueAs(String.class);
    String escapeText = escape.getValueAs(String.class);
    VectorExpression operand = compiler.apply(operands.get(0));
    if (operand == null || patternText == null || escapeText == null
        || escapeText.length() != 1 || !SqlTypeUtil.isCharacter(operands.get(0).getType())) {
      return null;
    }
    return Like.of(operand, patternText, escapeText.charAt(0));
  }

  VectorExpression extract(RexCall call) {
    List<RexNode> operands = call.getOperands();
    if (!(operands.get(0) instanceof RexLiteral unitLiteral)
        || !(unitLiteral.getValue() instanceof TimeUnitRange)
        || call.getType().getSqlTypeName() != SqlTypeName.BIGINT) {
      return null;
    }
    TimeUnitRange unit = unitLiteral.getValueAs(TimeUnitRange.class);
    SqlTypeName source = operands.get(1).getType().getSqlTypeName();
    if (unit == null || source != SqlTypeName.DATE && source != SqlTypeName.TIMESTAMP) {
      return null;
    }
    switch (unit) {
      case YEAR, QUARTER, MONTH, DAY, DOW, DOY:
        break;
      default:
        return null;
    }
    VectorExpression operand = compiler.apply(operands.get(1));
    return operand == null ? null : new Extract(operand, unit, source == SqlTypeName.TIMESTAMP);
  }
}
