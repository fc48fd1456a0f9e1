package io.basalt.storage;

/**
 * Settings of the store. {@code blockRows}: rows per column block (key storage.block-rows);
 * {@code zstdLevel}: Zstandard level applied over each encoded block (storage.zstd-level);
 * {@code slices}: how many slices rows are spread over (storage.slices).
 */
public record StorageConfig(int blockRows, int zstdLevel, int slices) {
  public static final int DEFAULT_BLOCK_ROWS = 65_536;
  public static final int DEFAULT_ZSTD_LEVEL = 1;

  public StorageConfig {
    if (blockRows < 1 || slices < 1) {
      throw new IllegalArgumentException("blockRows and slices must be positive");
    }
  }

  public static StorageConfig defaults() {
    return new StorageConfig(DEFAULT_BLOCK_ROWS, DEFAULT_ZSTD_LEVEL,
        Runtime.getRuntime().availableProcessors());
  }

  public StorageConfig withBlockRows(int rows) {
    return new StorageConfig(rows, zstdLevel, slices);
  }

  public StorageConfig withSlices(int count) {
    return new StorageConfig(blockRows, zstdLevel, count);
  }
}
