package io.basalt.planner.exec.join;

import static io.basalt.planner.exec.join.JoinFixture.FIELDS;
import static io.basalt.planner.exec.join.JoinFixture.ROW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.Drain;
import io.basalt.planner.exec.Operator;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.QueryContext;
import io.basalt.planner.exec.expr.VectorExpression;
import io.basalt.storage.StorageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Hash joins of every type against a nested-loop reference, serial and in parallel. */
class TestHashJoinNode {
  private static final ExecutorService POOL = Executors.newCachedThreadPool();
  private static final long NO_LIMIT = 1L << 40;
  private static final List<JoinRelType> TYPES = List.of(JoinRelType.INNER, JoinRelType.LEFT,
      JoinRelType.RIGHT, JoinRelType.FULL, JoinRelType.SEMI, JoinRelType.ANTI);
  /** Key lists: one LONG, two LONGs, STRING, DECIMAL, DOUBLE, and LONG with STRING. */
  private static final List<int[]> KEYS = List.of(new int[] {0}, new int[] {0, 1},
      new int[] {2}, new int[] {3}, new int[] {4}, new int[] {1, 2});

  @AfterAll
  static void shutDown() {
    POOL.shutdownNow();
  }

  /** A residual left.field <> right.field, NULL when either side is NULL. */
  private static VectorExpression notEqual(int field) {
    return (batch, context) -> {
      Column left = batch.column(field);
      Column right = batch.column(FIELDS + field);
      int size = batch.size();
      long[] values = new long[size];
      boolean[] nulls = new boolean[size];
      for (int i = 0; i < size; i++) {
        nulls[i] = left.isNull(i) || right.isNull(i);
        values[i] = left.longs[i] != right.longs[i] ? 1 : 0;
      }
      return Column.ofLongs(size, values, nulls);
    };
  }

  private static BiPredicate<Object[], Object[]> notEqualReference(int field) {
    return (left, right) -> left[field] != null && right[field] != null
        && !left[field].equals(right[field]);
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (JoinRelType type : TYPES) {
      for (int parallelism : new int[] {1, 4}) {
        for (int[] keys : KEYS) {
          for (Residual residual : Residual.values()) {
            cases.add(Arguments.of(type, parallelism, keys, residual));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} parallelism={1} keys={2} residual={3}")
  @MethodSource("cases")
  void matchesNestedLoopJoin(JoinRelType type, int parallelism, int[] keys, Residual residual) {
    for (int seed = 0; seed < 4; seed++) {
      Random random = new Random(seed * 31L + type.ordinal() * 7L + keys.length);
      // Even seeds: the left input is bigger; odd: smaller (SEMI and ANTI then hash the left).
      boolean leftBigger = seed % 2 == 0;
      List<Object[]> left = JoinFixture.randomRows(random,
          leftBigger ? 300 + random.nextInt(150) : 50 + random.nextInt(100), 12);
      List<Object[]> right = JoinFixture.randomRows(random,
          leftBigger ? 50 + random.nextInt(150) : 200 + random.nextInt(200), 12);
      check(type, parallelism, keys, left, right, residual, 5, random);
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"INNER", "LEFT", "RIGHT", "FULL", "SEMI", "ANTI"})
  void emptyBuildSide(JoinRelType type) {
    Random random = new Random(1);
    List<Object[]> left = JoinFixture.randomRows(random, 200, 10);
    for (int parallelism : new int[] {1, 4}) {
      check(type, parallelism, new int[] {0}, left, List.of(), Residual.NONE, 5, random);
      check(type, parallelism, new int[] {0}, left, List.of(), Residual.READS_ALL, 5, random);
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"INNER", "LEFT", "RIGHT", "FULL", "SEMI", "ANTI"})
  void emptyProbeSide(JoinRelType type) {
    Random random = new Random(2);
    List<Object[]> right = JoinFixture.randomRows(random, 200, 10);
    for (int parallelism : new int[] {1, 4}) {
      check(type, parallelism, new int[] {0}, List.of(), right, Residual.NONE, 5, random);
      check(type, parallelism, new int[] {0, 2}, List.of(), right, Residual.READS_TWO, 5,
          random);
    }
  }

  @Test
  void q21LikeSemiAndAntiJoinsOnOrderKeyWithSupplierResidual() {
    // l1 SEMI/ANTI l3 ON l1.orderkey = l3.orderkey AND l3.suppkey <> l1.suppkey.
    Random random = new Random(21);
    List<Object[]> lineitem = JoinFixture.randomRows(random, 3000, 600);
    List<Object[]> filtered = lineitem.subList(0, 700);
    for (JoinRelType type : List.of(JoinRelType.SEMI, JoinRelType.ANTI)) {
      for (Residual residual : List.of(Residual.READS_TWO, Residual.READS_ALL)) {
        check(type, 4, new int[] {0}, filtered, lineitem, residual, 1, random);
        check(type, 4, new int[] {0}, lineitem, filtered, residual, 1, random);
        check(type, 1, new int[] {0}, filtered, lineitem, residual, 1, random);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"INNER", "LEFT", "FULL", "ANTI"})
  void manyDistinctKeysGrowTheTable(JoinRelType type) {
    Random random = new Random(22);
    List<Object[]> left = JoinFixture.randomRows(random, 40_000, 1_000_000);
    List<Object[]> right = JoinFixture.randomRows(random, 30_000, 1_000_000);
    for (int[] keys : List.of(new int[] {0}, new int[] {0, 1}, new int[] {2})) {
      checkSorted(type, 4, keys, left, right);
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"INNER", "LEFT", "RIGHT", "FULL", "SEMI", "ANTI"})
  void bigBuildSidesAreHashedInParallel(JoinRelType type) {
    // Past PartitionedLongTable.MIN_ROWS rows on one LONG key, with parallelism > 1; SEMI and
    // ANTI hash the (smaller) left input here, INNER to FULL the right one.
    Random random = new Random(24);
    List<Object[]> left =
        JoinFixture.randomRows(random, PartitionedLongTable.MIN_ROWS + 10, 90_000);
    List<Object[]> right = JoinFixture.randomRows(random, PartitionedLongTable.MIN_ROWS + 5000,
        90_000);
    checkSorted(type, 4, new int[] {0}, left, right);
  }

  @ParameterizedTest
  @EnumSource(names = {"RIGHT", "FULL"})
  void unmatchedBuildRowsAreEmittedOnceAcrossPartitions(JoinRelType type) {
    List<Object[]> left = new ArrayList<>();
    List<Object[]> right = new ArrayList<>();
    for (long i = 0; i < 1000; i++) {
      left.add(new Object[] {i * 2, 0L, "l", null, null, i});
      right.add(new Object[] {i, 0L, "r", null, null, i});
    }
    Random random = new Random(3);
    PlanNode node = join(type, new int[] {0}, JoinFixture.batches(random, left, 37),
        JoinFixture.batches(random, right, 41), null);
    QueryContext context = JoinFixture.context(4, POOL, NO_LIMIT);
    List<List<Object>> rows = JoinFixture.run(node, context);
    long unmatchedRight = rows.stream().filter(r -> r.get(0) == null).count();
    assertThat(unmatchedRight).isEqualTo(500);
    assertThat(rows.stream().filter(r -> r.get(0) == null).map(r -> r.get(FIELDS + 5))
        .distinct().count()).isEqualTo(500);
    assertThat(rows).hasSize(type == JoinRelType.FULL ? 500 + 500 + 500 : 500 + 500);
    assertThat(context.memory().reserved()).isZero();
  }

  @Test
  void manyMatchesOfOneProbeBatchAreChunked() {
    List<Object[]> left = new ArrayList<>();
    List<Object[]> right = new ArrayList<>();
    for (long i = 0; i < 400; i++) {
      left.add(new Object[] {7L, i, "l", null, null, i});
      right.add(new Object[] {7L, i, "r", null, null, i});
    }
    PlanNode node = join(JoinRelType.INNER, new int[] {0},
        List.of(JoinFixture.batch(left, false)), List.of(JoinFixture.batch(right, false)), null);
    List<Batch> batches = Drain.all(node, JoinFixture.context(1, POOL, NO_LIMIT));
    assertThat(batches).hasSizeGreaterThan(2);
    assertThat(batches).allSatisfy(b -> assertThat(b.size()).isLessThanOrEqualTo(1 << 16));
    assertThat(batches.stream().mapToInt(Batch::size).sum()).isEqualTo(400 * 400);
  }

  @Test
  void buildSideOverTheMemoryLimitFails() {
    Random random = new Random(4);
    List<Batch> right = JoinFixture.batches(random, JoinFixture.randomRows(random, 5000, 100), 500);
    List<Batch> left = JoinFixture.batches(random, JoinFixture.randomRows(random, 500, 100), 50);
    for (int parallelism : new int[] {1, 4}) {
      for (JoinRelType type : List.of(JoinRelType.INNER, JoinRelType.SEMI, JoinRelType.ANTI)) {
        QueryContext context = JoinFixture.context(parallelism, POOL, 64 * 1024);
        PlanNode node = join(type, new int[] {0}, left, right, null);
        assertThatThrownBy(() -> Drain.all(node, context))
            .isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.sqlState()).isEqualTo("53200"))
            .hasMessageStartingWith("Query exceeded its memory limit");
        assertThat(context.memory().reserved()).isZero();
      }
    }
  }

  @Test
  void buildFailureReachesEveryProbePartition() {
    PlanNode failing = new PlanNode() {
      @Override
      public int partitions(QueryContext context) {
        return context.parallelism();
      }

      @Override
      public Operator open(QueryContext context, int partition) {
        return new Operator() {
          @Override
          public Batch next() {
            throw new StorageException("22012", "division by zero");
          }

          @Override
          public void close() {}
        };
      }

      @Override
      public List<PlanNode> inputs() {
        return List.of();
      }
    };
    Random random = new Random(5);
    PlanNode left = JoinFixture.input(
        JoinFixture.batches(random, JoinFixture.randomRows(random, 100, 10), 10));
    PlanNode node = HashJoinNode.create(left, failing, ROW, ROW, new int[] {0}, new int[] {0},
        JoinRelType.INNER, null, JoinFixture.outputType(false));
    QueryContext context = JoinFixture.context(4, POOL, NO_LIMIT);
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      int partition = p;
      Thread thread = new Thread(() -> {
        try (Operator operator = node.open(context, partition)) {
          operator.next();
        } catch (RuntimeException e) {
          failures.add(e);
        }
      });
      thread.start();
      threads.add(thread);
    }
    threads.forEach(t -> {
      try {
        t.join();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    });
    assertThat(failures).hasSize(4).allSatisfy(e -> assertThat(e)
        .isInstanceOf(StorageException.class).hasMessage("division by zero"));
  }

  @Test
  void unsupportedJoinsAreNotCreated() {
    PlanNode input = JoinFixture.input(List.of());
    RelDataType output = JoinFixture.outputType(false);
    // BIGINT = VARCHAR, DECIMAL(12,2) = DECIMAL(12,3), no keys, ASOF.
    assertThat(HashJoinNode.create(input, input, ROW, ROW, new int[] {0}, new int[] {2},
        JoinRelType.INNER, null, output)).isNull();
    RelDataType otherScale = JoinFixture.TYPES.builder()
        .add("d", JoinFixture.TYPES.createSqlType(SqlTypeName.DECIMAL, 12, 3)).build();
    assertThat(HashJoinNode.create(input, input, ROW, otherScale, new int[] {3}, new int[] {0},
        JoinRelType.INNER, null, output)).isNull();
    assertThat(HashJoinNode.create(input, input, ROW, ROW, new int[0], new int[0],
        JoinRelType.INNER, null, output)).isNull();
    assertThat(HashJoinNode.create(input, input, ROW, ROW, new int[] {0}, new int[] {0},
        JoinRelType.ASOF, null, output)).isNull();
    assertThat(HashJoinNode.create(input, input, ROW, ROW, new int[] {0}, new int[] {0},
        JoinRelType.INNER, null, output)).isNotNull();
  }

  private static PlanNode join(JoinRelType type, int[] keys, List<Batch> left,
      List<Batch> right, VectorExpression residual) {
    boolean leftOnly = type == JoinRelType.SEMI || type == JoinRelType.ANTI;
    PlanNode node = HashJoinNode.create(JoinFixture.input(left), JoinFixture.input(right), ROW,
        ROW, keys, keys, type, residual, JoinFixture.outputType(leftOnly));
    assertThat(node).isNotNull();
    return node;
  }

  /**
   * How a test passes the residual left.field <> right.field: not at all, without saying which
   * fields it reads, or saying it reads exactly those two.
   */
  enum Residual {
    NONE, READS_ALL, READS_TWO
  }

  /** Runs the join and compares it with the nested-loop reference. */
  private static void check(JoinRelType type, int parallelism, int[] keys, List<Object[]> left,
      List<Object[]> right, Residual residual, int residualField, Random random) {
    boolean leftOnly = type == JoinRelType.SEMI || type == JoinRelType.ANTI;
    PlanNode node = HashJoinNode.create(JoinFixture.input(JoinFixture.batches(random, left, 64)),
        JoinFixture.input(JoinFixture.batches(random, right, 64)), ROW, ROW, keys, keys, type,
        residual == Residual.NONE ? null : notEqual(residualField),
        residual == Residual.READS_TWO
            ? ImmutableBitSet.of(residualField, FIELDS + residualField) : null,
        JoinFixture.outputType(leftOnly));
    QueryContext context = JoinFixture.context(parallelism, POOL, NO_LIMIT);
    List<String> actual = sorted(JoinFixture.run(node, context));
    List<String> expected = sorted(reference(type, keys, left, right,
        residual == Residual.NONE ? (l, r) -> true : notEqualReference(residualField)));
    assertThat(actual).isEqualTo(expected);
    assertThat(context.memory().reserved()).isZero();
  }

  /** As check, without a residual, with a sort-merge reference for inputs too big for loops. */
  private static void checkSorted(JoinRelType type, int parallelism, int[] keys,
      List<Object[]> left, List<Object[]> right) {
    Random random = new Random(23);
    PlanNode node = join(type, keys, JoinFixture.batches(random, left, 5000),
        JoinFixture.batches(random, right, 5000), null);
    QueryContext context = JoinFixture.context(parallelism, POOL, NO_LIMIT);
    List<String> actual = sorted(JoinFixture.run(node, context));
    Map<List<Object>, List<Object[]>> byKey = new HashMap<>();
    for (Object[] r : right) {
      List<Object> key = keyOf(keys, r);
      if (key != null) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      }
    }
    Set<Object[]> matchedRight = Collections.newSetFromMap(new IdentityHashMap<>());
    List<List<Object>> expected = new ArrayList<>();
    Object[] nullRow = new Object[FIELDS];
    for (Object[] l : left) {
      List<Object> key = keyOf(keys, l);
      List<Object[]> matches = key == null ? List.of() : byKey.getOrDefault(key, List.of());
      for (Object[] r : matches) {
        matchedRight.add(r);
        if (type != JoinRelType.ANTI && type != JoinRelType.SEMI) {
          expected.add(JoinFixture.concat(l, r));
        }
      }
      if (!matches.isEmpty() && type == JoinRelType.SEMI) {
        expected.add(Arrays.asList(l));
      } else if (matches.isEmpty() && type == JoinRelType.ANTI) {
        expected.add(Arrays.asList(l));
      } else if (matches.isEmpty()
          && (type == JoinRelType.LEFT || type == JoinRelType.FULL)) {
        expected.add(JoinFixture.concat(l, nullRow));
      }
    }
    if (type == JoinRelType.RIGHT || type == JoinRelType.FULL) {
      right.stream().filter(r -> !matchedRight.contains(r))
          .forEach(r -> expected.add(JoinFixture.concat(nullRow, r)));
    }
    assertThat(actual).isEqualTo(sorted(expected));
    assertThat(context.memory().reserved()).isZero();
  }

  private static List<Object> keyOf(int[] keys, Object[] row) {
    List<Object> key = new ArrayList<>();
    for (int k : keys) {
      if (row[k] == null) {
        return null;
      }
      key.add(row[k]);
    }
    return key;
  }

  private static List<String> sorted(List<List<Object>> rows) {
    List<String> strings = new ArrayList<>();
    rows.forEach(r -> strings.add(r.toString()));
    Collections.sort(strings);
    return strings;
  }

  private static List<List<Object>> reference(JoinRelType type, int[] keys, List<Object[]> left,
      List<Object[]> right, BiPredicate<Object[], Object[]> residual) {
    List<List<Object>> rows = new ArrayList<>();
    Object[] nullRow = new Object[FIELDS];
    boolean[] rightMatched = new boolean[right.size()];
    for (Object[] l : left) {
      boolean matched = false;
      for (int j = 0; j < right.size(); j++) {
        Object[] r = right.get(j);
        if (keysEqual(keys, l, r) && residual.test(l, r)) {
          matched = true;
          rightMatched[j] = true;
          if (type != JoinRelType.SEMI && type != JoinRelType.ANTI) {
            rows.add(JoinFixture.concat(l, r));
          }
        }
      }
      if (matched && type == JoinRelType.SEMI || !matched && type == JoinRelType.ANTI) {
        rows.add(Arrays.asList(l));
      }
      if (!matched && (type == JoinRelType.LEFT || type == JoinRelType.FULL)) {
        rows.add(JoinFixture.concat(l, nullRow));
      }
    }
    if (type == JoinRelType.RIGHT || type == JoinRelType.FULL) {
      for (int j = 0; j < right.size(); j++) {
        if (!rightMatched[j]) {
          rows.add(JoinFixture.concat(nullRow, right.get(j)));
        }
      }
    }
    return rows;
  }

  private static boolean keysEqual(int[] keys, Object[] left, Object[] right) {
    for (int key : keys) {
      if (left[key] == null || !Objects.equals(left[key], right[key])) {
        return false;
      }
    }
    return true;
  }
}
