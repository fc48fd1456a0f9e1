package io.basalt.storage.format;

/**
 * What file scans did, at one moment: bytes fetched from the object store, rows decoded, files
 * and splits opened, and Parquet row groups read or skipped by their statistics.
 */
public record ScanCounts(long bytesRead, long rowsRead, long filesRead, long rowGroupsRead,
    long rowGroupsSkipped, long splits) {}
