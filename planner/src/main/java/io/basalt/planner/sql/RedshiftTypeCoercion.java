package io.basalt.planner.sql;

import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit conversions plus Redshift's date arithmetic: {@code date + n} and
 * {@code date - n} add or subtract n days (the integer read as {@code n * INTERVAL '1' DAY}), and
 * {@code date - date} is the number of days between them.
 */
final class RedshiftTypeCoercion extends TypeCoercionImpl {
  RedshiftTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  @Override
  public boolean binaryArithmeticCoercion(SqlCallBinding binding) {
    SqlKind kind = binding.getOperator().getKind();
    if ((kind == SqlKind.PLUS || kind == SqlKind.MINUS) && binding.getOperandCount() == 2) {
      RelDataType left = binding.getOperandType(0);
      RelDataType right = binding.getOperandType(1);
      if (isDate(left) && SqlTypeUtil.isIntType(right)) {
        return toDays(binding.getCall(), 1);
      }
      if (kind == SqlKind.PLUS && SqlTypeUtil.isIntType(left) && isDate(right)) {
        return toDays(binding.getCall(), 0);
      }
      if (kind == SqlKind.MINUS && isDate(left) && isDate(right)) {
        return toDayNumber(binding.getCall(), 0) && toDayNumber(binding.getCall(), 1);
      }
    }
    return super.binaryArithmeticCoercion(binding);
  }

  private static boolean isDate(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.DATE;
  }

  /**
   * Replaces a DATE operand with its day number, {@code EXTRACT(EPOCH FROM d) / 86400}, so that
   * {@code d1 - d2} is the number of days between them, as in Redshift.
   */
  private boolean toDayNumber(SqlCall call, int operand) {
    SqlNode date = call.operand(operand);
    SqlParserPos pos = date.getParserPosition();
    boolean nullable = validator.getValidatedNodeType(date).isNullable();
    RelDataType bigint = factory.createTypeWithNullability(
        factory.createSqlType(SqlTypeName.BIGINT), nullable);
    SqlNode epoch = SqlStdOperatorTable.EXTRACT.createCall(pos,
        new SqlIntervalQualifier(TimeUnit.EPOCH, null, pos), date);
    SqlNode secondsPerDay = SqlLiteral.createExactNumeric("86400", pos);
    SqlNode days = SqlStdOperatorTable.DIVIDE.createCall(pos, epoch, secondsPerDay);
    updateInferredType(epoch, bigint);
    updateInferredType(secondsPerDay, factory.createSqlType(SqlTypeName.INTEGER));
    updateInferredType(days, bigint);
    call.setOperand(operand, days);
    return true;
  }

  /** Replaces the integer operand with {@code n * INTERVAL '1' DAY}. */
  private boolean toDays(SqlCall call, int operand) {
    SqlNode days = call.operand(operand);
    SqlParserPos pos = days.getParserPosition();
    SqlIntervalQualifier day = new SqlIntervalQualifier(TimeUnit.DAY, null, pos);
    SqlNode oneDay = SqlLiteral.createInterval(1, "1", day, pos);
    SqlNode interval = SqlStdOperatorTable.MULTIPLY.createCall(pos, days, oneDay);
    RelDataType dayType = factory.createSqlIntervalType(day);
    updateInferredType(oneDay, dayType);
    updateInferredType(interval, factory.createTypeWithNullability(dayType,
        validator.getValidatedNodeType(days).isNullable()));
    call.setOperand(operand, interval);
    return true;
  }
}
