/**
 * Redshift's COPY: resolves local and s3:// sources, streams TEXT, CSV and JSON files
 * (optionally gzip or zstd compressed), converts fields to the store's values, applies MAXERROR
 * with an all-or-nothing commit, and records rejected rows in STL_LOAD_ERRORS. Parquet files
 * load through storage.format's reader, columns matched by name, without MAXERROR. The rows go
 * to a native table's writer, or to the writer a {@link io.basalt.ingest.LoadTarget} brings
 * (an Iceberg table's, through the planner's CopyRunner).
 */
package io.basalt.ingest;
