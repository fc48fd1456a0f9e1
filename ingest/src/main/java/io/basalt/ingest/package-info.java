/**
 * Redshift's COPY: resolves local and s3:// sources, streams TEXT, CSV and JSON files
 * (optionally gzip or zstd compressed), converts fields to the store's values, applies MAXERROR
 * with an all-or-nothing commit, and records rejected rows in STL_LOAD_ERRORS. Parquet files
 * load through storage.format's reader, columns matched by name, without MAXERROR.
 */
package io.basalt.ingest;
