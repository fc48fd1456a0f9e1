package io.basalt.planner.exec.join;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Drain;
import io.basalt.planner.exec.MemoryTracker;
import io.basalt.planner.exec.QueryContext;
import io.basalt.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the probe partitions of one join execution share: the {@link Prepared} build side, made
 * once by the first partition that needs it while the others wait; a count of probes still
 * running, so the last one emits the unmatched build rows; and a count of open partitions, so
 * the last close releases the memory.
 */
final class SharedBuild {
  private final AtomicBoolean started = new AtomicBoolean();
  private final CompletableFuture<Prepared> prepared = new CompletableFuture<>();
  private final AtomicInteger probesRunning;
  private final AtomicInteger openPartitions;

  SharedBuild(int partitions) {
    this.probesRunning = new AtomicInteger(partitions);
    this.openPartitions = new AtomicInteger(partitions);
  }

  /** The prepared build, preparing it in this thread if no partition has started it yet. */
  Prepared await(HashJoinNode node, QueryContext context) {
    if (started.compareAndSet(false, true)) {
      try {
        Prepared result = prepare(node, context);
        prepared.complete(result);
        return result;
      } catch (RuntimeException | Error e) {
        prepared.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return prepared.get();
    } catch (ExecutionException e) {
      throw Drain.firstFailure(null, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      context.cancel();
      throw new StorageException("57014", "Query was canceled");
    }
  }

  /**
   * Drains the right input (and, for SEMI and ANTI joins, the left one) and hashes it; a SEMI
   * or ANTI join whose left input has fewer rows hashes the left input instead and streams the
   * right one past it (the subquery side of EXISTS is usually the big one, e.g. TPC-H Q4, Q21).
   */
  private static Prepared prepare(HashJoinNode node, QueryContext context) {
    MemoryTracker memory = context.memory();
    long reserved = 0;
    try {
      List<List<Batch>> leftPartitions = null;
      long leftRows = 0;
      if (node.leftOnlyOutput()) {
        leftPartitions = Drain.byPartition(node.left, context);
        long leftBytes = 0;
        for (List<Batch> partition : leftPartitions) {
          for (Batch batch : partition) {
            leftBytes += batch.estimatedBytes();
            leftRows += batch.size();
          }
        }
        memory.reserve(leftBytes);
        reserved += leftBytes;
      }
      List<List<Batch>> rightPartitions = Drain.byPartition(node.right, context);
      List<Batch> right = new ArrayList<>();
      long rightBytes = 0;
      for (List<Batch> partition : rightPartitions) {
        for (Batch batch : partition) {
          right.add(batch);
          rightBytes += batch.estimatedBytes();
        }
      }
      memory.reserve(rightBytes);
      reserved += rightBytes;
      if (leftPartitions != null && leftRows < rows(right)) {
        boolean[] matched = SwappedProbe.matchLeft(node, leftPartitions, rightPartitions,
            context);
        // The right batches were only streamed past the left rows: they are garbage now.
        memory.release(rightBytes);
        reserved -= rightBytes;
        return new Prepared(null, leftPartitions, matched, reserved);
      }
      boolean[] needed = new boolean[node.rightKinds.length];
      for (int f = 0; f < needed.length; f++) {
        needed[f] = node.needsBuildField(f);
      }
      BuildSide build = BuildSide.build(right, node.rightKinds, node.rightScales,
          node.rightKeys, needed, node.tracksBuildMatches(), context);
      reserved += build.reservedBytes;
      // Only the concatenated columns and the table remain of the drained batches.
      memory.release(rightBytes);
      reserved -= rightBytes;
      return new Prepared(build, leftPartitions, null, reserved);
    } catch (RuntimeException | Error e) {
      memory.release(reserved);
      throw e;
    }
  }

  private static long rows(List<Batch> batches) {
    long rows = 0;
    for (Batch batch : batches) {
      rows += batch.size();
    }
    return rows;
  }

  /** Records that one probe partition reached its end; true for the last one. */
  boolean finishProbe() {
    return probesRunning.decrementAndGet() == 0;
  }

  /** Records that one partition closed; the last releases the memory. */
  boolean close(QueryContext context) {
    if (openPartitions.decrementAndGet() != 0) {
      return false;
    }
    if (prepared.isDone() && !prepared.isCompletedExceptionally()) {
      context.memory().release(prepared.join().reservedBytes());
    }
    return true;
  }
}
