package io.basalt.storage.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A segment written from the rows of several small segments of one slice, to replace them. */
public record SegmentMerge(List<SegmentRef> replaced, SegmentRef merged) {
  public SegmentMerge {
    replaced = List.copyOf(replaced);
    requireNonNull(merged, "merged is null");
  }
}
