package io.basalt.planner.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestSharedNode {
  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private QueryContext context() {
    return new QueryContext(2, executor, new MemoryTracker(1 << 30), new AtomicBoolean(), null);
  }

  /** Partition p yields batches of the values p*100 .. p*100+2; counts its opens. */
  private static final class CountingNode implements PlanNode {
    final AtomicInteger opens = new AtomicInteger();
    final boolean fail;

    CountingNode(boolean fail) {
      this.fail = fail;
    }

    @Override
    public int partitions(QueryContext context) {
      return 2;
    }

    @Override
    public Operator open(QueryContext context, int partition) {
      opens.incrementAndGet();
      return new Operator() {
        private int next;

        @Override
        public Batch next() {
          if (fail) {
            throw new StorageException("22012", "division by zero");
          }
          if (next == 3) {
            return null;
          }
          long value = partition * 100L + next++;
          return new Batch(1, new Column[] {Column.ofLongs(1, new long[] {value}, null)});
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public List<PlanNode> inputs() {
      return List.of();
    }
  }

  private static List<Long> drain(Operator operator) {
    List<Long> values = new ArrayList<>();
    for (Batch batch = operator.next(); batch != null; batch = operator.next()) {
      values.add(batch.column(0).longs[0]);
    }
    operator.close();
    return values;
  }

  @Test
  void everyReaderOfAPartitionGetsItsRowsWhileTheInputRunsOnce() throws Exception {
    CountingNode input = new CountingNode(false);
    SharedNode shared = new SharedNode(input);
    QueryContext context = context();
    List<Future<List<Long>>> readers = new ArrayList<>();
    for (int reader = 0; reader < 3; reader++) {
      for (int partition = 0; partition < 2; partition++) {
        int p = partition;
        readers.add(executor.submit(() -> drain(shared.open(context, p))));
      }
    }
    for (int i = 0; i < readers.size(); i++) {
      long base = (i % 2) * 100L;
      assertThat(readers.get(i).get()).containsExactly(base, base + 1, base + 2);
    }
    assertThat(input.opens.get()).isEqualTo(2); // one run of each partition, for all readers
    assertThat(shared.partitions(context)).isEqualTo(2);
  }

  @Test
  void aFailureReachesEveryReader() {
    SharedNode shared = new SharedNode(new CountingNode(true));
    QueryContext context = context();
    assertThatThrownBy(() -> drain(shared.open(context, 0)))
        .isInstanceOf(StorageException.class).hasMessageContaining("division by zero");
    assertThatThrownBy(() -> drain(shared.open(context, 1)))
        .isInstanceOf(StorageException.class).hasMessageContaining("division by zero");
  }
}
