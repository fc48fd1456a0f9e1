package io.basalt.planner.rel;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.RowBatch;
import io.basalt.storage.ScanRequest;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.StorageException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * What a compiled plan needs to scan a native table at run time. Generated code reaches it
 * through the plan's stash and calls {@link #scan}; the snapshot is taken then, not at planning.
 */
public final class NativeScanSpec {
  private final StorageEngine storage;
  private final String schema;
  private final String table;
  private final int[] columns;
  private final List<ColumnPredicate> predicates;

  NativeScanSpec(StorageEngine storage, String schema, String table, int[] columns,
      List<ColumnPredicate> predicates) {
    this.storage = requireNonNull(storage, "storage is null");
    this.schema = requireNonNull(schema, "schema is null");
    this.table = requireNonNull(table, "table is null");
    this.columns = columns.clone();
    this.predicates = List.copyOf(predicates);
  }

  /** Rows as arrays in Calcite's internal representation, which is the store's. */
  public Enumerable<Object[]> scan(DataContext root) {
    AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(root);
    ScanRequest request = new ScanRequest(columns, predicates, -1,
        cancel == null ? () -> false : cancel::get);
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new BatchEnumerator(storage.snapshot(schema, table).scan(request));
      }
    };
  }

  /** The values of a one-column scan, unwrapped. */
  public Enumerable<Object> scanValues(DataContext root) {
    return scan(root).select(row -> row[0]);
  }

  /** Walks batches row by row, building one array per row. */
  private static final class BatchEnumerator implements Enumerator<Object[]> {
    private final Iterator<RowBatch> batches;
    private RowBatch batch;
    private int row;
    private Object[] current;

    BatchEnumerator(Iterator<RowBatch> batches) {
      this.batches = batches;
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      while (batch == null || row >= batch.rowCount()) {
        if (!batches.hasNext()) {
          return false;
        }
        batch = batches.next();
        row = 0;
      }
      current = batch.row(row++);
      return true;
    }

    @Override
    public void reset() {
      throw new StorageException("0A000", "Cannot rewind a table scan");
    }

    @Override
    public void close() {
      if (batches instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          throw new StorageException("58030", "Cannot close a table scan: " + e.getMessage(), e);
        }
      }
    }
  }
}
