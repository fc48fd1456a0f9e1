package io.basalt.storage;

/**
 * What a scan of the native store did so far: blocks (row ranges of one segment, all columns)
 * whose zone maps let it skip them, blocks it decoded, rows in the decoded blocks, and rows it
 * returned after the predicates.
 */
public record ScanStatistics(long blocksSkipped, long blocksRead, long rowsRead,
    long rowsReturned) {}
