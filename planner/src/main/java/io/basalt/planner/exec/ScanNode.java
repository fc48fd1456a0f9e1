package io.basalt.planner.exec;

import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.ColumnVector;
import io.basalt.storage.RowBatch;
import io.basalt.storage.ScanRequest;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.TableSnapshot;
import io.basalt.storage.TypeName;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a native table, one partition per slice: the store skips blocks by zone map, filters on
 * the pushed predicates and decodes the other columns only for surviving rows; this node turns
 * its batches into engine columns without copying the value arrays. All partitions of one
 * execution read the same snapshot.
 */
public final class ScanNode implements PlanNode {
  private final StorageEngine storage;
  private final String schema;
  private final String table;
  private final int[] columns;
  private final List<ColumnPredicate> predicates;
  private volatile TableSnapshot snapshot;

  public ScanNode(StorageEngine storage, String schema, String table, int[] columns,
      List<ColumnPredicate> predicates) {
    this.storage = storage;
    this.schema = schema;
    this.table = table;
    this.columns = columns.clone();
    this.predicates = List.copyOf(predicates);
  }

  @Override
  public int partitions(QueryContext context) {
    return context.parallelism();
  }

  private TableSnapshot snapshot() {
    TableSnapshot current = snapshot;
    if (current == null) {
      synchronized (this) {
        if (snapshot == null) {
          snapshot = storage.snapshot(schema, table);
        }
        current = snapshot;
      }
    }
    return current;
  }

  /**
   * Whether each partition reads whole slices, so that rows with equal distribution keys are in
   * one partition (false when the table has rows on fewer slices than partitions).
   */
  public boolean slicesAligned(QueryContext context) {
    return snapshot().splitsBySlice(partitions(context));
  }

  @Override
  public Operator open(QueryContext context, int partition) {
    ScanRequest request = new ScanRequest(columns, predicates, -1, context::isCanceled,
        partition, partitions(context));
    Iterator<RowBatch> batches = snapshot().scan(request);
    TypeName[] types = new TypeName[columns.length];
    for (int i = 0; i < columns.length; i++) {
      types[i] = snapshot().definition().columns().get(columns[i]).type().name();
    }
    return new Operator() {
      @Override
      public Batch next() {
        if (!batches.hasNext()) {
          return null;
        }
        RowBatch rows = batches.next();
        Column[] out = new Column[columns.length];
        for (int c = 0; c < out.length; c++) {
          out[c] = column(rows.column(c), types[c], rows.rowCount());
        }
        return new Batch(rows.rowCount(), out);
      }

      @Override
      public void close() {}
    };
  }

  private static Column column(ColumnVector vector, TypeName type, int rows) {
    boolean[] nulls = vector.nullFlags();
    return switch (type) {
      case SMALLINT, INTEGER, BIGINT, DATE, TIMESTAMP, TIMESTAMPTZ, BOOLEAN ->
          Column.ofLongs(rows, vector.longValues(), nulls);
      case REAL, DOUBLE -> Column.ofDoubles(rows, vector.doubleValues(), nulls);
      case CHAR, VARCHAR -> Column.ofStrings(rows, vector.objectValues(), nulls);
      case DECIMAL -> vector.longValues() != null
          ? Column.ofDecimals(rows, vector.type().scale(), vector.longValues(), nulls)
          : Column.ofBigDecimals(rows, vector.type().scale(), vector.objectValues(), nulls);
    };
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }
}
