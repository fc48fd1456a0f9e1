package io.basalt.storage.catalog;

import static java.util.Objects.requireNonNull;

/**
 * One committed segment file of a table: its file name under the segments directory, the slice
 * its rows belong to, rows, encoded bytes, blocks over all columns, and whether it is in the
 * sorted region (false for rows appended to a table that already had rows).
 */
public record SegmentRef(
    String file, int slice, long rows, long sizeBytes, long blocks, boolean sorted) {
  public SegmentRef {
    requireNonNull(file, "file is null");
  }

  public SegmentRef asUnsorted() {
    return new SegmentRef(file, slice, rows, sizeBytes, blocks, false);
  }
}
