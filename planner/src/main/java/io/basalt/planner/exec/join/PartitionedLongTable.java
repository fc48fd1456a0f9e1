package io.basalt.planner.exec.join;

import io.basalt.planner.exec.Drain;
import io.basalt.planner.exec.QueryContext;
import io.basalt.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A one-long-key table built in parallel: the keys are split by hash bits into parts, each a
 * {@link LongKeyTable} built by its own task, all chaining rows in one shared array (each row
 * belongs to exactly one part, so the tasks write disjoint entries). While it builds, the probe
 * partitions wait, so their cores are free for this.
 */
final class PartitionedLongTable extends JoinHashTable {
  /** Smaller build sides are built serially: the tasks would cost more than they save. */
  static final int MIN_ROWS = 1 << 17;
  /** Partition bits sit below the bits a part's slot index uses (the top ones). */
  private static final int PARTITION_SHIFT = 20;

  private final LongKeyTable[] parts;
  private final int partMask;

  private PartitionedLongTable(int[] next, LongKeyTable[] parts) {
    super(next);
    this.parts = parts;
    this.partMask = parts.length - 1;
  }

  static PartitionedLongTable build(KeyVector key, int rows, QueryContext context) {
    int count = Integer.highestOneBit(context.parallelism() * 2 - 1);
    int[] next = new int[rows];
    LongKeyTable[] parts = new LongKeyTable[count];
    long[] keys = key.longs;
    boolean[] absent = key.absent;
    int partMask = count - 1;
    List<Future<?>> tasks = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      LongKeyTable part = new LongKeyTable(key, next);
      parts[p] = part;
      int partition = p;
      tasks.add(context.executor().submit(() -> {
        part.resize(OpenAddressingTable.initialCapacity(rows / count));
        // Reverse order keeps each chain in ascending row order, as in a serial build.
        for (int row = rows - 1; row >= 0; row--) {
          if (absent != null && absent[row]) {
            if (partition == 0) {
              next[row] = -1;
            }
          } else if (partitionOf(keys[row], partMask) == partition) {
            part.insert(row);
          }
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
        failure = Drain.firstFailure(failure, new StorageException("57014", "Query was canceled"));
      }
    }
    if (failure != null) {
      throw failure;
    }
    return new PartitionedLongTable(next, parts);
  }

  private static int partitionOf(long key, int partMask) {
    return (int) ((key * MULTIPLIER) >>> PARTITION_SHIFT) & partMask;
  }

  @Override
  void probe(KeyVector[] probeKeys, int size, int[] heads) {
    long[] keys = probeKeys[0].longs;
    boolean[] absent = probeKeys[0].absent;
    for (int i = 0; i < size; i++) {
      if (absent != null && absent[i]) {
        heads[i] = -1;
      } else {
        long key = keys[i];
        heads[i] = parts[partitionOf(key, partMask)].find(key);
      }
    }
  }

  @Override
  boolean longKey(int index) {
    return true;
  }

  @Override
  long estimatedBytes() {
    long bytes = 4L * next.length + 64;
    for (LongKeyTable part : parts) {
      bytes += part.slotBytes();
    }
    return bytes;
  }
}
