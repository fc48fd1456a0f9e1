package io.basalt.planner.exec.agg;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.ColumnKind;
import io.basalt.planner.exec.ColumnKinds;
import io.basalt.planner.exec.Operator;
import io.basalt.planner.exec.PlanNode;
import io.basalt.planner.exec.QueryContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's Aggregate (one grouping set) as a parallel hash aggregation: every input partition
 * aggregates into its own partial table, the partial groups are split by key hash into one
 * bucket per output partition, and output partition p merges bucket p of every partial table and
 * emits its groups. Without GROUP BY there is one output partition and always one row.
 */
public final class HashAggregateNode implements PlanNode {
  static final int MAX_BATCH_ROWS = 1 << 16;

  private final PlanNode input;
  private final int[] groupFields;
  private final ColumnKind[] keyKinds;
  private final int[] keyScales;
  private final List<Accumulator> prototypes;
  /** The partial phase of each running execution; weak so an abandoned query leaks nothing. */
  private final Map<QueryContext, PartialPhase> phases =
      Collections.synchronizedMap(new WeakHashMap<>());

  private HashAggregateNode(PlanNode input, int[] groupFields, ColumnKind[] keyKinds,
      int[] keyScales, List<Accumulator> prototypes) {
    this.input = input;
    this.groupFields = groupFields;
    this.keyKinds = keyKinds;
    this.keyScales = keyScales;
    this.prototypes = List.copyOf(prototypes);
  }

  /** null when some call or type is unsupported (the caller leaves the Aggregate to Enumerable). */
  public static @Nullable PlanNode create(PlanNode input, RelDataType inputRowType,
      ImmutableBitSet groupSet, List<AggregateCall> calls, RelDataType outputRowType) {
    int[] groupFields = groupSet.toArray();
    if (outputRowType.getFieldCount() != groupFields.length + calls.size()) {
      return null;
    }
    ColumnKind[] keyKinds = new ColumnKind[groupFields.length];
    int[] keyScales = new int[groupFields.length];
    for (int k = 0; k < groupFields.length; k++) {
      RelDataType outputType = outputRowType.getFieldList().get(k).getType();
      ColumnKind kind = ColumnKinds.of(inputRowType.getFieldList().get(groupFields[k]).getType());
      if (kind == null || kind != ColumnKinds.of(outputType)) {
        return null;
      }
      keyKinds[k] = kind;
      keyScales[k] = kind == ColumnKind.DECIMAL ? outputType.getScale() : 0;
    }
    List<Accumulator> prototypes = new ArrayList<>();
    for (int c = 0; c < calls.size(); c++) {
      RelDataType resultType = outputRowType.getFieldList().get(groupFields.length + c).getType();
      Accumulator accumulator = Accumulators.of(calls.get(c), inputRowType, resultType);
      if (accumulator == null) {
        return null;
      }
      prototypes.add(accumulator);
    }
    return new HashAggregateNode(input, groupFields, keyKinds, keyScales, prototypes);
  }

  @Override
  public int partitions(QueryContext context) {
    return groupFields.length == 0 ? 1 : context.parallelism();
  }

  @Override
  public Operator open(QueryContext context, int partition) {
    PartialPhase phase;
    synchronized (phases) {
      phase = phases.computeIfAbsent(context, c -> new PartialPhase(partitions(c)));
    }
    return new AggregateOperator(context, partition, phase);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  GroupTable newTable(QueryContext context) {
    KeyTable keys;
    if (groupFields.length == 0) {
      keys = new GlobalKeyTable();
    } else if (groupFields.length == 1 && keyKinds[0] == ColumnKind.LONG) {
      keys = new LongKeyTable();
    } else if (groupFields.length == 2 && keyKinds[0] == ColumnKind.LONG
        && keyKinds[1] == ColumnKind.LONG) {
      keys = new LongPairKeyTable();
    } else {
      keys = new GenericKeyTable(keyKinds, keyScales);
    }
    return new GroupTable(groupFields, keys, prototypes, context.memory());
  }

  PlanNode input() {
    return input;
  }

  /** Called once every output partition has taken its bucket, so a re-run starts afresh. */
  void finished(QueryContext context, PartialPhase phase) {
    synchronized (phases) {
      phases.remove(context, phase);
    }
  }

  /** One output partition: merges its bucket on the first call, then emits its groups. */
  private final class AggregateOperator implements Operator {
    private final QueryContext context;
    private final int partition;
    private final PartialPhase phase;
    private GroupTable table;
    private int emitted;

    AggregateOperator(QueryContext context, int partition, PartialPhase phase) {
      this.context = context;
      this.partition = partition;
      this.phase = phase;
    }

    @Override
    public Batch next() {
      context.checkCanceled();
      if (table == null) {
        table = phase.finalTable(HashAggregateNode.this, context, partition);
      }
      int remaining = table.size() - emitted;
      if (remaining <= 0) {
        return null;
      }
      int count = Math.min(remaining, MAX_BATCH_ROWS);
      Batch batch = table.output(emitted, count);
      emitted += count;
      return batch;
    }

    @Override
    public void close() {
      if (table != null) {
        table.release();
        table = null;
      } else {
        phase.finish(HashAggregateNode.this, context, partition, false);
      }
    }
  }
}
