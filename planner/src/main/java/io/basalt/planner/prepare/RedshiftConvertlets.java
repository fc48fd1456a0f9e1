package io.basalt.planner.prepare;

import java.math.BigDecimal;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Calcite's conversions from SQL to expressions, with Redshift's meaning where they differ:
 * {@code EXTRACT(DOW FROM d)} numbers Sunday 0 to Saturday 6 (Calcite counts 1 to 7), and
 * {@code CURRENT_USER}, {@code SESSION_USER} and {@code USER} are the session's user (Calcite's
 * JDBC layer always says {@code sa}), LIKE escapes with a backslash by default, and a cast to
 * fewer decimal places rounds rather than truncates.
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
    boolean like = call.getOperator() == SqlStdOperatorTable.LIKE;
    if ((like || call.getOperator() == SqlStdOperatorTable.NOT_LIKE)
        && call.operandCount() == 2) {
      // Redshift's LIKE escapes with a backslash unless ESCAPE says otherwise.
      return (context, likeCall) -> {
        RexBuilder rexBuilder = context.getRexBuilder();
        RexNode match = rexBuilder.makeCall(SqlStdOperatorTable.LIKE,
            context.convertExpression(likeCall.operand(0)),
            context.convertExpression(likeCall.operand(1)), rexBuilder.makeLiteral("\\"));
        return like ? match : rexBuilder.makeCall(SqlStdOperatorTable.NOT, match);
      };
    }
    SqlRexConvertlet standard = StandardConvertletTable.INSTANCE.get(call);
    if (standard != null && call.getKind() == SqlKind.CAST) {
      return (context, cast) -> roundNarrowingCast(context, cast, standard);
    }
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

  /**
   * A cast to fewer decimal places rounds half away from zero in Redshift ({@code 2.675} to
   * DECIMAL(4,2) is 2.68, {@code 2.5::int} is 3); Calcite's cast truncates, so the value is
   * rounded to the target scale first.
   */
  private static RexNode roundNarrowingCast(SqlRexContext context, SqlCall cast,
      SqlRexConvertlet standard) {
    RexNode converted = standard.convertCall(context, cast);
    if (!(converted instanceof RexCall call) || call.getKind() != SqlKind.CAST) {
      return converted;
    }
    RexNode operand = call.getOperands().get(0);
    RelDataType from = operand.getType();
    RelDataType to = call.getType();
    if (to.getSqlTypeName() == SqlTypeName.BOOLEAN && SqlTypeUtil.inCharFamily(from)) {
      return booleanFromText(context.getRexBuilder(), operand, converted);
    }
    boolean exactTarget = SqlTypeUtil.isExactNumeric(to);
    int targetScale = SqlTypeUtil.isDecimal(to) ? to.getScale() : 0;
    boolean narrowing = exactTarget
        && (SqlTypeUtil.isApproximateNumeric(from)
            || SqlTypeUtil.isDecimal(from) && from.getScale() > targetScale);
    if (!narrowing) {
      return converted;
    }
    RexBuilder rexBuilder = context.getRexBuilder();
    RexNode rounded = rexBuilder.makeCall(SqlStdOperatorTable.ROUND, operand,
        rexBuilder.makeExactLiteral(BigDecimal.valueOf(targetScale)));
    return rexBuilder.makeAbstractCast(to, rounded, false);
  }

  /**
   * Redshift reads {@code t}, {@code true}, {@code y}, {@code yes}, {@code on}, {@code 1} (and
   * their opposites) as booleans, in any case; anything else is still Calcite's cast, which
   * rejects it.
   */
  private static RexNode booleanFromText(RexBuilder rexBuilder, RexNode text, RexNode cast) {
    if (text instanceof RexLiteral literal) {
      // A constant is read now: a CASE over it would be folded, cast branch included.
      String word = literal.getValueAs(String.class);
      if (word == null) {
        return cast;
      }
      String lowered = word.trim().toLowerCase(java.util.Locale.ROOT);
      if (TRUE_WORDS.contains(lowered) || FALSE_WORDS.contains(lowered)) {
        return rexBuilder.makeLiteral(TRUE_WORDS.contains(lowered), cast.getType());
      }
      return cast;
    }
    RexNode lower = rexBuilder.makeCall(SqlStdOperatorTable.LOWER, text);
    RexNode isTrue = rexBuilder.makeIn(lower, words(rexBuilder, TRUE_WORDS));
    RexNode isFalse = rexBuilder.makeIn(lower, words(rexBuilder, FALSE_WORDS));
    return rexBuilder.makeCall(cast.getType(), SqlStdOperatorTable.CASE, java.util.List.of(
        isTrue, rexBuilder.makeLiteral(true), isFalse, rexBuilder.makeLiteral(false), cast));
  }

  private static final java.util.List<String> TRUE_WORDS =
      java.util.List.of("t", "true", "y", "yes", "on", "1");
  private static final java.util.List<String> FALSE_WORDS =
      java.util.List.of("f", "false", "n", "no", "off", "0");

  private static java.util.List<RexNode> words(RexBuilder rexBuilder,
      java.util.List<String> words) {
    java.util.List<RexNode> literals = new java.util.ArrayList<>();
    for (String word : words) {
      literals.add(rexBuilder.makeLiteral(word));
    }
    return literals;
  }

  /** EXTRACT(DOW FROM d), or DATE_PART('dow', d) as Basalt's parser writes DATE_PART(dow, d). */
  private static boolean isDayOfWeek(SqlCall call) {
    SqlNode part = call.operand(0);
    if (part instanceof SqlIntervalQualifier qualifier) {
      return qualifier.timeUnitRange == TimeUnitRange.DOW;
    }
    return part instanceof SqlLiteral literal && literal.getValue() instanceof NlsString text
        && text.getValue().equalsIgnoreCase("dow");
  }
}
