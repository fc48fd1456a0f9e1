package io.basalt.planner.exec.sort;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.ColumnKinds;
import io.basalt.planner.exec.Drain;
import io.basalt.planner.exec.Operator;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.QueryContext;
import io.basalt.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.type.RelDataType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * ORDER BY with optional OFFSET/FETCH, in one output partition: every input partition sorts its
 * own rows on its own thread (or, under a small FETCH, keeps only its best OFFSET+FETCH rows)
 * and the sorted runs are merged. Rows are ordered exactly as Calcite's Enumerable sort orders
 * them; rows with equal keys come in no particular order.
 */
public final class SortNode implements PlanNode {
  /** Above this OFFSET+FETCH a full sort is cheaper than keeping the best rows per batch. */
  private static final long TOP_N_MAX_ROWS = 1 << 17;

  private final PlanNode input;
  private final List<SortKey> keys;
  private final int columnCount;
  private final long offset;
  /** Rows to return after the offset, or -1 for all. */
  private final long fetch;

  private SortNode(PlanNode input, List<SortKey> keys, int columnCount, long offset,
      long fetch) {
    this.input = input;
    this.keys = List.copyOf(keys);
    this.columnCount = columnCount;
    this.offset = offset;
    this.fetch = fetch;
  }

  /**
   * ORDER BY collation, then OFFSET/FETCH (offset 0 / fetch -1 when absent); null when
   * unsupported. An empty collation with a fetch is a plain LIMIT.
   */
  public static @Nullable PlanNode create(PlanNode input, RelDataType rowType,
      RelCollation collation, long offset, long fetch) {
    if (offset < 0 || !ColumnKinds.supportsRow(rowType)) {
      return null;
    }
    long rows = fetch < 0 ? -1 : fetch;
    List<SortKey> keys = new ArrayList<>();
    for (RelFieldCollation field : collation.getFieldCollations()) {
      SortKey key = sortKey(field, rowType);
      if (key == null) {
        return null;
      }
      keys.add(key);
    }
    if (keys.isEmpty()) {
      return offset == 0 && rows < 0 ? input : new LimitNode(input, offset, rows);
    }
    return new SortNode(input, keys, rowType.getFieldCount(), offset, rows);
  }

  /**
   * The key for one field collation, or null when Enumerable would order it in a way this
   * engine does not reproduce (a collator, or a direction other than ASC/DESC).
   */
  private static @Nullable SortKey sortKey(RelFieldCollation field, RelDataType rowType) {
    int index = field.getFieldIndex();
    if (index < 0 || index >= rowType.getFieldCount()) {
      return null;
    }
    RelDataType type = rowType.getFieldList().get(index).getType();
    if (type.getCollation() != null && type.getCollation().getCollator() != null) {
      return null;
    }
    boolean descending;
    switch (field.getDirection()) {
      case ASCENDING -> descending = false;
      case DESCENDING -> descending = true;
      default -> {
        return null;
      }
    }
    // Enumerable's comparators put NULLs first only for an explicit NULLS FIRST, whatever the
    // direction: UNSPECIFIED behaves as LAST.
    boolean nullsFirst = field.nullDirection == RelFieldCollation.NullDirection.FIRST;
    return new SortKey(index, descending, nullsFirst);
  }

  @Override
  public int partitions(QueryContext context) {
    return 1;
  }

  @Override
  public Operator open(QueryContext context, int partition) {
    if (partition != 0) {
      throw new IllegalArgumentException("a sort has one partition, not " + partition);
    }
    return new SortOperator(context);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  /** The OFFSET+FETCH rows each partition keeps for a top-N, or -1 to sort everything. */
  private int topNRows() {
    if (fetch < 0) {
      return -1;
    }
    long limit = offset + fetch;
    return limit < 0 || limit > TOP_N_MAX_ROWS ? -1 : (int) limit;
  }

  /** The sort of one execution: sorts on the first call of next, then streams the merge. */
  private final class SortOperator implements Operator {
    private final QueryContext context;
    private final Reservation reservation;
    private RunMerger merger;

    SortOperator(QueryContext context) {
      this.context = context;
      this.reservation = new Reservation(context.memory());
    }

    @Override
    public Batch next() {
      if (fetch == 0) {
        return null;
      }
      if (merger == null) {
        merger = new RunMerger(sortedRuns(), keys, columnCount, offset, fetch);
      }
      context.checkCanceled();
      return merger.next();
    }

    @Override
    public void close() {
      merger = null;
      reservation.releaseAll();
    }

    /** One sorted run per input partition that had rows, each built on its own thread. */
    private List<SortedRun> sortedRuns() {
      int partitions = input.partitions(context);
      List<SortedRun> runs = new ArrayList<>();
      if (partitions == 1) {
        addIfAny(runs, sortPartition(0, false));
        return runs;
      }
      List<Future<SortedRun>> futures = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        int partition = p;
        futures.add(context.executor().submit(() -> sortPartition(partition, true)));
      }
      RuntimeException failure = null;
      for (Future<SortedRun> future : futures) {
        try {
          addIfAny(runs, future.get());
        } catch (ExecutionException e) {
          context.cancel();
          failure = Drain.firstFailure(failure, e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          context.cancel();
          failure = Drain.firstFailure(failure,
              new StorageException("57014", "Query was canceled"));
        }
      }
      if (failure != null) {
        throw failure;
      }
      return runs;
    }

    private static void addIfAny(List<SortedRun> runs, SortedRun run) {
      if (run != null) {
        runs.add(run);
      }
    }

    /**
     * Sorts one partition's rows, or keeps its top-N; {@code materialize} asks for the run's rows
     * copied in order (worth it when runs are merged).
     */
    private SortedRun sortPartition(int partition, boolean materialize) {
      int topN = topNRows();
      TopNBuffer buffer = topN > 0
          ? new TopNBuffer(keys, topN, columnCount, reservation) : null;
      List<Batch> batches = new ArrayList<>();
      long bytes = 0;
      try (Operator operator = input.open(context, partition)) {
        for (Batch batch = operator.next(); batch != null; batch = operator.next()) {
          context.checkCanceled();
          if (batch.size() == 0) {
            continue;
          }
          if (buffer != null) {
            buffer.add(batch);
          } else {
            long batchBytes = batch.estimatedBytes();
            reservation.reserve(batchBytes);
            bytes += batchBytes;
            batches.add(batch);
          }
        }
      }
      if (buffer != null) {
        return buffer.finish();
      }
      if (batches.isEmpty()) {
        return null;
      }
      Batch rows = Columns.concat(batches, columnCount);
      if (batches.size() > 1) {
        long rowsBytes = rows.estimatedBytes();
        reservation.reserve(rowsBytes);
        reservation.release(bytes);
        bytes = rowsBytes;
      }
      batches.clear();
      int[] order = IndexSort.sort(rows, keys);
      if (!materialize) {
        reservation.reserve(4L * order.length);
        return new SortedRun(rows, order);
      }
      // Gathering the rows in order here, in parallel with the other partitions, lets the
      // single-threaded merge read every run sequentially instead of jumping around in it.
      Batch sorted = rows.select(order, order.length);
      reservation.reserve(sorted.estimatedBytes());
      reservation.release(bytes);
      return SortedRun.ordered(sorted);
    }
  }
}
