package io.basalt.planner.exec.agg;

import static io.basalt.planner.exec.agg.AggTestKit.FLAG;
import static io.basalt.planner.exec.agg.AggTestKit.K_DECIMAL;
import static io.basalt.planner.exec.agg.AggTestKit.K_LONG;
import static io.basalt.planner.exec.agg.AggTestKit.K_STRING;
import static io.basalt.planner.exec.agg.AggTestKit.V_BIGINT;
import static io.basalt.planner.exec.agg.AggTestKit.V_DECIMAL;
import static io.basalt.planner.exec.agg.AggTestKit.V_DOUBLE;
import static io.basalt.planner.exec.agg.AggTestKit.V_INT;
import static io.basalt.planner.exec.agg.AggTestKit.call;
import static io.basalt.planner.exec.agg.AggTestKit.distinctCall;
import static io.basalt.planner.exec.agg.AggTestKit.nullable;
import static io.basalt.planner.exec.agg.AggTestKit.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Drain;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.QueryContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Results of {@link HashAggregateNode} against a row-at-a-time reference aggregation. */
class TestHashAggregateNode {
  private final ExecutorService pool = AggTestKit.pool();

  @AfterEach
  void shutDown() {
    pool.shutdownNow();
  }

  static List<AggregateCall> allCalls() {
    List<AggregateCall> calls = new ArrayList<>();
    calls.add(call(SqlStdOperatorTable.COUNT, List.of(), -1, type(SqlTypeName.BIGINT)));
    calls.add(call(SqlStdOperatorTable.COUNT, List.of(V_INT), -1, type(SqlTypeName.BIGINT)));
    calls.add(call(SqlStdOperatorTable.COUNT, List.of(V_INT, V_DOUBLE), -1,
        type(SqlTypeName.BIGINT)));
    calls.add(call(SqlStdOperatorTable.SUM, List.of(V_INT), -1,
        nullable(type(SqlTypeName.BIGINT))));
    calls.add(call(SqlStdOperatorTable.SUM0, List.of(V_INT), -1, type(SqlTypeName.BIGINT)));
    calls.add(call(SqlStdOperatorTable.SUM, List.of(V_DECIMAL), -1,
        nullable(AggTestKit.TYPES.createSqlType(SqlTypeName.DECIMAL, 38, 2))));
    calls.add(call(SqlStdOperatorTable.SUM0, List.of(V_DECIMAL), -1,
        AggTestKit.TYPES.createSqlType(SqlTypeName.DECIMAL, 38, 2)));
    calls.add(call(SqlStdOperatorTable.SUM, List.of(V_DOUBLE), -1,
        nullable(type(SqlTypeName.DOUBLE))));
    calls.add(call(SqlStdOperatorTable.MIN, List.of(V_INT), -1,
        nullable(type(SqlTypeName.INTEGER))));
    calls.add(call(SqlStdOperatorTable.MAX, List.of(V_DECIMAL), -1,
        nullable(AggTestKit.TYPES.createSqlType(SqlTypeName.DECIMAL, 15, 2))));
    calls.add(call(SqlStdOperatorTable.MIN, List.of(V_DECIMAL), -1,
        nullable(AggTestKit.TYPES.createSqlType(SqlTypeName.DECIMAL, 15, 2))));
    calls.add(call(SqlStdOperatorTable.MAX, List.of(K_STRING), -1,
        nullable(AggTestKit.TYPES.createSqlType(SqlTypeName.VARCHAR, 10))));
    calls.add(call(SqlStdOperatorTable.MIN, List.of(K_STRING), -1,
        nullable(AggTestKit.TYPES.createSqlType(SqlTypeName.VARCHAR, 10))));
    calls.add(call(SqlStdOperatorTable.MIN, List.of(V_DOUBLE), -1,
        nullable(type(SqlTypeName.DOUBLE))));
    calls.add(call(SqlStdOperatorTable.MAX, List.of(V_DOUBLE), -1,
        nullable(type(SqlTypeName.DOUBLE))));
    calls.add(call(SqlStdOperatorTable.AVG, List.of(V_INT), -1,
        nullable(type(SqlTypeName.INTEGER))));
    calls.add(call(SqlStdOperatorTable.AVG, List.of(V_DECIMAL), -1,
        nullable(AggTestKit.TYPES.createSqlType(SqlTypeName.DECIMAL, 15, 2))));
    calls.add(call(SqlStdOperatorTable.AVG, List.of(V_DOUBLE), -1,
        nullable(type(SqlTypeName.DOUBLE))));
    calls.add(call(SqlStdOperatorTable.COUNT, List.of(), FLAG, type(SqlTypeName.BIGINT)));
    calls.add(call(SqlStdOperatorTable.SUM, List.of(V_DECIMAL), FLAG,
        nullable(AggTestKit.TYPES.createSqlType(SqlTypeName.DECIMAL, 38, 2))));
    calls.add(call(SqlStdOperatorTable.MAX, List.of(V_INT), FLAG,
        nullable(type(SqlTypeName.INTEGER))));
    calls.add(call(SqlLibraryOperators.BOOL_AND, List.of(FLAG), -1,
        nullable(type(SqlTypeName.BOOLEAN))));
    calls.add(call(SqlLibraryOperators.BOOL_OR, List.of(FLAG), -1,
        nullable(type(SqlTypeName.BOOLEAN))));
    calls.add(call(SqlStdOperatorTable.ANY_VALUE, List.of(V_BIGINT), -1,
        nullable(type(SqlTypeName.BIGINT))));
    calls.add(distinctCall(SqlStdOperatorTable.COUNT, List.of(K_STRING), -1,
        type(SqlTypeName.BIGINT)));
    calls.add(distinctCall(SqlStdOperatorTable.COUNT, List.of(K_STRING, K_DECIMAL), -1,
        type(SqlTypeName.BIGINT)));
    calls.add(distinctCall(SqlStdOperatorTable.SUM, List.of(K_DECIMAL), -1,
        nullable(AggTestKit.TYPES.createSqlType(SqlTypeName.DECIMAL, 38, 2))));
    calls.add(distinctCall(SqlStdOperatorTable.COUNT, List.of(V_DOUBLE), FLAG,
        type(SqlTypeName.BIGINT)));
    calls.add(distinctCall(SqlStdOperatorTable.AVG, List.of(K_DECIMAL), -1,
        nullable(AggTestKit.TYPES.createSqlType(SqlTypeName.DECIMAL, 12, 2))));
    return calls;
  }

  private void assertMatchesReference(int[] groups, int parallelism, int rowCount,
      int distinctLongKeys, long seed) {
    List<Object[]> rows = AggTestKit.randomRows(new Random(seed), rowCount, distinctLongKeys);
    List<AggregateCall> calls = allCalls();
    PlanNode node = AggTestKit.node(AggTestKit.batches(rows, 997), groups, calls);
    QueryContext context = AggTestKit.context(pool, parallelism, 1L << 30);
    List<List<Object>> actual = AggTestKit.run(node, context);
    assertThat(AggTestKit.sorted(actual))
        .isEqualTo(AggTestKit.sorted(AggTestKit.reference(rows, groups, calls)));
    assertThat(context.memory().reserved()).isZero();
    assertThat(context.memory().peak()).isPositive();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void groupsByOneLongKey(int parallelism) {
    assertMatchesReference(new int[] {K_LONG}, parallelism, 20_000, 300, 1);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void groupsByOneStringKey(int parallelism) {
    assertMatchesReference(new int[] {K_STRING}, parallelism, 20_000, 300, 2);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void groupsByLongStringAndDecimalKeys(int parallelism) {
    assertMatchesReference(new int[] {K_LONG, K_STRING, K_DECIMAL}, parallelism, 30_000, 40, 3);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void groupsByTwoLongKeys(int parallelism) {
    assertMatchesReference(new int[] {K_LONG, FLAG}, parallelism, 20_000, 500, 7);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void groupsByLongKeysInsideAndOutsideTheDirectWindow(int parallelism) {
    Random random = new Random(8);
    List<Object[]> rows = AggTestKit.randomRows(random, 30_000, 10);
    long[] extremes = {Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, -1, 0, 1 << 13,
        -(1 << 13), 1 << 14};
    for (Object[] row : rows) {
      int choice = random.nextInt(4);
      row[K_LONG] = choice == 0 ? extremes[random.nextInt(extremes.length)]
          : choice == 1 ? (long) random.nextInt(40_000) - 20_000
          : choice == 2 ? random.nextLong() % 1000 : row[K_LONG];
      row[FLAG] = choice == 3 ? null : extremes[random.nextInt(extremes.length)];
    }
    List<AggregateCall> calls = List.of(
        call(SqlStdOperatorTable.COUNT, List.of(), -1, type(SqlTypeName.BIGINT)),
        call(SqlStdOperatorTable.SUM, List.of(V_INT), -1, nullable(type(SqlTypeName.BIGINT))));
    for (int[] groups : new int[][] {{K_LONG}, {K_LONG, FLAG}}) {
      PlanNode node = AggTestKit.node(AggTestKit.batches(rows, 1000), groups, calls);
      assertThat(AggTestKit.sorted(AggTestKit.run(node,
          AggTestKit.context(pool, parallelism, 1L << 30))))
          .isEqualTo(AggTestKit.sorted(AggTestKit.reference(rows, groups, calls)));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void groupsByDoubleKey(int parallelism) {
    assertMatchesReference(new int[] {V_DOUBLE}, parallelism, 20_000, 10, 4);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void groupsByManyDistinctKeys(int parallelism) {
    assertMatchesReference(new int[] {K_LONG, K_STRING}, parallelism, 20_000, 100_000, 5);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void aggregatesWithoutGroupBy(int parallelism) {
    assertMatchesReference(new int[0], parallelism, 20_000, 10, 6);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void emptyInputGroupedHasNoRows(int parallelism) {
    PlanNode node = AggTestKit.node(List.of(), new int[] {K_LONG}, allCalls());
    assertThat(AggTestKit.run(node, AggTestKit.context(pool, parallelism, 1 << 20))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void emptyInputGlobalHasOneRow(int parallelism) {
    List<AggregateCall> calls = List.of(
        call(SqlStdOperatorTable.COUNT, List.of(), -1, type(SqlTypeName.BIGINT)),
        call(SqlStdOperatorTable.SUM, List.of(V_INT), -1, nullable(type(SqlTypeName.BIGINT))),
        call(SqlStdOperatorTable.SUM0, List.of(V_INT), -1, type(SqlTypeName.BIGINT)),
        call(SqlStdOperatorTable.SUM0, List.of(V_DECIMAL), -1,
            AggTestKit.TYPES.createSqlType(SqlTypeName.DECIMAL, 38, 2)),
        call(SqlStdOperatorTable.MIN, List.of(K_STRING), -1,
            nullable(AggTestKit.TYPES.createSqlType(SqlTypeName.VARCHAR, 10))),
        call(SqlStdOperatorTable.AVG, List.of(V_DECIMAL), -1,
            nullable(AggTestKit.TYPES.createSqlType(SqlTypeName.DECIMAL, 15, 2))));
    PlanNode node = AggTestKit.node(List.of(), new int[0], calls);
    assertThat(node.partitions(AggTestKit.context(pool, parallelism, 1 << 20))).isEqualTo(1);
    assertThat(AggTestKit.run(node, AggTestKit.context(pool, parallelism, 1 << 20)))
        .containsExactly(Arrays.asList(0L, null, 0L,
            new BigDecimal("0.00"), null, null));
  }

  @Test
  void nullKeysFormOneGroup() {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Object[] row = new Object[AggTestKit.INPUT.getFieldCount()];
      row[V_INT] = (long) i;
      rows.add(row);
    }
    List<AggregateCall> calls = List.of(
        call(SqlStdOperatorTable.COUNT, List.of(), -1, type(SqlTypeName.BIGINT)),
        call(SqlStdOperatorTable.SUM, List.of(V_INT), -1, nullable(type(SqlTypeName.BIGINT))));
    PlanNode node = AggTestKit.node(AggTestKit.batches(rows, 3), new int[] {K_LONG, K_STRING},
        calls);
    assertThat(AggTestKit.run(node, AggTestKit.context(pool, 4, 1 << 20)))
        .containsExactly(Arrays.asList(null, null, 10L, 45L));
    PlanNode single = AggTestKit.node(AggTestKit.batches(rows, 3), new int[] {K_LONG}, calls);
    assertThat(AggTestKit.run(single, AggTestKit.context(pool, 4, 1 << 20)))
        .containsExactly(Arrays.asList(null, 10L, 45L));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void outputBatchesHoldAtMost64KRows(int parallelism) {
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < 150_000; i++) {
      Object[] row = new Object[AggTestKit.INPUT.getFieldCount()];
      row[K_LONG] = i;
      rows.add(row);
    }
    List<AggregateCall> calls = List.of(
        call(SqlStdOperatorTable.COUNT, List.of(), -1, type(SqlTypeName.BIGINT)));
    PlanNode node = AggTestKit.node(AggTestKit.batches(rows, 10_000), new int[] {K_LONG}, calls);
    QueryContext context = AggTestKit.context(pool, parallelism, 1L << 30);
    List<Batch> batches = Drain.all(node, context);
    assertThat(batches).allSatisfy(b -> assertThat(b.size()).isLessThanOrEqualTo(1 << 16));
    assertThat(batches.stream().mapToInt(Batch::size).sum()).isEqualTo(150_000);
    assertThat(context.memory().reserved()).isZero();
  }
}
