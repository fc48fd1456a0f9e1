package io.basalt.planner.exec.sort;

import static io.basalt.planner.exec.sort.SortFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.BatchesNode;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.Operator;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.QueryContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LIMIT/OFFSET without ORDER BY, and {@link UnionAllNode}. */
class TestLimitAndUnion {
  private static final int BATCH_ROWS = 10;
  private ExecutorService executor;

  @BeforeEach
  void startExecutor() {
    executor = Executors.newCachedThreadPool();
  }

  @AfterEach
  void stopExecutor() {
    executor.shutdownNow();
  }

  @Test
  void limitStopsPullingAndClosesTheInputOnceItHasItsRows() {
    // Three batches of 10 rows are enough for OFFSET 5 FETCH 25; a fourth pull fails.
    GuardedNode input = new GuardedNode(1, 10, 3);
    PlanNode limit = createLimit(input, 5, 25);
    QueryContext context = context(4, executor, 1 << 20);
    try (Operator operator = limit.open(context, 0)) {
      List<Long> values = new ArrayList<>();
      for (Batch batch = operator.next(); batch != null; batch = operator.next()) {
        values.addAll(values(batch));
        if (values.size() == 25) {
          assertThat(input.closed[0]).as("closed at the last row").isTrue();
        }
      }
      assertThat(values).isEqualTo(range(5, 30));
    }
    assertThat(input.pulled[0]).isEqualTo(3);
  }

  @Test
  void limitDoesNotOpenPartitionsItDoesNotNeed() {
    GuardedNode input = new GuardedNode(4, 5, 2);
    PlanNode limit = createLimit(input, 0, 20);
    List<Long> values = values(SortFixtures.run(limit, context(4, executor, 1 << 20)));
    assertThat(values).isEqualTo(range(0, 20));
    assertThat(input.opened).containsExactly(true, false, false, false);
  }

  @Test
  void offsetAndFetchCombinationsWithoutOrder() {
    long total = 4 * 3 * BATCH_ROWS;
    long[][] offsetFetch = {{0, 0}, {0, 1}, {0, 10}, {3, 10}, {10, 10}, {15, 40}, {0, total},
        {0, total + 5}, {total, 5}, {total + 7, 3}, {7, -1}, {total, -1}, {0, 200}};
    for (long[] of : offsetFetch) {
      GuardedNode input = new GuardedNode(4, 3, 3);
      List<Long> values = values(SortFixtures.run(createLimit(input, of[0], of[1]),
          context(4, executor, 1 << 20)));
      int from = (int) Math.min(of[0], total);
      int to = of[1] < 0 ? (int) total : (int) Math.min(total, from + of[1]);
      assertThat(values).as("offset %d fetch %d", of[0], of[1]).isEqualTo(range(from, to));
      for (int p = 0; p < 4; p++) {
        assertThat(input.closed[p] || !input.opened[p]).isTrue();
      }
    }
  }

  @Test
  void unionOfPartitionedInputsKeepsTheParallelism() {
    QueryContext context = context(4, executor, 1 << 20);
    PlanNode union = UnionAllNode.create(List.of(new GuardedNode(4, 2, 2),
        new GuardedNode(4, 1, 1)));
    assertThat(union.partitions(context)).isEqualTo(4);
    List<Long> values = values(SortFixtures.run(union, context));
    assertThat(values).hasSize(4 * 2 * BATCH_ROWS + 4 * BATCH_ROWS);
  }

  @Test
  void unionWithAOnePartitionInputReadsItInPartitionZeroOnly() {
    QueryContext context = context(3, executor, 1 << 20);
    GuardedNode single = new GuardedNode(1, 2, 2, 1000);
    GuardedNode partitioned = new GuardedNode(3, 2, 2);
    PlanNode union = UnionAllNode.create(List.of(single, partitioned));
    assertThat(union.partitions(context)).isEqualTo(3);
    List<Long> expected = new ArrayList<>(range(0, 60));
    expected.addAll(range(1000, 1020));
    List<Long> all = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      try (Operator operator = union.open(context, p)) {
        List<Long> values = new ArrayList<>();
        for (Batch batch = operator.next(); batch != null; batch = operator.next()) {
          values.addAll(values(batch));
        }
        assertThat(values.stream().anyMatch(v -> v >= 1000)).isEqualTo(p == 0);
        all.addAll(values);
      }
    }
    all.sort(null);
    assertThat(all).isEqualTo(expected);
    assertThat(single.closed[0]).isTrue();
    assertThat(partitioned.closed).containsExactly(true, true, true);
  }

  @Test
  void unionOfOnePartitionInputsHasOnePartition() {
    QueryContext context = context(4, executor, 1 << 20);
    PlanNode union = UnionAllNode.create(List.of(new GuardedNode(1, 1, 1),
        new GuardedNode(1, 2, 2, 100)));
    assertThat(union.partitions(context)).isEqualTo(1);
    List<Long> expected = new ArrayList<>(range(0, 10));
    expected.addAll(range(100, 120));
    assertThat(values(SortFixtures.run(union, context))).isEqualTo(expected);
    assertThatThrownBy(() -> UnionAllNode.create(List.of()))
        .hasMessage("Cannot build UNION ALL: it has no inputs");
  }

  @Test
  void closingAUnionEarlyClosesTheOpenInput() {
    QueryContext context = context(2, executor, 1 << 20);
    GuardedNode first = new GuardedNode(2, 3, 1);
    PlanNode union = UnionAllNode.create(List.of(first, new BatchesNode(List.of(), true)));
    try (Operator operator = union.open(context, 1)) {
      assertThat(operator.next()).isNotNull();
    }
    assertThat(first.closed[1]).isTrue();
  }

  private static PlanNode createLimit(PlanNode input, long offset, long fetch) {
    SqlTypeFactoryImpl types = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);
    RelDataType rowType = types.builder().add("v", SqlTypeName.BIGINT).build();
    PlanNode limit = SortNode.create(input, rowType, RelCollations.EMPTY, offset, fetch);
    assertThat(limit).isNotNull();
    return limit;
  }

  private static List<Long> values(List<Batch> batches) {
    List<Long> values = new ArrayList<>();
    batches.forEach(b -> values.addAll(values(b)));
    return values;
  }

  private static List<Long> values(Batch batch) {
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      values.add(batch.column(0).longs[i]);
    }
    return values;
  }

  private static List<Long> range(long from, long to) {
    List<Long> values = new ArrayList<>();
    for (long v = from; v < to; v++) {
      values.add(v);
    }
    return values;
  }

  /**
   * An input of consecutive numbers in batches of 10 that fails when a partition is pulled for
   * more than its allowed number of batches, and records what was opened, pulled and closed.
   */
  private static final class GuardedNode implements PlanNode {
    private final int partitions;
    private final int batches;
    private final int allowed;
    private final long base;
    final boolean[] opened;
    final boolean[] closed;
    final int[] pulled;

    GuardedNode(int partitions, int batches, int allowed) {
      this(partitions, batches, allowed, 0);
    }

    GuardedNode(int partitions, int batches, int allowed, long base) {
      this.partitions = partitions;
      this.batches = batches;
      this.allowed = allowed;
      this.base = base;
      this.opened = new boolean[partitions];
      this.closed = new boolean[partitions];
      this.pulled = new int[partitions];
    }

    @Override
    public int partitions(QueryContext context) {
      return partitions == 1 ? 1 : context.parallelism();
    }

    @Override
    public Operator open(QueryContext context, int partition) {
      opened[partition] = true;
      AtomicBoolean done = new AtomicBoolean();
      return new Operator() {
        @Override
        public Batch next() {
          if (done.get()) {
            throw new IllegalStateException("pulled after close");
          }
          int index = pulled[partition]++;
          if (index >= batches) {
            return null;
          }
          if (index >= allowed) {
            throw new IllegalStateException("pulled too far: batch " + index);
          }
          long start = base + (long) (partition * batches + index) * BATCH_ROWS;
          long[] values = new long[BATCH_ROWS];
          for (int i = 0; i < BATCH_ROWS; i++) {
            values[i] = start + i;
          }
          return new Batch(BATCH_ROWS, new Column[] {Column.ofLongs(BATCH_ROWS, values, null)});
        }

        @Override
        public void close() {
          done.set(true);
          closed[partition] = true;
        }
      };
    }

    @Override
    public List<PlanNode> inputs() {
      return List.of();
    }
  }
}
