package io.basalt.tpch;

import java.util.Locale;

/**
 * Where the TPC-H queries read their tables: Basalt's native store, Parquet files in the lake,
 * or Iceberg tables in the lake.
 */
enum TableFormat {
  /** The tables as loaded by COPY, in Basalt's columnar store (DuckDB: its own database). */
  NATIVE,
  /** The tables unloaded to Parquet files in the object store, read as external tables. */
  PARQUET,
  /** The tables copied by CREATE TABLE AS into Iceberg tables in the object store. */
  ICEBERG;

  /** Parses {@code native}, {@code parquet} or {@code iceberg}, in any case. */
  static TableFormat parse(String text) {
    for (TableFormat format : values()) {
      if (format.label().equalsIgnoreCase(text.trim())) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "Cannot use table format \"" + text + "\": expected native, parquet or iceberg");
  }

  /** The option's spelling: {@code native}, {@code parquet}, {@code iceberg}. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
