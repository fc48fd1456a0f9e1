package io.basalt.planner.prepare;

import java.math.BigDecimal;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Calcite's conversions from SQL to expressions, with Redshift's meaning where they differ:
 * {@code EXTRACT(DOW FROM d)} numbers Sunday 0 to Saturday 6 (Calcite counts 1 to 7), and
 * {@code CURRENT_USER}, {@code SESSION_USER} and {@code USER} are the session's user (Calcite's
 * JDBC layer always says {@code sa}).
 */
final class RedshiftConvertlets implements SqlRexConvertletTable {
  private final String user;

  RedshiftConvertlets(String user) {
    this.user = user;
  }

  @Override
  public SqlRexConvertlet get(SqlCall call) {
    if (call.getOperator() == SqlStdOperatorTable.CURRENT_USER
        || call.getOperator() == SqlStdOperatorTable.SESSION_USER
        || call.getOperator() == SqlStdOperatorTable.USER) {
      return (context, userCall) -> context.getRexBuilder().makeAbstractCast(
          context.getValidator().getValidatedNodeType(userCall),
          context.getRexBuilder().makeLiteral(user), false);
    }
    SqlRexConvertlet standard = StandardConvertletTable.INSTANCE.get(call);
    if (standard == null || call.getKind() != SqlKind.EXTRACT || !isDayOfWeek(call)) {
      return standard;
    }
    return (context, extract) -> {
      RexNode calcite = standard.convertCall(context, extract);
      RexBuilder rexBuilder = context.getRexBuilder();
      return rexBuilder.makeCall(calcite.getType(), SqlStdOperatorTable.MINUS,
          java.util.List.of(calcite, rexBuilder.makeExactLiteral(BigDecimal.ONE,
              calcite.getType())));
    };
  }

  private static boolean isDayOfWeek(SqlCall call) {
    return call.operand(0) instanceof SqlIntervalQualifier qualifier
        && qualifier.timeUnitRange == TimeUnitRange.DOW;
  }
}
