/**
 * External (Spectrum / Athena) tables: files in an object store described by the Data Catalog,
 * read through the table-source seam; their DDL, partitions, crawler, UNLOAD and system tables.
 */
package io.basalt.federation.lake;
