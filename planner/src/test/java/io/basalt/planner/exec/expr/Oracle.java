package io.basalt.planner.exec.expr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.DataContexts;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutable;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexNode;

/** Calcite's own evaluation of an expression over one input row, as Enumerable code does it. */
final class Oracle {
  private Oracle() {}

  /** The value (Calcite's internal representation) of {@code node} over {@code row}. */
  static Object evaluate(RexBuilder rexBuilder, RexNode node, RelDataType rowType, Object[] row,
      Map<String, Object> parameters) {
    RexExecutable executable = RexExecutorImpl.getExecutable(rexBuilder, List.of(node), rowType);
    Map<String, Object> values = new HashMap<>(parameters);
    values.put("inputRecord", row);
    DataContext context = DataContexts.of(values);
    executable.setDataContext(context);
    return executable.execute()[0];
  }
}
