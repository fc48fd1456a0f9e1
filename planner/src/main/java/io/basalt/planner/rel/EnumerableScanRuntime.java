package io.basalt.planner.rel;

import static java.util.Objects.requireNonNull;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.QueryContext;
import io.basalt.planner.exec.RowConversion;
import io.basalt.planner.source.ScanContext;
import io.basalt.planner.source.ScanSpec;
import io.basalt.planner.source.SourceScan;
import io.basalt.planner.source.Split;
import io.basalt.planner.source.SplitReader;
import io.basalt.planner.source.TableSource;
import io.basalt.storage.StorageException;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;

/**
 * What a compiled Enumerable plan needs to scan a table source at run time. Generated code
 * reaches it through the plan's stash and calls {@link #scan}; the source's scan is resolved
 * then, not at planning, and its splits are read one after another on the calling thread.
 */
public final class EnumerableScanRuntime {
  private final TableSource source;
  private final Function<DataContext, ScanSpec> specs;
  private final RelDataType rowType;

  EnumerableScanRuntime(TableSource source, Function<DataContext, ScanSpec> specs,
      RelDataType rowType) {
    this.source = requireNonNull(source, "source is null");
    this.specs = requireNonNull(specs, "specs is null");
    this.rowType = requireNonNull(rowType, "rowType is null");
  }

  /** Rows as arrays in Calcite's internal representation. */
  public Enumerable<Object[]> scan(DataContext root) {
    AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(root);
    BooleanSupplier canceled = cancel == null ? () -> false : cancel::get;
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        String user = root.getQueryProvider()
            instanceof org.apache.calcite.jdbc.CalciteConnection connection
            ? connection.getProperties().getProperty("user", "") : "";
        ScanContext context = new ScanContext(QueryContext.queryId(root), user);
        return new SplitsEnumerator(source.scan(specs.apply(root), context), canceled,
            new RowConversion(rowType));
      }
    };
  }

  /** The values of a one-column scan, unwrapped. */
  public Enumerable<Object> scanValues(DataContext root) {
    return scan(root).select(row -> row[0]);
  }

  /** Walks the splits, then their batches, row by row. */
  private static final class SplitsEnumerator implements Enumerator<Object[]> {
    private final SourceScan scan;
    private final BooleanSupplier canceled;
    private final RowConversion conversion;
    private final Iterator<Split> splits;
    private SplitReader reader;
    private Batch batch;
    private int row;
    private Object[] current;

    SplitsEnumerator(SourceScan scan, BooleanSupplier canceled, RowConversion conversion) {
      this.scan = scan;
      this.canceled = canceled;
      this.conversion = conversion;
      this.splits = scan.splits(1).iterator();
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      while (batch == null || row >= batch.size()) {
        if (reader == null) {
          if (!splits.hasNext()) {
            return false;
          }
          reader = scan.open(splits.next(), canceled);
        }
        batch = reader.next();
        row = 0;
        if (batch == null) {
          reader.close();
          reader = null;
        }
      }
      current = conversion.row(batch, row++);
      return true;
    }

    @Override
    public void reset() {
      throw new StorageException("0A000", "Cannot rewind a table scan");
    }

    @Override
    public void close() {
      if (reader != null) {
        reader.close();
        reader = null;
      }
    }
  }
}
