package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.BatchesNode;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.RowConversion;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexLiteral;

/** Literal rows (VALUES, or what constant folding left of a query) as one batch. */
final class BasaltValues extends Values implements BasaltRel {
  BasaltValues(Values values, RelTraitSet traits) {
    super(values.getCluster(), values.getRowType(), values.getTuples(), traits);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new BasaltValues(this, traitSet);
  }

  @Override
  public PlanNode compile(PlanCompiler compiler) {
    List<Object[]> rows = new ArrayList<>();
    for (List<RexLiteral> tuple : getTuples()) {
      Object[] row = new Object[tuple.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = tuple.get(i).getValue3();
      }
      rows.add(row);
    }
    List<io.basalt.planner.exec.Batch> batches = rows.isEmpty() ? List.of()
        : List.of(new RowConversion(getRowType()).batch(rows));
    return new BatchesNode(batches, false);
  }
}
