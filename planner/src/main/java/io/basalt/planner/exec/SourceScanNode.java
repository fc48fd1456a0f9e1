package io.basalt.planner.exec;

import io.basalt.planner.source.ScanContext;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.Split;
import io.basalt.planner.source.SplitReader;
import io.basalt.planner.source.TableSource;
import java.util.List;

/**
 * Reads a table through its {@link TableSource}: one pipeline per engine partition, partition p
 * reading the splits i with i mod partitions = p, one after another. The source's scan is
 * resolved once per execution, on first use, so all partitions read the same version of the
 * table.
 */
public final class SourceScanNode implements PlanNode {
  private final TableSource source;
  private final ScanSpec spec;
  private volatile SourceScan scan;
  private volatile List<Split> splits;

  public SourceScanNode(TableSource source, ScanSpec spec) {
    this.source = source;
    this.spec = spec;
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
          scan = source.scan(spec, new ScanContext(context.queryId(), user(context)));
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
    List<Split> mine = splits(context);
    int partitions = partitions(context);
    SourceScan current = scan(context);
    return new Operator() {
      private int next = partition;
      private SplitReader reader;

      @Override
      public Batch next() {
        while (true) {
          if (reader == null) {
            if (next >= mine.size()) {
              return null;
            }
            context.checkCanceled();
            reader = current.open(mine.get(next), context::isCanceled);
            next += partitions;
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
