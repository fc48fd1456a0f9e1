package io.basalt.planner.exec.join;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.Drain;
import io.basalt.planner.exec.QueryContext;
import io.basalt.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A SEMI or ANTI join with the roles swapped: the (smaller) left input is hashed and the right
 * input's batches are streamed past it, one task per right partition, marking each left row
 * that has a match. Left rows matched once are not paired again.
 */
final class SwappedProbe {
  private final HashJoinNode node;
  private final BuildSide left;
  private final boolean[] matched;
  private final QueryContext context;
  private final int[] pairLeft = new int[HashJoinOperator.CHUNK];
  private final int[] pairRight = new int[HashJoinOperator.CHUNK];
  private int[] heads = new int[0];

  private SwappedProbe(HashJoinNode node, BuildSide left, boolean[] matched,
      QueryContext context) {
    this.node = node;
    this.left = left;
    this.matched = matched;
    this.context = context;
  }

  /** Whether each left row (in partition, then batch order) has a matching right row. */
  static boolean[] matchLeft(HashJoinNode node, List<List<Batch>> leftPartitions,
      List<List<Batch>> rightPartitions, QueryContext context) {
    List<Batch> leftBatches = new ArrayList<>();
    leftPartitions.forEach(leftBatches::addAll);
    int leftFields = node.leftKinds.length;
    boolean[] needed = new boolean[leftFields];
    for (int f = 0; f < leftFields; f++) {
      needed[f] = node.residual != null
          && (node.residualInputs == null || node.residualInputs.get(f));
    }
    BuildSide left = BuildSide.build(leftBatches, node.leftKinds, node.leftScales,
        node.leftKeys, needed, false, context);
    try {
      // Plain stores from several tasks, only ever false to true; Future.get orders them
      // before the caller reads the flags.
      boolean[] matched = new boolean[left.rows];
      List<Future<?>> tasks = new ArrayList<>();
      for (List<Batch> partition : rightPartitions) {
        tasks.add(context.executor().submit(() -> {
          SwappedProbe probe = new SwappedProbe(node, left, matched, context);
          for (Batch batch : partition) {
            probe.match(batch);
          }
        }));
      }
      RuntimeException failure = null;
      for (Future<?> task : tasks) {
        try {
          task.get();
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
      return matched;
    } finally {
      // The table over the left rows is only needed while matching.
      context.memory().release(left.reservedBytes);
    }
  }

  /** Marks the left rows that one right batch matches. */
  private void match(Batch batch) {
    context.checkCanceled();
    int size = batch.size();
    if (heads.length < size) {
      heads = new int[size];
    }
    KeyVector[] keys = new KeyVector[node.rightKeys.length];
    for (int k = 0; k < keys.length; k++) {
      Column column = batch.column(node.rightKeys[k]);
      keys[k] = left.table.longKey(k) ? KeyVector.asLongs(column) : KeyVector.asObjects(column);
    }
    left.table.probe(keys, size, heads);
    int[] next = left.table.next;
    if (node.residual == null) {
      for (int i = 0; i < size; i++) {
        // A chain is marked front to back, so a marked row means the rest is (being) marked.
        for (int row = heads[i]; row >= 0 && !matched[row]; row = next[row]) {
          matched[row] = true;
        }
      }
      return;
    }
    int count = 0;
    for (int i = 0; i < size; i++) {
      for (int row = heads[i]; row >= 0; row = next[row]) {
        if (!matched[row]) {
          pairLeft[count] = row;
          pairRight[count] = i;
          if (++count == HashJoinOperator.CHUNK) {
            matchPairs(batch, count);
            count = 0;
          }
        }
      }
    }
    if (count > 0) {
      matchPairs(batch, count);
    }
  }

  /** Evaluates the residual over the pairs and marks the left rows it accepts. */
  private void matchPairs(Batch batch, int count) {
    int leftFields = node.leftKinds.length;
    ImmutableBitSet fields = node.residualInputs;
    Column[] columns = new Column[leftFields + batch.columnCount()];
    for (int f = 0; f < leftFields; f++) {
      columns[f] = fields == null || fields.get(f) ? left.columns[f].select(pairLeft, count)
          : Placeholders.of(node.leftKinds[f], node.leftScales[f], count);
    }
    for (int f = 0; f < batch.columnCount(); f++) {
      int field = leftFields + f;
      columns[field] = fields == null || fields.get(field)
          ? batch.column(f).select(pairRight, count)
          : Placeholders.of(node.rightKinds[f], node.rightScales[f], count);
    }
    Column result = node.residual.evaluate(new Batch(count, columns), context);
    long[] values = result.longs;
    boolean[] nulls = result.nulls;
    for (int j = 0; j < count; j++) {
      if (values[j] == 1 && (nulls == null || !nulls[j])) {
        matched[pairLeft[j]] = true;
      }
    }
  }
}
