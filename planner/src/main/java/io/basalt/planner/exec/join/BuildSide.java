package io.basalt.planner.exec.join;

import io.basalt.planner.exec.Batch;
import io.basalt.planner.exec.Column;
import io.basalt.planner.exec.ColumnKind;
import io.basalt.planner.exec.MemoryTracker;
import io.basalt.planner.exec.QueryContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The hashed side of one join execution: one input's rows concatenated into one column per
 * field, the hash table over its keys, and (RIGHT and FULL joins) a flag per row set by
 * whichever probe partition matches it.
 */
final class BuildSide {
  final int rows;
  /** One column per field; null for the fields neither output nor residual reads. */
  final Column[] columns;
  final JoinHashTable table;
  /**
   * Written with plain stores by all probe partitions (only ever false to true); the last
   * partition reads it after the counter in {@link SharedBuild} orders those writes before it.
   */
  final boolean[] matched;
  /** Bytes reserved in the query's memory tracker, released when the execution ends. */
  final long reservedBytes;

  private BuildSide(int rows, Column[] columns, JoinHashTable table, boolean[] matched,
      long reservedBytes) {
    this.rows = rows;
    this.columns = columns;
    this.table = table;
    this.matched = matched;
    this.reservedBytes = reservedBytes;
  }

  /**
   * Hashes {@code batches} (already reserved by the caller) on {@code keys}, keeping the fields
   * marked {@code needed} (keys always) and a match flag per row when {@code tracksMatches}.
   */
  static BuildSide build(List<Batch> batches, ColumnKind[] kinds, int[] scales, int[] keys,
      boolean[] needed, boolean tracksMatches, QueryContext context) {
    MemoryTracker memory = context.memory();
    int rows = 0;
    for (Batch batch : batches) {
      rows += batch.size();
    }
    int fields = kinds.length;
    boolean[] kept = needed.clone();
    for (int key : keys) {
      kept[key] = true;
    }
    long reserved = 0;
    try {
      long columnBytes = 0;
      for (Batch batch : batches) {
        for (int f = 0; f < fields; f++) {
          columnBytes += kept[f] ? batch.column(f).estimatedBytes() : 0;
        }
      }
      memory.reserve(columnBytes);
      reserved += columnBytes;
      Column[] columns = new Column[fields];
      List<Column> parts = new ArrayList<>(batches.size());
      for (int f = 0; f < fields; f++) {
        if (!kept[f]) {
          continue;
        }
        parts.clear();
        for (Batch batch : batches) {
          parts.add(batch.column(f));
        }
        columns[f] = Column.concat(parts, kinds[f], scales[f]);
      }
      KeyVector[] keyVectors = new KeyVector[keys.length];
      for (int k = 0; k < keys.length; k++) {
        Column column = columns[keys[k]];
        keyVectors[k] = KeyVector.longForm(column) ? KeyVector.asLongs(column)
            : KeyVector.asObjects(column);
      }
      context.checkCanceled();
      JoinHashTable table = JoinHashTable.build(keyVectors, rows, context);
      boolean[] matched = tracksMatches ? new boolean[rows] : null;
      long tableBytes = table.estimatedBytes() + (matched == null ? 0 : rows);
      memory.reserve(tableBytes);
      reserved += tableBytes;
      return new BuildSide(rows, columns, table, matched, reserved);
    } catch (RuntimeException | Error e) {
      memory.release(reserved);
      throw e;
    }
  }
}
