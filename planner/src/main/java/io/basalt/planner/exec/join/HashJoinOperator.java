package io.basalt.planner.exec.join;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.Operator;
import io.basalt.planner.exec.QueryContext;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * One probe partition of a {@link HashJoinNode}: finds each probe batch's candidate build rows
 * with one table lookup per row, then walks the key chains into (probe row, build row) pairs a
 * chunk at a time, gathers the pairs' columns, and filters them by the residual condition.
 */
final class HashJoinOperator implements Operator {
  /** Most rows in one output batch; one probe batch can produce many more matches. */
  static final int CHUNK = 1 << 16;
  private static final int CHAIN_NOT_STARTED = -2;

  /** Where the operator is in its probe batch and in its input. */
  private enum Phase {
    NEXT_PROBE, PAIRS, PROBE_ROWS, FINISH_PROBE, UNMATCHED_BUILD, SWAPPED_ROWS, DONE
  }

  private final HashJoinNode node;
  private final QueryContext context;
  private final int partition;
  private final SharedBuild shared;
  /** The left input's share: streamed, or (SEMI and ANTI) replayed from the drained batches. */
  private Operator probe;
  private final boolean leftOnly;
  private final boolean marksProbe;
  private final boolean marksBuild;
  private BuildSide build;
  private Prepared prepared;
  /** Swapped SEMI and ANTI joins: the next drained left batch and its first row's index. */
  private int swappedBatch;
  private int swappedOffset;
  private Phase phase = Phase.NEXT_PROBE;
  private boolean closed;

  private Batch probeBatch;
  private int[] heads = new int[0];
  private boolean[] probeMatched = new boolean[0];
  private int cursorRow;
  private int cursorChain;
  private final int[] pairProbe = new int[CHUNK];
  private final int[] pairBuild = new int[CHUNK];
  private final int[] kept;

  HashJoinOperator(HashJoinNode node, QueryContext context, int partition, SharedBuild shared,
      Operator probe) {
    this.node = node;
    this.context = context;
    this.partition = partition;
    this.shared = shared;
    this.probe = probe;
    JoinRelType type = node.joinType;
    this.leftOnly = node.leftOnlyOutput();
    this.marksProbe = type == JoinRelType.LEFT || type == JoinRelType.FULL || leftOnly;
    this.marksBuild = node.tracksBuildMatches();
    this.kept = node.residual != null && node.residualInputs == null ? new int[CHUNK] : null;
  }

  @Override
  public Batch next() {
    if (prepared == null) {
      start();
    }
    while (true) {
      Batch out = switch (phase) {
        case NEXT_PROBE -> nextProbe();
        case PAIRS -> pairs();
        case PROBE_ROWS -> probeRows();
        case FINISH_PROBE -> finishProbe();
        case UNMATCHED_BUILD -> unmatchedBuild();
        case SWAPPED_ROWS -> swappedRows();
        case DONE -> null;
      };
      if (out != null || phase == Phase.DONE) {
        return out;
      }
    }
  }

  private void start() {
    prepared = shared.await(node, context);
    build = prepared.build();
    if (prepared.leftMatched() != null) {
      phase = Phase.SWAPPED_ROWS;
      List<List<Batch>> partitions = prepared.leftPartitions();
      for (int p = 0; p < partition; p++) {
        for (Batch batch : partitions.get(p)) {
          swappedOffset += batch.size();
        }
      }
    } else if (prepared.leftPartitions() != null) {
      probe = new BatchList(prepared.leftPartitions().get(partition));
    }
  }

  /** Swapped SEMI and ANTI joins: this partition's left rows that (do not) have a match. */
  private Batch swappedRows() {
    context.checkCanceled();
    List<Batch> batches = prepared.leftPartitions().get(partition);
    if (swappedBatch == batches.size()) {
      phase = Phase.DONE;
      return null;
    }
    Batch batch = batches.get(swappedBatch++);
    int size = batch.size();
    int offset = swappedOffset;
    swappedOffset += size;
    boolean[] matched = prepared.leftMatched();
    boolean wanted = node.joinType == JoinRelType.SEMI;
    int[] positions = size <= CHUNK ? pairProbe : new int[size];
    int count = 0;
    for (int i = 0; i < size; i++) {
      if (matched[offset + i] == wanted) {
        positions[count++] = i;
      }
    }
    return count == 0 ? null : batch.select(positions, count);
  }

  private Batch nextProbe() {
    context.checkCanceled();
    Batch batch = probe.next();
    if (batch == null) {
      phase = Phase.FINISH_PROBE;
      return null;
    }
    int size = batch.size();
    if (size == 0) {
      return null;
    }
    probeBatch = batch;
    if (heads.length < size) {
      heads = new int[size];
      probeMatched = new boolean[size];
    }
    KeyVector[] keys = new KeyVector[node.leftKeys.length];
    for (int k = 0; k < keys.length; k++) {
      Column column = batch.column(node.leftKeys[k]);
      keys[k] = build.table.longKey(k) ? KeyVector.asLongs(column) : KeyVector.asObjects(column);
    }
    build.table.probe(keys, size, heads);
    cursorRow = 0;
    if (leftOnly && node.residual == null) {
      // A SEMI or ANTI join without a residual needs no pairs: a head is a match.
      for (int i = 0; i < size; i++) {
        probeMatched[i] = heads[i] >= 0;
      }
      phase = Phase.PROBE_ROWS;
      return null;
    }
    if (marksProbe) {
      Arrays.fill(probeMatched, 0, size, false);
    }
    cursorChain = CHAIN_NOT_STARTED;
    phase = Phase.PAIRS;
    return null;
  }

  /** The next chunk of matching pairs of the current probe batch, or null. */
  private Batch pairs() {
    // One probe batch can yield millions of pairs (a keyless join): check between chunks.
    context.checkCanceled();
    int count = fillPairs();
    if (count == 0) {
      phase = marksProbe ? Phase.PROBE_ROWS : Phase.NEXT_PROBE;
      cursorRow = 0;
      return null;
    }
    Batch candidates = null;
    if (node.residual != null) {
      candidates = gatherPairs(count, node.residualInputs);
      Column result = node.residual.evaluate(candidates, context);
      long[] values = result.longs;
      boolean[] nulls = result.nulls;
      int matches = 0;
      // Compacts the pairs in place to those the residual accepts (1 and not NULL).
      for (int j = 0; j < count; j++) {
        if (values[j] == 1 && (nulls == null || !nulls[j])) {
          if (kept != null) {
            kept[matches] = j;
          }
          pairProbe[matches] = pairProbe[j];
          pairBuild[matches] = pairBuild[j];
          matches++;
        }
      }
      if (node.residualInputs != null) {
        candidates = null;
      } else if (matches < count) {
        candidates = candidates.select(kept, matches);
      }
      count = matches;
    }
    for (int m = 0; m < count; m++) {
      if (marksProbe) {
        probeMatched[pairProbe[m]] = true;
      }
      if (marksBuild) {
        build.matched[pairBuild[m]] = true;
      }
    }
    if (leftOnly || count == 0) {
      return null;
    }
    return candidates != null ? candidates : gatherPairs(count, null);
  }

  /**
   * Walks the key chains from the cursor into the pair arrays until they are full or the probe
   * batch is done; returns how many pairs it wrote. SEMI and ANTI skip rows already matched.
   */
  private int fillPairs() {
    int size = probeBatch.size();
    int[] next = build.table.next;
    int count = 0;
    int row = cursorRow;
    int chain = cursorChain;
    while (row < size) {
      int buildRow = chain == CHAIN_NOT_STARTED ? heads[row] : chain;
      if (leftOnly && probeMatched[row]) {
        buildRow = -1;
      }
      while (buildRow >= 0 && count < CHUNK) {
        pairProbe[count] = row;
        pairBuild[count] = buildRow;
        count++;
        buildRow = next[buildRow];
      }
      if (buildRow >= 0) {
        chain = buildRow;
        break;
      }
      row++;
      chain = CHAIN_NOT_STARTED;
    }
    cursorRow = row;
    cursorChain = chain;
    return count;
  }

  /**
   * The rows (left fields ++ right fields) of the first {@code count} pairs; only the fields in
   * {@code fields} when it is not null, the others NULL placeholders.
   */
  private Batch gatherPairs(int count, ImmutableBitSet fields) {
    int leftFields = probeBatch.columnCount();
    Column[] columns = new Column[leftFields + build.columns.length];
    for (int f = 0; f < leftFields; f++) {
      columns[f] = fields == null || fields.get(f) ? probeBatch.column(f).select(pairProbe, count)
          : Placeholders.of(node.leftKinds[f], node.leftScales[f], count);
    }
    for (int f = 0; f < build.columns.length; f++) {
      int field = leftFields + f;
      columns[field] = fields == null || fields.get(field)
          ? build.columns[f].select(pairBuild, count)
          : Placeholders.of(node.rightKinds[f], node.rightScales[f], count);
    }
    return new Batch(count, columns);
  }

  /**
   * After the pairs of a probe batch: the probe rows a SEMI join keeps (matched), or an ANTI,
   * LEFT or FULL join keeps (unmatched, NULL-extended for LEFT and FULL), a chunk at a time.
   */
  private Batch probeRows() {
    int size = probeBatch.size();
    boolean wanted = node.joinType == JoinRelType.SEMI;
    int[] positions = pairProbe;
    int count = 0;
    int row = cursorRow;
    while (row < size && count < CHUNK) {
      if (probeMatched[row] == wanted) {
        positions[count++] = row;
      }
      row++;
    }
    cursorRow = row;
    if (row == size) {
      phase = Phase.NEXT_PROBE;
    }
    if (count == 0) {
      return null;
    }
    Batch rows = probeBatch.select(positions, count);
    if (leftOnly) {
      return rows;
    }
    Column[] columns = new Column[rows.columnCount() + node.rightKinds.length];
    for (int f = 0; f < rows.columnCount(); f++) {
      columns[f] = rows.column(f);
    }
    for (int f = 0; f < node.rightKinds.length; f++) {
      columns[rows.columnCount() + f] =
          Column.allNull(node.rightKinds[f], node.rightScales[f], count);
    }
    return new Batch(count, columns);
  }

  private Batch finishProbe() {
    if (marksBuild && shared.finishProbe()) {
      cursorRow = 0;
      phase = Phase.UNMATCHED_BUILD;
    } else {
      phase = Phase.DONE;
    }
    return null;
  }

  /** The build rows no probe partition matched, NULL-extended on the left, a chunk at a time. */
  private Batch unmatchedBuild() {
    context.checkCanceled();
    boolean[] matched = build.matched;
    int count = 0;
    int row = cursorRow;
    while (row < build.rows && count < CHUNK) {
      if (!matched[row]) {
        pairBuild[count++] = row;
      }
      row++;
    }
    cursorRow = row;
    if (row == build.rows) {
      phase = Phase.DONE;
    }
    if (count == 0) {
      return null;
    }
    int leftFields = node.leftKinds.length;
    Column[] columns = new Column[leftFields + build.columns.length];
    for (int f = 0; f < leftFields; f++) {
      columns[f] = Column.allNull(node.leftKinds[f], node.leftScales[f], count);
    }
    for (int f = 0; f < build.columns.length; f++) {
      columns[leftFields + f] = build.columns[f].select(pairBuild, count);
    }
    return new Batch(count, columns);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (probe != null) {
        probe.close();
      }
    } finally {
      node.closed(context, shared);
    }
  }

  /** Replays drained batches as an operator. */
  private static final class BatchList implements Operator {
    private final List<Batch> batches;
    private int next;

    BatchList(List<Batch> batches) {
      this.batches = batches;
    }

    @Override
    public Batch next() {
      return next < batches.size() ? batches.get(next++) : null;
    }

    @Override
    public void close() {}
  }
}
