package io.basalt.planner.exec;

import io.basalt.planner.source.ScanContext;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.Split;
import io.basalt.planner.source.SplitReader;
import io.basalt.storage.StorageException;
import io.basalt.planner.source.TableSource;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.DataContext;

/**
 * Reads a table through its {@link TableSource}: one pipeline per engine partition. When the
 * source's splits are aligned with its distribution (a native table's slices), partition p reads
 * the splits i with i mod partitions = p, so rows with equal keys stay in one partition;
 * otherwise each partition takes the next unread split when it finishes one, so that splits
 * whose data turns out to be skipped (row groups pruned by statistics) leave no core idle. The
 * source's scan is resolved once per execution, on first use, so all partitions read the same
 * version of the table (the version the query names, in that execution's {@link DataContext}).
 */
public final class SourceScanNode implements PlanNode {
  private final TableSource source;
  private final Function<DataContext, ScanSpec> specs;
  private volatile SourceScan scan;
  private volatile List<Split> splits;
  /** The next split a partition takes, when splits are not bound to partitions. */
  private final java.util.concurrent.atomic.AtomicInteger nextSplit =
      new java.util.concurrent.atomic.AtomicInteger();

  public SourceScanNode(TableSource source, Function<DataContext, ScanSpec> specs) {
    this.source = source;
    this.specs = specs;
  }

  public TableSource source() {
    return source;
  }

  @Override
  public int partitions(QueryContext context) {
    return context.parallelism();
  }

  /** The scan of this execution, resolving it on first use. */
  public SourceScan scan(QueryContext context) {
    SourceScan current = scan;
    if (current == null) {
      synchronized (this) {
        if (scan == null) {
          scan = source.scan(specs.apply(context.dataContext()),
              new ScanContext(context.queryId(), user(context), context.memory()));
        }
        current = scan;
      }
    }
    return current;
  }

  /** The scan this execution resolved, or null when it has not started reading. */
  public SourceScan resolvedScan() {
    return scan;
  }

  private List<Split> splits(QueryContext context) {
    List<Split> current = splits;
    if (current == null) {
      synchronized (this) {
        if (splits == null) {
          splits = List.copyOf(scan(context).splits(partitions(context)));
        }
        current = splits;
      }
    }
    return current;
  }

  /**
   * Whether each partition holds every row of the distribution key values it holds, so that a
   * grouping on the key needs no exchange (false when the source cannot promise it).
   */
  public boolean slicesAligned(QueryContext context) {
    return scan(context).alignedWithDistribution(partitions(context));
  }

  @Override
  public Operator open(QueryContext context, int partition) {
    List<Split> all = splits(context);
    int partitions = partitions(context);
    SourceScan current = scan(context);
    boolean bound = current.alignedWithDistribution(partitions);
    return new Operator() {
      private int next = partition;
      private SplitReader reader;

      /** The index of this partition's next split, or one past the end. */
      private int take() {
        if (bound) {
          int index = next;
          next += partitions;
          return index;
        }
        return nextSplit.getAndIncrement();
      }

      @Override
      public Batch next() {
        try {
          return read();
        } catch (StorageException e) {
          throw naming(e);
        }
      }

      private Batch read() {
        while (true) {
          if (reader == null) {
            int index = take();
            if (index >= all.size()) {
              return null;
            }
            context.checkCanceled();
            reader = current.open(all.get(index), context::isCanceled);
          }
          Batch batch = reader.next();
          if (batch != null) {
            return batch;
          }
          reader.close();
          reader = null;
        }
      }

      @Override
      public void close() {
        if (reader != null) {
          reader.close();
          reader = null;
        }
      }
    };
  }

  /**
   * A read error that names the table, as every SQL error must: a file reader knows only its
   * file ("the object does not exist"), not the table it belongs to.
   */
  private StorageException naming(StorageException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains(source.name()) || "57014".equals(e.sqlState())) {
      return e;
    }
    return new StorageException(e.sqlState(), "Cannot read table '" + source.name() + "': "
        + message, e);
  }

  private static String user(QueryContext context) {
    if (context.dataContext() != null && context.dataContext().getQueryProvider()
        instanceof org.apache.calcite.jdbc.CalciteConnection connection) {
      return connection.getProperties().getProperty("user", "");
    }
    return "";
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }
}
