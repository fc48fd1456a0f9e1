package io.basalt.storage.format;

import io.basalt.storage.ColumnDefinition;
import io.basalt.storage.ColumnPredicate;
import io.basalt.storage.DistStyle;
import io.basalt.storage.SortKeyKind;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.predicate.BoundPredicate;
import io.basalt.storage.zonemap.ZoneMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;

/**
 * Decides from a row group's column statistics (min, max, null count) whether any of its rows
 * can pass the scan's predicates. Inclusive: it answers false only when no row can match, so
 * skipping on false never loses a row. Statistics are turned into the store's zone maps and
 * tested with the same {@link BoundPredicate}s the native store uses.
 */
final class RowGroupPruner {
  private record Entry(BoundPredicate predicate, ParquetColumnBinding binding) {}

  private final List<Entry> entries = new ArrayList<>();

  RowGroupPruner(List<ColumnDefinition> tableColumns, List<ColumnPredicate> predicates,
      Map<Integer, ParquetColumnBinding> bindings) {
    if (predicates.isEmpty()) {
      return;
    }
    TableDefinition table = new TableDefinition(0, "lake", "file", tableColumns, DistStyle.EVEN,
        null, SortKeyKind.NONE, List.of(), false);
    for (ColumnPredicate predicate : predicates) {
      entries.add(new Entry(BoundPredicate.bind(predicate, table),
          bindings.get(predicate.column())));
    }
  }

  boolean mayMatch(BlockMetaData block) {
    for (Entry entry : entries) {
      ZoneMap zone = zone(entry.binding(), block);
      if (zone != null && !entry.predicate().mayMatch(zone)) {
        return false;
      }
    }
    return true;
  }

  /** The row group's zone map for the column, or null when its statistics say nothing. */
  private static ZoneMap zone(ParquetColumnBinding binding, BlockMetaData block) {
    long rows = block.getRowCount();
    if (rows <= 0 || rows > Integer.MAX_VALUE) {
      return null;
    }
    if (binding.missing()) {
      return new ZoneMap((int) rows, (int) rows, null, null);
    }
    ColumnChunkMetaData chunk = chunk(block, binding.path());
    Statistics<?> statistics = chunk == null ? null : chunk.getStatistics();
    if (statistics == null || statistics.isEmpty()) {
      return null;
    }
    long nulls = statistics.isNumNullsSet() ? statistics.getNumNulls() : -1;
    if (!statistics.hasNonNullValue()) {
      return nulls == rows ? new ZoneMap((int) rows, (int) rows, null, null) : null;
    }
    if (nulls < 0 || nulls >= rows) {
      // Unknown (or inconsistent): at least one value is not NULL, others may be.
      nulls = rows > 1 ? 1 : 0;
    }
    ParquetDecoders.Decoder decoder = binding.decoder();
    Comparable<?> min = decoder.zoneValue(statistics.genericGetMin());
    Comparable<?> max = decoder.zoneValue(statistics.genericGetMax());
    if (binding.floating()
        && !(statistics.isNanCountSet() && statistics.getNanCount() == 0)) {
      // Writers leave NaN (which sorts above every number) out of the maximum.
      max = null;
    }
    return new ZoneMap((int) rows, (int) nulls, min, max);
  }

  private static ColumnChunkMetaData chunk(BlockMetaData block, ColumnPath path) {
    for (ColumnChunkMetaData chunk : block.getColumns()) {
      if (chunk.getPath().equals(path)) {
        return chunk;
      }
    }
    return null;
  }
}
