package io.basalt.storage.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.SortKeyKind;
import io.basalt.storage.TableDefinition;
import io.basalt.storage.TableStats;
import java.util.List;

/** A table in the manifest: its definition and its committed segments. */
public record TableEntry(TableDefinition definition, List<SegmentRef> segments) {
  public TableEntry {
    requireNonNull(definition, "definition is null");
    segments = List.copyOf(segments);
  }

  public long rowCount() {
    long rows = 0;
    for (SegmentRef segment : segments) {
      rows += segment.rows();
    }
    return rows;
  }

  public TableStats stats() {
    long rows = 0;
    long bytes = 0;
    long blocks = 0;
    long unsorted = 0;
    for (SegmentRef segment : segments) {
      rows += segment.rows();
      bytes += segment.sizeBytes();
      blocks += segment.blocks();
      if (!segment.sorted()) {
        unsorted += segment.rows();
      }
    }
    return new TableStats(rows, bytes, blocks,
        definition.sortKeyKind() == SortKeyKind.NONE ? 0 : unsorted);
  }
}
