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
 * {@code EXTRACT(DOW FROM d)} numbers Sunday 0 to Saturday 6 (Calcite counts 1 to 7).
 */
final class RedshiftConvertlets implements SqlRexConvertletTable {
  static final RedshiftConvertlets INSTANCE = new RedshiftConvertlets();

  private RedshiftConvertlets() {}

  @Override
  public SqlRexConvertlet get(SqlCall call) {
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
