package io.basalt.planner.exec.sort;

import static io.basalt.planner.exec.sort.SortFixtures.DECIMAL;
import static io.basalt.planner.exec.sort.SortFixtures.DOUBLE;
import static io.basalt.planner.exec.sort.SortFixtures.ID;
import static io.basalt.planner.exec.sort.SortFixtures.LONG;
import static io.basalt.planner.exec.sort.SortFixtures.STRING;
import static io.basalt.planner.exec.sort.SortFixtures.collation;
import static io.basalt.planner.exec.sort.SortFixtures.context;
import static io.basalt.planner.exec.sort.SortFixtures.ids;
import static io.basalt.planner.exec.sort.SortFixtures.key;
import static io.basalt.planner.exec.sort.SortFixtures.keysOf;
import static io.basalt.planner.exec.sort.SortFixtures.reference;
import static org.apache.calcite.rel.RelFieldCollation.Direction.ASCENDING;
import static org.apache.calcite.rel.RelFieldCollation.Direction.DESCENDING;
import static org.apache.calcite.rel.RelFieldCollation.Direction.STRICTLY_ASCENDING;
import static org.apache.calcite.rel.RelFieldCollation.NullDirection.FIRST;
import static org.apache.calcite.rel.RelFieldCollation.NullDirection.LAST;
import static org.apache.calcite.rel.RelFieldCollation.NullDirection.UNSPECIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.BatchesNode;
import io.basalt.planner.exec.Operator;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.QueryContext;
import io.basalt.storage.StorageException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ORDER BY, top-N and OFFSET/FETCH of {@link SortNode} against a reference sort. */
class TestSortNode {
  private static final long NO_LIMIT = Long.MAX_VALUE;
  private ExecutorService executor;

  @BeforeEach
  void startExecutor() {
    executor = Executors.newCachedThreadPool();
  }

  @AfterEach
  void stopExecutor() {
    executor.shutdownNow();
  }

  static Stream<Arguments> collations() {
    return Stream.of(
        Arguments.of("l", collation(key(LONG, ASCENDING, LAST))),
        Arguments.of("l desc nulls first", collation(key(LONG, DESCENDING, FIRST))),
        Arguments.of("l desc unspecified", collation(key(LONG, DESCENDING, UNSPECIFIED))),
        Arguments.of("l asc unspecified", collation(key(LONG, ASCENDING, UNSPECIFIED))),
        Arguments.of("d", collation(key(DOUBLE, ASCENDING, FIRST))),
        Arguments.of("d desc", collation(key(DOUBLE, DESCENDING, LAST))),
        Arguments.of("dec", collation(key(DECIMAL, ASCENDING, LAST))),
        Arguments.of("dec desc nulls first", collation(key(DECIMAL, DESCENDING, FIRST))),
        Arguments.of("s", collation(key(STRING, ASCENDING, FIRST))),
        Arguments.of("s desc", collation(key(STRING, DESCENDING, LAST))),
        Arguments.of("s, l desc, dec desc, d nulls first",
            collation(key(STRING, ASCENDING, FIRST), key(LONG, DESCENDING, LAST),
                key(DECIMAL, DESCENDING, UNSPECIFIED), key(DOUBLE, ASCENDING, FIRST))),
        Arguments.of("dec nulls first, d desc, s desc nulls first",
            collation(key(DECIMAL, ASCENDING, FIRST), key(DOUBLE, DESCENDING, LAST),
                key(STRING, DESCENDING, FIRST))),
        Arguments.of("l, id desc", collation(key(LONG, ASCENDING, FIRST),
            key(ID, DESCENDING, LAST))),
        Arguments.of("l desc nulls first, s, d desc", collation(key(LONG, DESCENDING, FIRST),
            key(STRING, ASCENDING, LAST), key(DOUBLE, DESCENDING, FIRST))),
        Arguments.of("l nulls last, s desc", collation(key(LONG, ASCENDING, LAST),
            key(STRING, DESCENDING, FIRST))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("collations")
  void sortsLikeTheReference(String name, RelCollation collation) {
    List<Object[]> input = SortFixtures.randomRows(5000, 7);
    for (boolean partitioned : new boolean[] {false, true}) {
      List<Object[]> output = sort(input, partitioned, 4, collation, 0, -1);
      assertSorted(input, output, collation, 0, NO_LIMIT);
      assertThat(ids(output)).isEqualTo(ids(input));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("collations")
  void topNKeepsTheBestRows(String name, RelCollation collation) {
    List<Object[]> input = SortFixtures.randomRows(20000, 11);
    long[][] offsetFetch = {{0, 10}, {0, 100}, {5, 7}, {0, 1}, {19990, 100}, {25000, 10},
        {3, 0}, {0, 5000}};
    for (long[] of : offsetFetch) {
      List<Object[]> output = sort(input, true, 4, collation, of[0], of[1]);
      assertSorted(input, output, collation, of[0], of[1]);
    }
  }

  @Test
  void offsetAndFetchOfAFullSort() {
    List<Object[]> input = SortFixtures.randomRows(3000, 5);
    RelCollation collation = collation(key(STRING, DESCENDING, FIRST), key(LONG, ASCENDING,
        LAST));
    // FETCH above the top-N threshold takes the full-sort path.
    long[][] offsetFetch = {{0, -1}, {10, -1}, {2999, -1}, {3000, -1}, {5000, -1},
        {7, 200_000}, {0, 200_000}, {4000, 200_000}};
    for (long[] of : offsetFetch) {
      for (boolean partitioned : new boolean[] {false, true}) {
        List<Object[]> output = sort(input, partitioned, 3, collation, of[0], of[1]);
        assertSorted(input, output, collation, of[0], of[1] < 0 ? NO_LIMIT : of[1]);
      }
    }
  }

  @Test
  void singleLongKeyWithAWideRangeFallsBackToTheComparatorSort() {
    List<Object[]> input = SortFixtures.randomRows(2000, 3);
    for (int i = 0; i < input.size(); i += 7) {
      input.get(i)[LONG] = i % 2 == 0 ? Long.MAX_VALUE - i : Long.MIN_VALUE + i;
    }
    RelCollation collation = collation(key(LONG, DESCENDING, FIRST));
    List<Object[]> output = sort(input, true, 2, collation, 0, -1);
    assertSorted(input, output, collation, 0, NO_LIMIT);
  }

  @Test
  void stringKeysWithManyOrFewDistinctValues() {
    // Unique strings take the comparator sort; a few distinct ones are sorted by rank.
    for (int distinct : new int[] {3, 100, 1_000_000}) {
      List<Object[]> input = SortFixtures.randomRows(20_000, distinct);
      Random random = new Random(distinct);
      for (Object[] row : input) {
        if (row[STRING] != null) {
          row[STRING] = "k" + random.nextInt(distinct) + (random.nextBoolean() ? "" : "x");
        }
      }
      RelCollation collation = collation(key(STRING, DESCENDING, FIRST), key(LONG, ASCENDING,
          LAST));
      for (boolean partitioned : new boolean[] {false, true}) {
        List<Object[]> output = sort(input, partitioned, 2, collation, 0, -1);
        assertSorted(input, output, collation, 0, NO_LIMIT);
      }
    }
  }

  @Test
  void emptyInputGivesNoRows() {
    PlanNode node = SortNode.create(new BatchesNode(List.of(), true), SortFixtures.rowType(),
        collation(key(LONG, ASCENDING, LAST)), 0, 10);
    assertThat(SortFixtures.run(node, context(4, executor, 1 << 30))).isEmpty();
  }

  @Test
  void outputComesInBatchesOfAtMost64KRows() {
    List<Object[]> input = SortFixtures.randomRows(150_000, 13);
    RelCollation collation = collation(key(DECIMAL, ASCENDING, LAST), key(ID, ASCENDING, LAST));
    PlanNode node = SortNode.create(SortFixtures.source(input, true, 1), SortFixtures.rowType(),
        collation, 0, -1);
    List<Batch> batches = SortFixtures.run(node, context(4, executor, 1L << 32));
    assertThat(batches).allSatisfy(b -> assertThat(b.size()).isLessThanOrEqualTo(1 << 16));
    List<Object[]> output = SortFixtures.rows(batches);
    // id breaks every tie, so the order is fully determined.
    List<Object[]> expected = new ArrayList<>(input);
    expected.sort(reference(collation));
    assertThat(SortFixtures.ids(output)).isEqualTo(ids(input));
    assertThat(keysOf(output, collation(key(ID, ASCENDING, LAST))))
        .isEqualTo(keysOf(expected, collation(key(ID, ASCENDING, LAST))));
  }

  @Test
  void topNDoesNotHoldTheWholeInput() {
    List<Object[]> input = SortFixtures.randomRows(200_000, 17);
    List<Batch> batches = SortFixtures.batches(input, 2);
    long inputBytes = batches.stream().mapToLong(Batch::estimatedBytes).sum();
    RelCollation collation = collation(key(LONG, DESCENDING, LAST), key(ID, ASCENDING, LAST));
    PlanNode node = SortNode.create(new BatchesNode(batches, true), SortFixtures.rowType(),
        collation, 0, 10);
    QueryContext context = context(4, executor, 1L << 32);
    List<Object[]> output = SortFixtures.rows(SortFixtures.run(node, context));
    assertSorted(input, output, collation, 0, 10);
    assertThat(context.memory().peak()).isLessThan(inputBytes / 10);
    assertThat(context.memory().reserved()).isZero();
  }

  @Test
  void fullSortReleasesItsMemoryOnClose() {
    List<Object[]> input = SortFixtures.randomRows(10_000, 19);
    PlanNode node = SortNode.create(SortFixtures.source(input, true, 3), SortFixtures.rowType(),
        collation(key(STRING, ASCENDING, LAST)), 0, -1);
    QueryContext context = context(4, executor, 1L << 32);
    SortFixtures.run(node, context);
    assertThat(context.memory().peak()).isPositive();
    assertThat(context.memory().reserved()).isZero();
  }

  @Test
  void overTheMemoryLimitFailsWith53200() {
    List<Object[]> input = SortFixtures.randomRows(20_000, 23);
    for (long fetch : new long[] {-1, 100_000}) {
      PlanNode node = SortNode.create(SortFixtures.source(input, true, 3),
          SortFixtures.rowType(), collation(key(STRING, ASCENDING, LAST)), 0, fetch);
      QueryContext context = context(4, executor, 100_000);
      assertThatThrownBy(() -> SortFixtures.run(node, context))
          .isInstanceOfSatisfying(StorageException.class,
              e -> assertThat(e.sqlState()).isEqualTo("53200"))
          .hasMessageContaining("memory limit");
      assertThat(context.memory().reserved()).isZero();
    }
  }

  @Test
  void aFailingPartitionFailsTheSortWithItsOwnError() {
    PlanNode failing = new PlanNode() {
      @Override
      public int partitions(QueryContext context) {
        return context.parallelism();
      }

      @Override
      public Operator open(QueryContext context, int partition) {
        Operator rows = SortFixtures.source(SortFixtures.randomRows(100, partition), false, 1)
            .open(context, 0);
        return new Operator() {
          @Override
          public Batch next() {
            if (partition == 2) {
              throw new StorageException("22012", "division by zero");
            }
            return rows.next();
          }

          @Override
          public void close() {
            rows.close();
          }
        };
      }

      @Override
      public List<PlanNode> inputs() {
        return List.of();
      }
    };
    PlanNode node = SortNode.create(failing, SortFixtures.rowType(),
        collation(key(LONG, ASCENDING, LAST)), 0, -1);
    QueryContext context = context(4, executor, 1L << 30);
    assertThatThrownBy(() -> SortFixtures.run(node, context))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22012"));
    assertThat(context.memory().reserved()).isZero();
  }

  @Test
  void aCanceledQueryStopsTheSort() {
    PlanNode node = SortNode.create(SortFixtures.source(SortFixtures.randomRows(1000, 1), true,
        1), SortFixtures.rowType(), collation(key(LONG, ASCENDING, LAST)), 0, 10);
    QueryContext context = context(2, executor, 1L << 30);
    context.cancel();
    assertThatThrownBy(() -> SortFixtures.run(node, context))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("57014"));
  }

  @Test
  void unsupportedOrderingsAndTypesGiveNull() {
    PlanNode input = new BatchesNode(List.of(), false);
    RelDataType rowType = SortFixtures.rowType();
    assertThat(SortNode.create(input, rowType, collation(key(LONG, STRICTLY_ASCENDING, LAST)),
        0, -1)).isNull();
    assertThat(SortNode.create(input, rowType, collation(key(LONG, ASCENDING, LAST)), -1, -1))
        .isNull();
    SqlTypeFactoryImpl types = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);
    RelDataType binary = types.builder().add("b", SqlTypeName.VARBINARY, 10).build();
    assertThat(SortNode.create(input, binary, collation(key(0, ASCENDING, LAST)), 0, -1))
        .isNull();
  }

  @Test
  void noCollationNoOffsetNoFetchIsTheInputItself() {
    PlanNode input = new BatchesNode(List.of(), false);
    assertThat(SortNode.create(input, SortFixtures.rowType(), RelCollations.EMPTY, 0, -1))
        .isSameAs(input);
  }

  @Test
  void mixedDecimalFormsAcrossPartitionsMerge() {
    // Partition 0 holds long-form decimals, partition 1 BigDecimals of the same values.
    List<Object[]> rows = SortFixtures.randomRows(400, 29);
    rows.forEach(r -> {
      if (r[DECIMAL] != null && ((BigDecimal) r[DECIMAL]).precision() > 18) {
        r[DECIMAL] = null;
      }
    });
    Batch narrow = SortFixtures.batch(rows.subList(0, 200), false);
    Batch wide = SortFixtures.batch(rows.subList(200, 400), true);
    assertThat(narrow.column(DECIMAL).isWideDecimal()).isFalse();
    assertThat(wide.column(DECIMAL).isWideDecimal()).isTrue();
    RelCollation collation = collation(key(DECIMAL, DESCENDING, LAST), key(ID, ASCENDING,
        LAST));
    PlanNode node = SortNode.create(new BatchesNode(List.of(narrow, wide), true),
        SortFixtures.rowType(), collation, 0, -1);
    List<Batch> out = SortFixtures.run(node, context(2, executor, 1L << 30));
    assertThat(out.get(0).column(DECIMAL).kind).isEqualTo(narrow.column(DECIMAL).kind);
    assertSorted(rows, SortFixtures.rows(out), collation, 0, NO_LIMIT);
  }

  @Test
  void indexSortIsStableAndMatchesTheReferenceOnLargeInputs() {
    List<Object[]> input = SortFixtures.randomRows(30_000, 31);
    Batch batch = SortFixtures.batch(input, false);
    List<SortKey> keys = List.of(new SortKey(STRING, true, false), new SortKey(DOUBLE, false,
        true));
    int[] order = IndexSort.mergeSort(batch.size(), new RowComparator(batch, batch, keys));
    for (int i = 1; i < order.length; i++) {
      int c = new RowComparator(batch, batch, keys).compare(order[i - 1], order[i]);
      assertThat(c).isLessThanOrEqualTo(0);
      if (c == 0) {
        assertThat(order[i - 1]).isLessThan(order[i]);
      }
    }
  }

  private List<Object[]> sort(List<Object[]> input, boolean partitioned, int parallelism,
      RelCollation collation, long offset, long fetch) {
    PlanNode node = SortNode.create(SortFixtures.source(input, partitioned, offset + fetch),
        SortFixtures.rowType(), collation, offset, fetch);
    assertThat(node).isNotNull();
    QueryContext context = context(parallelism, executor, 1L << 32);
    assertThat(node.partitions(context)).isEqualTo(1);
    List<Object[]> output = SortFixtures.rows(SortFixtures.run(node, context));
    assertThat(context.memory().reserved()).isZero();
    return output;
  }

  /**
   * The output holds rows of the input, and its keys are exactly the reference's keys for rows
   * offset..offset+fetch (ties may come in any order).
   */
  private static void assertSorted(List<Object[]> input, List<Object[]> output,
      RelCollation collation, long offset, long fetch) {
    List<Object[]> expected = new ArrayList<>(input);
    expected.sort(reference(collation));
    int from = (int) Math.min(offset, expected.size());
    int to = (int) Math.min(expected.size(), from + Math.min(fetch, Integer.MAX_VALUE));
    List<Object[]> window = expected.subList(from, to);
    assertThat(keysOf(output, collation)).isEqualTo(keysOf(window, collation));
    for (Object[] row : output) {
      Object[] original = input.get((int) (long) (Long) row[ID]);
      assertThat(SortFixtures.canonical(row)).isEqualTo(SortFixtures.canonical(original));
    }
  }
}
