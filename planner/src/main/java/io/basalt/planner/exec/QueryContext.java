package io.basalt.planner.exec;

import io.basalt.storage.StorageException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What every operator of one query execution shares: the parallelism (one pipeline per slice),
 * the thread pool exchanges run partitions on, the memory budget, the cancel flag, and Calcite's
 * {@link DataContext} (dynamic parameters, current time, the session's user).
 */
public final class QueryContext {
  private final int parallelism;
  private final ExecutorService executor;
  private final MemoryTracker memory;
  private final AtomicBoolean canceled;
  /** A cancel request from outside (the client's Statement.cancel), polled with our own flag. */
  private final BooleanSupplier external;
  private final DataContext dataContext;
  private final long queryId;

  public QueryContext(int parallelism, ExecutorService executor, MemoryTracker memory,
      AtomicBoolean canceled, DataContext dataContext) {
    this(parallelism, executor, memory, canceled, () -> false, dataContext, 0);
  }

  /** {@code queryId} is the execution's id in system tables (0 when it has none). */
  public QueryContext(int parallelism, ExecutorService executor, MemoryTracker memory,
      AtomicBoolean canceled, BooleanSupplier external, DataContext dataContext, long queryId) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be positive");
    }
    this.parallelism = parallelism;
    this.executor = executor;
    this.memory = memory;
    this.canceled = canceled;
    this.external = external;
    this.dataContext = dataContext;
    this.queryId = queryId;
  }

  public long queryId() {
    return queryId;
  }

  /** The {@link DataContext} entry holding the execution's query id. */
  static final String QUERY_ID = "basaltQueryId";

  /**
   * {@code dataContext}, answering {@link #queryId(DataContext)} with {@code queryId}: each
   * execution of a query gets its id there, so that both engines (and every scan of one query)
   * record the same id in system tables.
   */
  public static DataContext withQueryId(DataContext dataContext, long queryId) {
    return new QueryIdDataContext(dataContext, queryId);
  }

  /** The execution's query id, or 0 if it was given none. */
  public static long queryId(DataContext dataContext) {
    return dataContext.get(QUERY_ID) instanceof Long id ? id : 0;
  }

  /** A data context with one more entry. */
  private record QueryIdDataContext(DataContext delegate, Long queryId) implements DataContext {
    @Override
    public @Nullable SchemaPlus getRootSchema() {
      return delegate.getRootSchema();
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
      return delegate.getTypeFactory();
    }

    @Override
    public QueryProvider getQueryProvider() {
      return delegate.getQueryProvider();
    }

    @Override
    public @Nullable Object get(String name) {
      return QUERY_ID.equals(name) ? queryId : delegate.get(name);
    }
  }

  /**
   * The same execution seen with another parallelism: what operators open under it runs in that
   * many partitions, sharing this context's pool, memory budget and cancellation.
   */
  public QueryContext withParallelism(int newParallelism) {
    return new QueryContext(newParallelism, executor, memory, canceled, external, dataContext,
        queryId);
  }

  public int parallelism() {
    return parallelism;
  }

  public ExecutorService executor() {
    return executor;
  }

  public MemoryTracker memory() {
    return memory;
  }

  public DataContext dataContext() {
    return dataContext;
  }

  public boolean isCanceled() {
    return canceled.get() || external.getAsBoolean();
  }

  /** Marks the query canceled, e.g. when one partition failed and the others should stop. */
  public void cancel() {
    canceled.set(true);
  }

  /** Throws SQLSTATE 57014 once the query has been canceled; operators call it per batch. */
  public void checkCanceled() {
    if (isCanceled()) {
      throw new StorageException("57014", "Query was canceled");
    }
  }
}
