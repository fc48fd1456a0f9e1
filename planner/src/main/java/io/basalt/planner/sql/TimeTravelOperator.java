package io.basalt.planner.sql;

import io.basalt.storage.StorageException;
import java.math.BigDecimal;
import org.apache.calcite.avatica.util.DateTimeUtils;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The period of a time-travel clause ({@link SqlTimeTravel}): an internal function of the
 * clause's expression, {@code $FOR_VERSION_AS_OF(123)}, that exists only to carry it through
 * Calcite's validator and SqlToRel, which take FOR SYSTEM_TIME AS OF's period to be a
 * timestamp. It is typed TIMESTAMP for that reason; the planner folds it into the scan's {@link
 * io.basalt.planner.source.TableVersion} and it is never evaluated.
 *
 * <p>Validation checks the expression: a snapshot id is an integer literal or a statement
 * parameter; an instant is a timestamp or date expression (of the current time, say), a
 * parameter, or a string that reads as a timestamp.
 *
 * <p>Public only for the generated parser and the planner's {@code SnapshotFolding}.
 */
public final class TimeTravelOperator extends SqlFunction {
  /** {@code FOR VERSION AS OF n}: an Iceberg snapshot id. */
  public static final TimeTravelOperator VERSION = new TimeTravelOperator("VERSION", true);
  /** {@code FOR SYSTEM_VERSION AS OF n}, the same. */
  public static final TimeTravelOperator SYSTEM_VERSION =
      new TimeTravelOperator("SYSTEM_VERSION", true);
  /** {@code FOR TIMESTAMP AS OF t}: the version current at an instant. */
  public static final TimeTravelOperator TIMESTAMP = new TimeTravelOperator("TIMESTAMP", false);
  /** {@code FOR SYSTEM_TIME AS OF t}, Calcite's spelling of the same. */
  public static final TimeTravelOperator SYSTEM_TIME =
      new TimeTravelOperator("SYSTEM_TIME", false);

  private final String clause;
  private final boolean snapshotId;

  private TimeTravelOperator(String keyword, boolean snapshotId) {
    super("$FOR_" + keyword + "_AS_OF", SqlKind.OTHER_FUNCTION,
        ReturnTypes.explicit(SqlTypeName.TIMESTAMP), null, null, SqlFunctionCategory.SYSTEM);
    this.clause = "FOR " + keyword + " AS OF";
    this.snapshotId = snapshotId;
  }

  /** The clause as written, e.g. {@code FOR VERSION AS OF}. */
  public String clause() {
    return clause;
  }

  /** Whether the clause names a snapshot id (else an instant). */
  public boolean takesSnapshotId() {
    return snapshotId;
  }

  /** Checks the operand without looking the function up: no operator table holds it. */
  @Override
  public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    return validateOperands(validator, scope, call);
  }

  @Override
  public SqlOperandCountRange getOperandCountRange() {
    return SqlOperandCountRanges.of(1);
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    SqlNode operand = binding.operand(0);
    if (SqlUtil.isNullLiteral(operand, true)) {
      throw error("22004", operand, "the version is NULL");
    }
    if (snapshotId) {
      checkSnapshotId(operand, binding);
    } else {
      checkInstant(operand, binding);
    }
    return true;
  }

  private void checkSnapshotId(SqlNode operand, SqlCallBinding binding) {
    if (operand instanceof SqlDynamicParam) {
      inferType(binding, operand, binding.getTypeFactory().createSqlType(SqlTypeName.BIGINT));
      return;
    }
    if (operand instanceof SqlNumericLiteral number && number.isInteger()) {
      BigDecimal id = number.bigDecimalValue();
      if (id == null || id.signum() < 0
          || id.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        throw error("22003", operand, "a snapshot id is between 0 and " + Long.MAX_VALUE);
      }
      return;
    }
    if (operand instanceof SqlCharStringLiteral) {
      return; // The name of a tag or branch.
    }
    RelDataType type = binding.getOperandType(0);
    if (!SqlTypeUtil.isIntType(type)) {
      throw error("42804", operand, "a snapshot id is an integer (or a tag or branch a "
          + "string literal), not " + typeName(type));
    }
    throw error("22023", operand, "a snapshot id is an integer literal");
  }

  private void checkInstant(SqlNode operand, SqlCallBinding binding) {
    if (operand instanceof SqlDynamicParam) {
      inferType(binding, operand,
          binding.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP, 3));
      return;
    }
    RelDataType type = binding.getOperandType(0);
    if (SqlTypeUtil.isCharacter(type)) {
      if (operand instanceof SqlLiteral literal) {
        String text = literal.getValueAs(String.class);
        try {
          parseInstant(text);
        } catch (RuntimeException e) {
          throw error("22007", operand, "'" + text + "' is not a timestamp");
        }
      }
      return;
    }
    if (!SqlTypeUtil.isTimestamp(type) && !SqlTypeUtil.isDate(type)) {
      throw error("42804", operand, "an instant is a timestamp, not " + typeName(type));
    }
    SqlIdentifier column = column(operand, binding.getValidator());
    if (column != null) {
      throw error("22023", operand, "the instant cannot depend on column " + sql(column));
    }
  }

  /**
   * A column that an expression reads, or null if it reads none. The validator has resolved
   * the expression already, so an identifier is a column unless it names a function called
   * without parentheses (sysdate, current_date).
   */
  private static @Nullable SqlIdentifier column(SqlNode node, SqlValidator validator) {
    if (node instanceof SqlIdentifier identifier) {
      return validator.makeNullaryCall(identifier) == null ? identifier : null;
    }
    if (node instanceof SqlCall call) {
      for (SqlNode operand : call.getOperandList()) {
        SqlIdentifier column = operand == null ? null : column(operand, validator);
        if (column != null) {
          return column;
        }
      }
    }
    return null;
  }

  /** A parameter's type is the one the clause takes (it has no other context to infer it). */
  private static void inferType(SqlCallBinding binding, SqlNode parameter, RelDataType type) {
    binding.getValidator().setValidatedNodeType(parameter,
        binding.getTypeFactory().createTypeWithNullability(type, true));
  }

  /**
   * The instant a timestamp string stands for, in milliseconds since the epoch: the string is
   * read as a UTC timestamp, as CAST(string AS TIMESTAMP) reads it on a Basalt server.
   */
  public static long parseInstant(String text) {
    return DateTimeUtils.timestampStringToUnixDate(text.trim());
  }

  private StorageException error(String sqlState, SqlNode operand, String reason) {
    return at(operand.getParserPosition(),
        sqlState, "Cannot read a table " + clause + " " + sql(operand) + ": " + reason);
  }

  /** The expression as SQL, with identifiers quoted as Basalt reads them. */
  private static String sql(SqlNode node) {
    return node.toSqlString(config -> config.withDialect(CalciteSqlDialect.DEFAULT)).getSql();
  }

  /** A planning error with the position of the node it is about, as validation errors read. */
  static StorageException at(SqlParserPos pos, String sqlState, String message) {
    return new StorageException(sqlState, message + " (line " + pos.getLineNum() + ", column "
        + pos.getColumnNum() + ")");
  }

  private static String typeName(RelDataType type) {
    return type.getSqlTypeName().getName();
  }
}
