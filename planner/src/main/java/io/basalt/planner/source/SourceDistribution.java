package io.basalt.planner.source;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.DistStyle;

/**
 * How a source places rows on slices: a native table's DISTSTYLE and, for KEY, its key column's
 * index; {@link #NONE} for sources whose rows are not placed by Basalt (files, remote tables).
 */
public record SourceDistribution(DistStyle style, int keyColumn) {
  /** Rows are not placed on slices by any key. */
  public static final SourceDistribution NONE = new SourceDistribution(DistStyle.EVEN, -1);

  public SourceDistribution {
    requireNonNull(style, "style is null");
  }

  /** Whether {@code column} is the KEY distribution column. */
  public boolean isKey(int column) {
    return style == DistStyle.KEY && column == keyColumn;
  }
}
