package io.basalt.planner.rel.vector;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.EngineThreads;
import io.basalt.planner.exec.Gather;
import io.basalt.planner.exec.MemoryTracker;
import io.basalt.planner.exec.Operator;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.QueryContext;
import io.basalt.planner.exec.RowConversion;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * A plan of Basalt's engine as the generated code of a statement holds it: each execution
 * compiles fresh plan nodes, runs them on the slices' threads and returns the gathered rows.
 */
public final class ExecutablePlan {
  private final BasaltRel root;
  private final List<EnumerableToBasaltConverter> fallbacks;
  private final EngineSettings settings;
  private final RowConversion conversion;

  ExecutablePlan(BasaltRel root, List<EnumerableToBasaltConverter> fallbacks,
      EngineSettings settings) {
    this.root = root;
    this.fallbacks = List.copyOf(fallbacks);
    this.settings = settings;
    this.conversion = new RowConversion(root.getRowType());
  }

  /** The rows, as arrays in Calcite's internal representation. */
  public Enumerable<Object[]> execute(DataContext dataContext, Enumerable<Object[]>[] rows) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new BatchEnumerator(start(dataContext, rows));
      }
    };
  }

  /** The values of a one-column result, unwrapped as Calcite's SCALAR format wants them. */
  public Enumerable<Object> executeValues(DataContext dataContext, Enumerable<Object[]>[] rows) {
    return execute(dataContext, rows).select(row -> row[0]);
  }

  private Execution start(DataContext dataContext, Enumerable<Object[]>[] rows) {
    AtomicBoolean external = DataContext.Variable.CANCEL_FLAG.get(dataContext);
    QueryContext context = new QueryContext(settings.parallelism(), EngineThreads.pool(),
        new MemoryTracker(settings.memoryLimit(dataContext)), new AtomicBoolean(),
        external == null ? () -> false : external::get, dataContext, queryId(dataContext));
    ExecutionProfile profile = dataContext.get(ExecutionProfile.KEY)
        instanceof ExecutionProfile found ? found : null;
    ExecutionProfile.Collector collector = profile == null ? null
        : new ExecutionProfile.Collector();
    PlanNode node = new PlanCompiler(fallbacks, rows, collector).compile(root);
    if (profile != null) {
      profile.record(root, collector.nodes());
    }
    return new Execution(context, Gather.of(context, node));
  }

  /** The id the statement's execution was given, or a new one (EXPLAIN ANALYZE, a view). */
  private long queryId(DataContext dataContext) {
    long given = QueryContext.queryId(dataContext);
    return given != 0 ? given : settings.queryIds().incrementAndGet();
  }

  private record Execution(QueryContext context, Operator operator) {}

  /** Walks the gathered batches row by row. */
  private final class BatchEnumerator implements Enumerator<Object[]> {
    private final Execution execution;
    private Batch batch;
    private int row;
    private Object[] current;
    private boolean closed;

    BatchEnumerator(Execution execution) {
      this.execution = execution;
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      while (batch == null || row >= batch.size()) {
        batch = execution.operator().next();
        row = 0;
        if (batch == null) {
          return false;
        }
      }
      current = conversion.row(batch, row++);
      return true;
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException("Cannot rewind a query's result");
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        execution.context().cancel();
        execution.operator().close();
      }
    }
  }
}
