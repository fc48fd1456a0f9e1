package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.ColumnKind;
import io.basalt.planner.exec.ColumnKinds;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Chooses the {@link Accumulator} for an aggregate call, or none when the engine cannot run it. */
final class Accumulators {
  private Accumulators() {}

  /** An empty accumulator for {@code call} whose result has type {@code resultType}, or null. */
  static @Nullable Accumulator of(AggregateCall call, RelDataType inputRowType,
      RelDataType resultType) {
    if (call.distinctKeys != null || !call.rexList.isEmpty()
        || !call.getCollation().getFieldCollations().isEmpty()) {
      return null;
    }
    int[] args = call.getArgList().stream().mapToInt(Integer::intValue).toArray();
    int filter = call.filterArg;
    if (filter >= 0 && inputRowType.getFieldList().get(filter).getType().getSqlTypeName()
        != SqlTypeName.BOOLEAN) {
      return null;
    }
    List<RelDataType> argTypes = new ArrayList<>();
    for (int arg : args) {
      argTypes.add(inputRowType.getFieldList().get(arg).getType());
    }
    SqlKind kind = call.getAggregation().getKind();
    boolean distinct = call.isDistinct() && kind != SqlKind.MIN && kind != SqlKind.MAX;
    if (!distinct) {
      return plain(kind, args, filter, argTypes, resultType);
    }
    if (args.length == 0) {
      return null;
    }
    int[] positions = new int[args.length];
    ColumnKind[] setKinds = new ColumnKind[args.length + 1];
    int[] setScales = new int[args.length + 1];
    setKinds[0] = ColumnKind.LONG;
    for (int a = 0; a < args.length; a++) {
      positions[a] = a;
      setKinds[a + 1] = ColumnKinds.of(argTypes.get(a));
      setScales[a + 1] = setKinds[a + 1] == ColumnKind.DECIMAL ? argTypes.get(a).getScale() : 0;
    }
    Accumulator inner = plain(kind, positions, -1, argTypes, resultType);
    return inner == null ? null
        : new DistinctAccumulator(args, filter, setKinds, setScales, inner);
  }

  /** The accumulator of a call without DISTINCT; {@code argTypes} are the types of {@code args}. */
  private static @Nullable Accumulator plain(SqlKind kind, int[] args, int filter,
      List<RelDataType> argTypes, RelDataType resultType) {
    ColumnKind resultKind = ColumnKinds.of(resultType);
    if (resultKind == null) {
      return null;
    }
    for (RelDataType argType : argTypes) {
      if (ColumnKinds.of(argType) == null) {
        return null;
      }
    }
    if (kind == SqlKind.COUNT) {
      return resultKind == ColumnKind.LONG ? new CountAccumulator(args, filter) : null;
    }
    if (args.length != 1) {
      return null;
    }
    RelDataType argType = argTypes.get(0);
    ColumnKind argKind = ColumnKinds.of(argType);
    boolean sameScale = argKind != ColumnKind.DECIMAL
        || argType.getScale() == resultType.getScale();
    if (argKind != resultKind || !sameScale) {
      return null;
    }
    int scale = resultKind == ColumnKind.DECIMAL ? resultType.getScale() : 0;
    switch (kind) {
      case SUM:
      case SUM0:
        return sum(args, filter, kind == SqlKind.SUM0, resultType, resultKind, scale);
      case AVG:
        if (!isNumeric(argType) || !isNumeric(resultType)) {
          return null;
        }
        return new AvgAccumulator(args, filter, resultKind, resultType.getPrecision(), scale,
            LongSumAccumulator.IntegerRange.of(resultType.getSqlTypeName()));
      case MIN:
        return minMax(args, filter, true, resultKind, scale);
      case MAX:
      case ANY_VALUE:
        // Enumerable implements ANY_VALUE with its MIN/MAX implementor, which takes the maximum.
        return minMax(args, filter, false, resultKind, scale);
      case SINGLE_VALUE:
        return new SingleValueAccumulator(args, filter, resultKind, scale);
      default:
        return null;
    }
  }

  private static @Nullable Accumulator sum(int[] args, int filter, boolean zeroWhenEmpty,
      RelDataType resultType, ColumnKind kind, int scale) {
    if (!isNumeric(resultType)) {
      return null;
    }
    return switch (kind) {
      case LONG -> new LongSumAccumulator(args, filter, zeroWhenEmpty,
          LongSumAccumulator.IntegerRange.of(resultType.getSqlTypeName()));
      case DOUBLE -> new DoubleSumAccumulator(args, filter, zeroWhenEmpty);
      case DECIMAL -> new DecimalSumAccumulator(args, filter, zeroWhenEmpty, scale);
      case STRING -> null;
    };
  }

  private static Accumulator minMax(int[] args, int filter, boolean min, ColumnKind kind,
      int scale) {
    return switch (kind) {
      case LONG -> new LongMinMaxAccumulator(args, filter, min);
      case DOUBLE -> new DoubleMinMaxAccumulator(args, filter, min);
      case DECIMAL, STRING -> new ObjectMinMaxAccumulator(args, filter, min, kind, scale);
    };
  }

  private static boolean isNumeric(RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, FLOAT, REAL, DOUBLE -> true;
      default -> false;
    };
  }
}
