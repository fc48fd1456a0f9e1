package io.basalt.storage.block;

import java.util.List;

/**
 * The index at the end of a segment file: its row count, rows per block (every block is full but
 * the last) and each column's blocks.
 */
public record SegmentFooter(int rows, int blockRows, List<ColumnMeta> columns) {
  public SegmentFooter {
    columns = List.copyOf(columns);
  }

  public int blockCount() {
    return (rows + blockRows - 1) / blockRows;
  }

  public int rowsInBlock(int block) {
    return Math.min(blockRows, rows - block * blockRows);
  }

  public long sizeBytes() {
    long total = 0;
    for (ColumnMeta column : columns) {
      for (BlockMeta block : column.blocks()) {
        total += block.length();
      }
    }
    return total;
  }
}
