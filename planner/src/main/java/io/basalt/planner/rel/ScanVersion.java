package io.basalt.planner.rel;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.source.TableVersion;
import io.basalt.planner.sql.TimeTravelOperator;
import io.basalt.storage.StorageException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The version a {@link SourceTableScan} reads, as planned: a {@link TableVersion} fixed when
 * planning (latest, the snapshot id or instant of a literal), or an expression such as {@code
 * current_timestamp - interval '1' hour} or a statement parameter, compiled when planning and
 * evaluated in each execution's {@link DataContext} when the scan runs. The plan cache and
 * prepared statements run one plan many times, so freezing such an expression at planning would
 * read an older version each time; a literal is the same in every execution, so it is fixed.
 */
final class ScanVersion {
  /** What every scan reads unless its query travels in time. */
  static final ScanVersion LATEST = new ScanVersion(TableVersion.LATEST, null, null, null);

  private final @Nullable TableVersion fixed;
  /** The clause of an expression evaluated per execution; null when fixed. */
  private final @Nullable TimeTravelOperator operator;
  /** The expression evaluated per execution, as EXPLAIN shows it. */
  private final @Nullable RexNode expression;
  private final @Nullable Function1<DataContext, @Nullable Object[]> evaluator;

  private ScanVersion(@Nullable TableVersion fixed, @Nullable TimeTravelOperator operator,
      @Nullable RexNode expression,
      @Nullable Function1<DataContext, @Nullable Object[]> evaluator) {
    this.fixed = fixed;
    this.operator = operator;
    this.expression = expression;
    this.evaluator = evaluator;
  }

  /**
   * The version that a Snapshot's period names: a {@link TimeTravelOperator} call, checked by
   * the validator (a snapshot id is an integer literal or parameter; an instant a timestamp, a
   * date or a string).
   */
  static ScanVersion of(RexNode period, RexBuilder rexBuilder) {
    if (!(period instanceof RexCall call
        && call.getOperator() instanceof TimeTravelOperator operator)) {
      throw new StorageException("0A000", "Cannot read a table FOR SYSTEM_TIME AS OF " + period
          + ": only FOR VERSION AS OF and FOR TIMESTAMP AS OF are supported");
    }
    RexNode operand = call.getOperands().get(0);
    String clause = operator.clause() + " " + operand;
    if (RexUtil.containsInputRef(operand) || RexUtil.containsCorrelation(operand)) {
      throw new StorageException("22023", "Cannot read a table " + clause
          + ": the version must be the same for every row");
    }
    // Simplifying folds casts of literals ('2026-01-01'::timestamp) but calls no function, so an
    // expression of the current time stays one.
    RexNode simplified = new RexSimplify(rexBuilder, RelOptPredicateList.EMPTY, RexUtil.EXECUTOR)
        .simplifyPreservingType(operand);
    if (simplified instanceof RexLiteral literal) {
      if (literal.isNull()) {
        throw new StorageException("22004", "Cannot read a table " + clause
            + ": the version is NULL");
      }
      TableVersion version = !operator.takesSnapshotId() ? instantOf(literal)
          : SqlTypeUtil.isCharacter(literal.getType())
              ? TableVersion.ofRef(requireNonNull(literal.getValueAs(String.class)))
              : TableVersion.ofSnapshot(requireNonNull(literal.getValueAs(BigDecimal.class))
                  .longValueExact());
      if (version != null) {
        return new ScanVersion(version, null, null, null);
      }
    }
    RelDataTypeFactory types = rexBuilder.getTypeFactory();
    RelDataType valueType = operator.takesSnapshotId() ? types.createSqlType(SqlTypeName.BIGINT)
        : types.createSqlType(SqlTypeName.TIMESTAMP, 3);
    RexNode value = simplified.getType().getSqlTypeName() == valueType.getSqlTypeName()
        ? simplified : rexBuilder.makeCast(valueType, simplified, true, false);
    RelDataType noInput = types.builder().build();
    Function1<DataContext, @Nullable Object[]> evaluator = RexExecutorImpl
        .getExecutable(rexBuilder, List.of(value), noInput).getFunction();
    return new ScanVersion(null, operator, value, evaluator);
  }

  /** The instant of a timestamp, date or string literal; null for other types. */
  private static @Nullable TableVersion instantOf(RexLiteral literal) {
    return switch (literal.getType().getSqlTypeName()) {
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
          TableVersion.asOf(requireNonNull(literal.getValueAs(Long.class)));
      case DATE -> TableVersion.asOf(
          requireNonNull(literal.getValueAs(Integer.class)) * 86_400_000L);
      case CHAR, VARCHAR -> TableVersion.asOf(TimeTravelOperator.parseInstant(
          requireNonNull(literal.getValueAs(String.class))));
      default -> null;
    };
  }

  boolean isLatest() {
    return TableVersion.LATEST.equals(fixed);
  }

  /** The version that one execution reads. */
  TableVersion resolve(DataContext context) {
    if (fixed != null) {
      return fixed;
    }
    TimeTravelOperator clause = requireNonNull(operator);
    Object value = requireNonNull(evaluator).apply(context)[0];
    if (value == null) {
      throw new StorageException("22004", "Cannot read a table " + clause.clause() + " "
          + expression + ": the version is NULL");
    }
    long number = ((Number) value).longValue();
    return clause.takesSnapshotId() ? TableVersion.ofSnapshot(number) : TableVersion.asOf(number);
  }

  /** How EXPLAIN shows the version: {@code snapshot 1}, {@code as of <expression>}. */
  String describe() {
    if (fixed != null) {
      return fixed.describe();
    }
    return (requireNonNull(operator).takesSnapshotId() ? "snapshot " : "as of ") + expression;
  }

  @Override
  public String toString() {
    return describe();
  }
}
