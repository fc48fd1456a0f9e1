package io.basalt.planner.exec.agg;

import static io.basalt.planner.exec.agg.AggTestKit.K_DECIMAL;
import static io.basalt.planner.exec.agg.AggTestKit.K_LONG;
import static io.basalt.planner.exec.agg.AggTestKit.K_STRING;
import static io.basalt.planner.exec.agg.AggTestKit.V_BIGINT;
import static io.basalt.planner.exec.agg.AggTestKit.V_DECIMAL;
import static io.basalt.planner.exec.agg.AggTestKit.V_INT;
import static io.basalt.planner.exec.agg.AggTestKit.call;
import static io.basalt.planner.exec.agg.AggTestKit.nullable;
import static io.basalt.planner.exec.agg.AggTestKit.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.planner.exec.BatchesNode;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.QueryContext;
import io.basalt.storage.StorageException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Overflow, SINGLE_VALUE, memory limit and unsupported calls of {@link HashAggregateNode}. */
class TestHashAggregateLimits {
  private final ExecutorService pool = AggTestKit.pool();

  @AfterEach
  void shutDown() {
    pool.shutdownNow();
  }

  private static List<Object[]> rows(int count, int field, Object value) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Object[] row = new Object[AggTestKit.INPUT.getFieldCount()];
      row[K_LONG] = (long) (i % 2);
      row[field] = value;
      rows.add(row);
    }
    return rows;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void decimalSumOverflowsIntoBigDecimalExactly(int parallelism) {
    BigDecimal big = new BigDecimal("40000000000000000.01");
    List<Object[]> rows = rows(40, V_DECIMAL, big);
    List<AggregateCall> calls = List.of(call(SqlStdOperatorTable.SUM, List.of(V_DECIMAL), -1,
        nullable(AggTestKit.TYPES.createSqlType(SqlTypeName.DECIMAL, 38, 2))));
    // Batches of 3 rows alternate the unscaled-long and BigDecimal forms.
    PlanNode node = AggTestKit.node(AggTestKit.batches(rows, 3), new int[] {K_LONG}, calls);
    QueryContext context = AggTestKit.context(pool, parallelism, 1L << 30);
    BigDecimal expected = big.multiply(BigDecimal.valueOf(20));
    assertThat(AggTestKit.sorted(AggTestKit.run(node, context))).containsExactly(
        "[0, " + expected + "]", "[1, " + expected + "]");
    assertThat(expected.unscaledValue().bitLength()).isGreaterThan(63);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void bigintSumOverflowFailsWith22003(int parallelism) {
    List<Object[]> rows = rows(10, V_BIGINT, Long.MAX_VALUE / 3);
    List<AggregateCall> calls = List.of(call(SqlStdOperatorTable.SUM, List.of(V_BIGINT), -1,
        nullable(type(SqlTypeName.BIGINT))));
    PlanNode node = AggTestKit.node(AggTestKit.batches(rows, 2), new int[0], calls);
    assertThatThrownBy(() -> AggTestKit.run(node, AggTestKit.context(pool, parallelism, 1 << 20)))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22003"))
        .hasMessage("Cannot compute aggregate: BIGINT out of range");
  }

  @Test
  void integerSumOutOfItsTypeFailsWith22003() {
    List<Object[]> rows = rows(10, V_INT, (long) Integer.MAX_VALUE);
    List<AggregateCall> calls = List.of(call(SqlStdOperatorTable.SUM, List.of(V_INT), -1,
        nullable(type(SqlTypeName.INTEGER))));
    PlanNode node = AggTestKit.node(AggTestKit.batches(rows, 4), new int[0], calls);
    assertThatThrownBy(() -> AggTestKit.run(node, AggTestKit.context(pool, 1, 1 << 20)))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22003"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void singleValueReturnsTheOnlyRowAndRejectsTwo(int parallelism) {
    List<AggregateCall> calls = List.of(call(SqlStdOperatorTable.SINGLE_VALUE, List.of(K_STRING),
        -1, nullable(AggTestKit.TYPES.createSqlType(SqlTypeName.VARCHAR, 10))));
    List<Object[]> one = rows(2, K_STRING, "x");
    one.get(1)[K_STRING] = null;
    PlanNode ok = AggTestKit.node(AggTestKit.batches(one, 1), new int[] {K_LONG}, calls);
    QueryContext okContext = AggTestKit.context(pool, parallelism, 1 << 20);
    assertThat(AggTestKit.sorted(AggTestKit.run(ok, okContext)))
        .containsExactly("[0, x]", "[1, null]");

    // Rows of a group in different batches, hence (at parallelism 4) in different partitions.
    List<Object[]> two = rows(4, K_STRING, null);
    PlanNode failing = AggTestKit.node(AggTestKit.batches(two, 1), new int[] {K_LONG}, calls);
    QueryContext context = AggTestKit.context(pool, parallelism, 1 << 20);
    assertThatThrownBy(() -> AggTestKit.run(failing, context))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("21000"))
        .hasMessage("more than one row returned by a subquery used as an expression");
    assertThat(context.memory().reserved()).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void memoryLimitFailsWith53200AndReleasesEverything(int parallelism) {
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < 200_000; i++) {
      Object[] row = new Object[AggTestKit.INPUT.getFieldCount()];
      row[K_LONG] = i;
      row[V_INT] = i;
      rows.add(row);
    }
    List<AggregateCall> calls = List.of(
        call(SqlStdOperatorTable.SUM, List.of(V_INT), -1, nullable(type(SqlTypeName.BIGINT))));
    PlanNode node = AggTestKit.node(AggTestKit.batches(rows, 4096), new int[] {K_LONG}, calls);
    QueryContext context = AggTestKit.context(pool, parallelism, 1 << 20);
    assertThatThrownBy(() -> AggTestKit.run(node, context))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.sqlState()).isEqualTo("53200"));
    assertThat(context.memory().reserved()).isZero();
  }

  /** Answers Calcite 1.42's Enumerable gave for the same aggregates over VALUES. */
  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void avgAndAnyValueRoundLikeEnumerable(int parallelism) {
    List<Object[]> rows = new ArrayList<>();
    long[][] values = {{100, -100, -7, 3}, {200, -200, -8, 9}, {200, -200, -8, 5}};
    for (long[] v : values) {
      Object[] row = new Object[AggTestKit.INPUT.getFieldCount()];
      row[V_DECIMAL] = BigDecimal.valueOf(v[0], 2);
      row[K_DECIMAL] = BigDecimal.valueOf(v[1], 2);
      row[V_INT] = v[2];
      row[V_BIGINT] = v[3];
      rows.add(row);
    }
    List<AggregateCall> calls = List.of(
        call(SqlStdOperatorTable.AVG, List.of(V_DECIMAL), -1,
            nullable(AggTestKit.TYPES.createSqlType(SqlTypeName.DECIMAL, 15, 2))),
        call(SqlStdOperatorTable.AVG, List.of(K_DECIMAL), -1,
            nullable(AggTestKit.TYPES.createSqlType(SqlTypeName.DECIMAL, 12, 2))),
        call(SqlStdOperatorTable.AVG, List.of(V_INT), -1, nullable(type(SqlTypeName.INTEGER))),
        call(SqlStdOperatorTable.ANY_VALUE, List.of(V_BIGINT), -1,
            nullable(type(SqlTypeName.BIGINT))));
    PlanNode node = AggTestKit.node(AggTestKit.batches(rows, 1), new int[0], calls);
    assertThat(AggTestKit.run(node, AggTestKit.context(pool, parallelism, 1 << 20)))
        .containsExactly(List.of(new BigDecimal("1.66"), new BigDecimal("-1.66"), -7L, 9L));
  }

  @Test
  void unsupportedCallsGiveNull() {
    AggregateCall distinctKeys = AggregateCall.create(SqlParserPos.ZERO,
        SqlStdOperatorTable.COUNT, false, false, false, List.of(), List.of(V_INT), -1,
        ImmutableBitSet.of(V_INT), RelCollations.EMPTY, type(SqlTypeName.BIGINT), null);
    AggregateCall sumOfString = call(SqlStdOperatorTable.SUM, List.of(K_STRING), -1,
        nullable(AggTestKit.TYPES.createSqlType(SqlTypeName.VARCHAR, 10)));
    AggregateCall stddev = call(SqlStdOperatorTable.STDDEV_POP, List.of(V_INT), -1,
        nullable(type(SqlTypeName.INTEGER)));
    for (AggregateCall call : Arrays.asList(distinctKeys, sumOfString, stddev)) {
      List<AggregateCall> calls = List.of(call);
      assertThat(HashAggregateNode.create(new BatchesNode(List.of(), true), AggTestKit.INPUT,
          ImmutableBitSet.of(K_LONG), calls, AggTestKit.outputType(new int[] {K_LONG}, calls)))
          .as(call.toString())
          .isNull();
    }
  }
}
