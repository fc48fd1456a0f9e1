package io.basalt.planner.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.StorageBatches;
import io.basalt.planner.source.ColumnStatistics;
import io.basalt.planner.source.PredicateSupport;
import io.basalt.planner.source.ScanContext;
import io.basalt.planner.source.ScanMetrics;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SourceDistribution;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.SourceStatistics;
import io.basalt.planner.source.Split;
import io.basalt.planner.source.SplitReader;
import io.basalt.planner.source.TableSource;
import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.DistStyle;
import io.basalt.storage.RowBatch;
import io.basalt.storage.ScanIterator;
import io.basalt.storage.ScanRequest;
import io.basalt.storage.ScanStatistics;
import io.basalt.storage.StorageException;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableSnapshot;
import io.basalt.storage.TypeName;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;

/**
 * A native table through the table-source seam. The store evaluates every predicate exactly
 * (zone maps, then row checks), so all are {@link PredicateSupport#EXACT}; a scan reads one
 * snapshot, split into one share per engine pipeline (whole slices when the table has rows on
 * enough slices, so KEY-distributed rows stay together).
 */
public final class NativeTableSource implements TableSource {
  private final CatalogServices services;
  private final TableDefinition definition;

  NativeTableSource(CatalogServices services, TableDefinition definition) {
    this.services = requireNonNull(services, "services is null");
    this.definition = requireNonNull(definition, "definition is null");
  }

  public TableDefinition definition() {
    return definition;
  }

  @Override
  public String name() {
    return definition.schema() + "." + definition.name();
  }

  @Override
  public String kind() {
    return "native";
  }

  @Override
  public List<ColumnDefinition> columns() {
    return definition.columns();
  }

  @Override
  public SourceStatistics statistics() {
    return new SourceStatistics() {
      @Override
      public OptionalDouble rowCount() {
        try {
          return OptionalDouble.of(services.storage()
              .snapshot(definition.schema(), definition.name()).stats().rowCount());
        } catch (StorageException dropped) {
          return OptionalDouble.of(0);
        }
      }

      @Override
      public ColumnStatistics column(int index) {
        return ColumnStatistics.ofDistinct(
            services.statistics().distinctValues(definition, index));
      }
    };
  }

  @Override
  public PredicateSupport support(ColumnPredicate predicate) {
    return PredicateSupport.EXACT;
  }

  @Override
  public SourceDistribution distribution() {
    return definition.distStyle() == DistStyle.KEY
        ? new SourceDistribution(DistStyle.KEY, definition.columnIndex(definition.distKey()))
        : new SourceDistribution(definition.distStyle(), -1);
  }

  @Override
  public SourceScan scan(ScanSpec spec, ScanContext context) {
    TableSnapshot snapshot = services.storage().snapshot(definition.schema(), definition.name());
    return new NativeScan(snapshot, spec);
  }

  /** Share {@code share} of {@code shares} of a snapshot. */
  private record Share(int share, int shares) implements Split {
    @Override
    public String description() {
      return "share " + share + " of " + shares;
    }
  }

  /** One execution's scan of one snapshot. */
  private static final class NativeScan implements SourceScan {
    private final TableSnapshot snapshot;
    private final ScanSpec spec;
    private final TypeName[] types;
    private final ScanMetrics metrics = new ScanMetrics();

    NativeScan(TableSnapshot snapshot, ScanSpec spec) {
      this.snapshot = snapshot;
      this.spec = spec;
      int[] columns = spec.columns();
      this.types = new TypeName[columns.length];
      for (int i = 0; i < columns.length; i++) {
        types[i] = snapshot.definition().columns().get(columns[i]).type().name();
      }
    }

    @Override
    public List<Split> splits(int partitions) {
      List<Split> splits = new ArrayList<>(partitions);
      for (int i = 0; i < partitions; i++) {
        splits.add(new Share(i, partitions));
      }
      return splits;
    }

    @Override
    public boolean alignedWithDistribution(int partitions) {
      return snapshot.splitsBySlice(partitions);
    }

    @Override
    public SplitReader open(Split split, BooleanSupplier canceled) {
      Share share = (Share) split;
      ScanRequest request = new ScanRequest(spec.columns(), spec.predicates(), -1, canceled,
          share.share(), share.shares());
      Iterator<RowBatch> batches = snapshot.scan(request);
      metrics.addSplitsRead(1);
      return new SplitReader() {
        @Override
        public Batch next() {
          return batches.hasNext() ? StorageBatches.toBatch(batches.next(), types) : null;
        }

        @Override
        public void close() {
          if (batches instanceof ScanIterator scan) {
            ScanStatistics statistics = scan.statistics();
            metrics.addBlocks(statistics.blocksRead(), statistics.blocksSkipped());
            metrics.addRowsRead(statistics.rowsRead());
            metrics.addRowsReturned(statistics.rowsReturned());
          }
          if (batches instanceof AutoCloseable closeable) {
            try {
              closeable.close();
            } catch (Exception e) {
              throw new StorageException("58030", "Cannot close a scan of "
                  + snapshot.definition().name() + ": " + e.getMessage(), e);
            }
          }
        }
      };
    }

    @Override
    public ScanMetrics metrics() {
      return metrics;
    }
  }
}
