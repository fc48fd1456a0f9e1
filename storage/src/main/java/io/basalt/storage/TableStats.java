package io.basalt.storage;

/**
 * Sizes of a committed table: rows, encoded bytes on disk, blocks (over all columns), and rows in
 * the unsorted region (appended after the first sorted load, until VACUUM).
 */
public record TableStats(long rowCount, long sizeBytes, long blockCount, long unsortedRows) {}
