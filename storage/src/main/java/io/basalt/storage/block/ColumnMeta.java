package io.basalt.storage.block;

import java.util.List;

/** The blocks of one column in a segment, with the decimal scale for wide decimals. */
public record ColumnMeta(PhysicalType type, int scale, List<BlockMeta> blocks) {
  public ColumnMeta {
    blocks = List.copyOf(blocks);
  }
}
