package io.basalt.planner.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Rows from a subtree Calcite's Enumerable engine runs (an operator Basalt's engine does not
 * support), turned into batches. One partition: the Enumerable subtree runs on one thread.
 */
public final class RowsNode implements PlanNode {
  private static final int BATCH_ROWS = 4096;

  private final Function<QueryContext, Enumerable<Object[]>> rows;
  private final RowConversion conversion;

  public RowsNode(Function<QueryContext, Enumerable<Object[]>> rows, RowConversion conversion) {
    this.rows = rows;
    this.conversion = conversion;
  }

  @Override
  public int partitions(QueryContext context) {
    return 1;
  }

  @Override
  public Operator open(QueryContext context, int partition) {
    Enumerator<Object[]> enumerator = rows.apply(context).enumerator();
    return new Operator() {
      @Override
      public Batch next() {
        context.checkCanceled();
        List<Object[]> buffer = new ArrayList<>();
        while (buffer.size() < BATCH_ROWS && enumerator.moveNext()) {
          buffer.add(enumerator.current());
        }
        return buffer.isEmpty() ? null : conversion.batch(buffer);
      }

      @Override
      public void close() {
        enumerator.close();
      }
    };
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }
}
