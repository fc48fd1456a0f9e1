package io.basalt.planner.ddl;

import io.basalt.storage.ColumnType;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Gives the {@code ?} parameters of INSERT ... VALUES and of UPDATE's SET list the type of the
 * column they are written to, by wrapping each in a CAST: once the statement is rewritten as a
 * query, that context would otherwise be lost and Calcite could not type them.
 */
final class Parameters {
  private Parameters() {}

  /** The VALUES source with each bare parameter cast to its target column's type. */
  static SqlNode typeValuesParameters(SqlNode source, io.basalt.storage.TableDefinition table,
      List<Integer> targets) {
    if (source.getKind() != SqlKind.VALUES) {
      return source;
    }
    for (SqlNode row : ((SqlCall) source).getOperandList()) {
      if (row instanceof SqlBasicCall rowCall && row.getKind() == SqlKind.ROW) {
        List<SqlNode> operands = rowCall.getOperandList();
        for (int i = 0; i < operands.size() && i < targets.size(); i++) {
          ColumnType type = table.columns().get(targets.get(i)).type();
          rowCall.setOperand(i, typeParameter(operands.get(i), type));
        }
      }
    }
    return source;
  }

  /** A bare parameter cast to the column type; any other expression unchanged. */
  static SqlNode typeParameter(SqlNode node, ColumnType type) {
    if (!(node instanceof SqlDynamicParam)) {
      return node;
    }
    SqlParserPos pos = node.getParserPosition();
    return SqlStdOperatorTable.CAST.createCall(pos, node, new SqlDataTypeSpec(typeName(type, pos),
        pos));
  }

  /**
   * The expression with every parameter that is an operand of arithmetic cast to the column's
   * type, so that Calcite can type it wherever the expression ends up (inside CASE, CAST).
   */
  static SqlNode typeArithmeticParameters(SqlNode node, ColumnType type) {
    if (!(node instanceof SqlBasicCall call)) {
      return node;
    }
    boolean arithmetic = switch (call.getKind()) {
      case PLUS, MINUS, TIMES, DIVIDE, MOD -> true;
      default -> false;
    };
    List<SqlNode> operands = call.getOperandList();
    for (int i = 0; i < operands.size(); i++) {
      SqlNode operand = operands.get(i);
      if (operand == null) {
        continue;
      }
      call.setOperand(i, arithmetic && operand instanceof SqlDynamicParam
          ? typeParameter(operand, type) : typeArithmeticParameters(operand, type));
    }
    return call;
  }

  /** Whether a parameter appears inside the expression (not as the whole expression). */
  static boolean containsNestedParameter(SqlNode node) {
    if (node instanceof SqlDynamicParam || !(node instanceof SqlCall call)) {
      return false;
    }
    for (SqlNode operand : call.getOperandList()) {
      if (operand instanceof SqlDynamicParam || containsNestedParameter(operand)) {
        return true;
      }
    }
    return false;
  }

  private static SqlBasicTypeNameSpec typeName(ColumnType type, SqlParserPos pos) {
    return switch (type.name()) {
      case SMALLINT -> new SqlBasicTypeNameSpec(SqlTypeName.SMALLINT, pos);
      case INTEGER -> new SqlBasicTypeNameSpec(SqlTypeName.INTEGER, pos);
      case BIGINT -> new SqlBasicTypeNameSpec(SqlTypeName.BIGINT, pos);
      case DECIMAL -> new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, type.precision(),
          type.scale(), pos);
      case REAL -> new SqlBasicTypeNameSpec(SqlTypeName.REAL, pos);
      case DOUBLE -> new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, pos);
      case BOOLEAN -> new SqlBasicTypeNameSpec(SqlTypeName.BOOLEAN, pos);
      case CHAR, VARCHAR -> new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, 65535, pos);
      case DATE -> new SqlBasicTypeNameSpec(SqlTypeName.DATE, pos);
      case TIMESTAMP, TIMESTAMPTZ -> new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, 3, pos);
    };
  }
}
